"""Recordings: only real audio, never public, kept as long as an evaluation needs them."""

import datetime as dt
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from infolijn.partners.roles import Role
from infolijn.quality.models import Recording
from infolijn.quality.recordings import MAX_RECORDING_BYTES, sniff_audio
from infolijn.quality.retention import MAX_RETENTION_DAYS, delete_expired_recordings
from tests.factories import make_user
from tests.quality.factories import make_call, make_evaluation, make_form, make_recording, wav_bytes


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (wav_bytes()[:16], "wav"),
        (b"ID3\x04\x00" + b"\x00" * 11, "mp3"),
        (b"\xff\xfb\x90\x64" + b"\x00" * 12, "mp3"),
        (b"OggS\x00\x02" + b"\x00" * 10, "ogg"),
        (b"<html><script>", None),
        (b"RIFF\x00\x00\x00\x00AVI ", None),
        (b"", None),
    ],
)
def test_sniffing_looks_at_the_content(head, kind):
    assert sniff_audio(head) == kind


def test_upload_and_playback_only_through_the_view(client, monitor, agent, partner_a):
    make_form()
    contact = make_call(partner_a, agent)
    client.force_login(monitor)
    upload = SimpleUploadedFile("Jan Peeters 0470123456.wav", wav_bytes())
    response = client.post(reverse("quality:upload_recording", args=[contact.pk]), {"file": upload})
    assert response.status_code == 302
    recording = Recording.objects.get()
    path = Path(recording.file.path)
    assert path.exists()
    assert Path(settings.MEDIA_ROOT) not in path.parents
    assert "Peeters" not in recording.file.name
    page = client.get(reverse("quality:evaluate", args=[contact.pk])).content.decode()
    assert (
        f'<audio controls preload="none" src="{reverse("quality:recording", args=[recording.pk])}"'
        in page
    )
    played = client.get(reverse("quality:recording", args=[recording.pk]))
    assert played["Content-Type"] == "audio/wav"
    assert b"".join(played.streaming_content) == wav_bytes()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("gesprek.wav", b"dit is tekst, geen audio", "geen WAV-, MP3- of OGG-bestand"),
        ("gesprek.mp3", b"", "leeg"),
    ],
)
def test_bad_uploads_are_refused(client, monitor, agent, partner_a, name, data, message):
    contact = make_call(partner_a, agent)
    client.force_login(monitor)
    response = client.post(
        reverse("quality:upload_recording", args=[contact.pk]),
        {"file": SimpleUploadedFile(name, data)},
        follow=True,
    )
    assert message in response.content.decode()
    assert not Recording.objects.exists()


def test_too_big_upload_is_refused(client, monitor, agent, partner_a, settings):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024
    contact = make_call(partner_a, agent)
    client.force_login(monitor)
    data = wav_bytes() + b"\x00" * (MAX_RECORDING_BYTES + 1 - len(wav_bytes()))
    response = client.post(
        reverse("quality:upload_recording", args=[contact.pk]),
        {"file": SimpleUploadedFile("groot.wav", data)},
        follow=True,
    )
    assert "groter dan 50 MB" in response.content.decode()
    assert not Recording.objects.exists()


def test_reviewers_and_other_agents_cannot_hear_it(client, monitor, agent, partner_a, reviewer_a):
    recording = make_recording(make_call(partner_a, agent), monitor)
    url = reverse("quality:recording", args=[recording.pk])
    client.force_login(reviewer_a)
    assert client.get(url).status_code == 403
    client.force_login(make_user(Role.AGENT))
    assert client.get(url).status_code == 404
    client.force_login(agent)  # no evaluation refers to it yet
    assert client.get(url).status_code == 404


def test_retention_keeps_recordings_that_evaluations_need(
    monitor, agent, partner_a, django_capture_on_commit_callbacks
):
    form = make_form()
    unused = make_recording(make_call(partner_a, agent), monitor)
    used_contact = make_call(partner_a, agent)
    used = make_recording(used_contact, monitor)
    evaluation = make_evaluation(used_contact, form, monitor)
    evaluation.recording = used
    evaluation.save(update_fields=["recording"])
    fresh = make_recording(make_call(partner_a, agent), monitor)
    old = timezone.now() - dt.timedelta(days=100)
    Recording.objects.filter(pk__in=[unused.pk, used.pk]).update(uploaded_at=old)
    unused_path = Path(unused.file.path)

    with django_capture_on_commit_callbacks(execute=True):
        assert delete_expired_recordings(now=timezone.now()) == 1
    assert set(Recording.objects.values_list("pk", flat=True)) == {used.pk, fresh.pk}
    assert not unused_path.exists()
    assert delete_expired_recordings(now=timezone.now()) == 0

    later = timezone.now() + dt.timedelta(days=MAX_RETENTION_DAYS)
    assert delete_expired_recordings(now=later) == 2
    evaluation.refresh_from_db()
    assert evaluation.recording is None
