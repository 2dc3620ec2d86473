"""Call recordings: what a file must be to be stored, and storing it."""

from django.contrib.auth.models import User
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from infolijn.contacts.models import Contact
from infolijn.partners.models import Channel
from infolijn.quality.models import Recording

MAX_RECORDING_BYTES = 50 * 1024 * 1024
#: Content type and file extension per recognised format.
FORMATS = {
    "wav": ("audio/wav", ".wav"),
    "mp3": ("audio/mpeg", ".mp3"),
    "ogg": ("audio/ogg", ".ogg"),
}


def sniff_audio(head: bytes) -> str | None:
    """The audio format of a file from its first bytes (not its name): wav, mp3, ogg or None."""
    if len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "wav"
    if head[:4] == b"OggS":
        return "ogg"
    if head[:3] == b"ID3":
        return "mp3"
    # An MPEG audio frame: 11 sync bits, a valid version and layer III.
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0 and head[1] & 0x06 == 0x02:
        return "mp3"
    return None


def recording_problem(upload: UploadedFile) -> str | None:
    """A Dutch message saying what is wrong with ``upload`` as a recording, or None."""
    if not upload.size:
        return "Het bestand is leeg."
    if upload.size > MAX_RECORDING_BYTES:
        megabytes = MAX_RECORDING_BYTES // (1024 * 1024)
        return f"Het bestand is groter dan {megabytes} MB."
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if sniff_audio(head) is None:
        return "Dit is geen WAV-, MP3- of OGG-bestand (de inhoud telt, niet de naam)."
    return None


def add_recording(
    *,
    contact: Contact,
    upload: UploadedFile,
    duration_seconds: int | None,
    actor: User,
) -> Recording:
    """Store a recording of a phone contact; the caller has checked it with recording_problem."""
    if contact.channel != Channel.PHONE:
        raise ValueError("only phone contacts have recordings")
    problem = recording_problem(upload)
    if problem is not None:
        raise ValueError(problem)
    head = upload.read(16)
    upload.seek(0)
    kind = sniff_audio(head)
    assert kind is not None
    content_type, extension = FORMATS[kind]
    upload.name = f"opname{extension}"
    with transaction.atomic():
        return Recording.objects.create(
            contact=contact,
            file=upload,
            content_type=content_type,
            size=upload.size or 0,
            duration_seconds=duration_seconds,
            uploaded_by=actor,
            uploaded_at=timezone.now(),
        )
