import datetime as dt

import pytest
from django.core import mail
from django.http import Http404
from django.utils import timezone

from infolijn.knowledge import access
from infolijn.knowledge.actions import revise_script, withdraw_script
from infolijn.knowledge.errors import KnowledgeError
from infolijn.knowledge.models import ReviewReminder, ScriptPage, Visibility
from infolijn.knowledge.tasks import send_review_reminders
from tests.factories import make_script


def publish_change(script, editor, **changes):
    revise_script(script=script, actor=editor, changes=changes).publish(
        user=editor, skip_permission_checks=True
    )
    return ScriptPage.objects.get(pk=script.pk)


def test_agent_only_script_is_never_public(client, editor, agent):
    script = publish_change(
        make_script("storing"),
        editor,
        visibility=Visibility.AGENTS_ONLY,
        agent_notes="Verwijs door naar de tweede lijn.",
    )
    assert client.get("/info/storing/").status_code == 404
    assert script not in ScriptPage.objects.public(timezone.now())
    assert "storing" not in client.get("/sitemap.xml").content.decode()
    client.force_login(agent)
    page = client.get("/kennisbank/storing/")
    assert page.status_code == 200
    assert "Verwijs door naar de tweede lijn." in page.content.decode()


def test_agents_see_a_script_before_the_public_does(client, editor, agent):
    later = timezone.now() + dt.timedelta(days=1)
    publish_change(make_script("dringend"), editor, public_from=later)
    assert client.get("/info/dringend/").status_code == 404
    assert access.access_desk_script(user=agent, script_id="dringend").script_id == "dringend"


def test_agent_notes_never_reach_the_public_page(client, editor):
    publish_change(make_script("nota"), editor, agent_notes="INTERN-GEHEIM")
    response = client.get("/info/nota/")
    assert response.status_code == 200
    assert "INTERN-GEHEIM" not in response.content.decode()


def test_withdrawal_unpublishes_and_redirects(client, editor, agent):
    old = make_script("oud")
    new = make_script("nieuw")
    withdraw_script(script=old, actor=editor, reason="Vervangen door nieuw script", replacement=new)
    response = client.get("/info/oud/")
    assert response.status_code == 301
    assert response["Location"].endswith("/info/nieuw/")
    assert not ScriptPage.objects.get(pk=old.pk).live
    with pytest.raises(Http404):
        access.access_desk_script(user=agent, script_id="oud")


def test_withdrawal_without_replacement_leads_to_the_theme(client, editor):
    script = make_script("weg")
    withdraw_script(script=script, actor=editor, reason="Maatregel afgeschaft")
    response = client.get("/info/weg/")
    assert response.status_code == 301
    assert response["Location"].endswith("/themas/gezin-en-kinderen/")


def test_withdrawal_needs_an_editor_and_a_reason(editor, agent):
    script = make_script("blijft")
    with pytest.raises(KnowledgeError):
        withdraw_script(script=script, actor=agent, reason="Ik wil dit weg")
    with pytest.raises(KnowledgeError):
        withdraw_script(script=script, actor=editor, reason="   ")
    assert ScriptPage.objects.get(pk=script.pk).live


def test_withdraw_view(client, editor):
    script = make_script("via-scherm")
    client.force_login(editor)
    url = f"/kennisbank/{script.script_id}/intrekken/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"reason": ""})
    assert "Geef een reden op." in response.content.decode()
    assert ScriptPage.objects.get(pk=script.pk).live
    response = client.post(url, {"reason": "Niet meer van toepassing"})
    assert response.status_code == 302
    assert not ScriptPage.objects.get(pk=script.pk).live


def test_review_reminders_are_sent_once_per_review_date(editor):
    today = timezone.localdate()
    due = publish_change(
        make_script("nakijken", actor=editor), editor, review_by=today + dt.timedelta(days=5)
    )
    publish_change(
        make_script("later", actor=editor), editor, review_by=today + dt.timedelta(days=90)
    )
    mail.outbox.clear()
    assert send_review_reminders.call() == 1
    assert send_review_reminders.call() == 0
    assert [m.to for m in mail.outbox] == [[editor.email]]
    assert ReviewReminder.objects.filter(script=due).count() == 1

    publish_change(due, editor, review_by=today + dt.timedelta(days=7))
    assert send_review_reminders.call() == 1
