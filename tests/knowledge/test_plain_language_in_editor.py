"""The plain-language check where editors write: panel, endpoint, word lists, the B1 rule."""

import json

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from infolijn.knowledge.actions import revise_script, submit_for_review
from infolijn.knowledge.errors import KnowledgeError
from infolijn.knowledge.models import GlossaryTerm, KnowledgeBasePage, OfficialeseEntry, ScriptPage
from infolijn.knowledge.review_status import review_status_of
from tests.factories import admin_script_form, make_script

pytestmark = pytest.mark.django_db

HARD = (
    "## Voorwaarden\n\nOvereenkomstig de bepalingen van het decreet dient de aanvrager, teneinde "
    "aanspraak te kunnen maken op de tegemoetkoming, desgevallend middels het daartoe bestemde "
    "formulier een verzoek in te dienen bij de bevoegde administratieve instantie, onverminderd de "
    "toepassing van de terzake geldende reglementering.\n"
)


def check(client, text):
    response = client.post(reverse("plain_language_check"), {"text": text})
    assert response.status_code == 200
    return json.loads(response.content)


def test_endpoint_returns_the_design_report(client, editor):
    client.force_login(editor)
    report = check(client, HARD)
    assert set(report) == {"words", "sentences", "difficulty", "level", "scores", "findings"}
    assert report["level"] in {"B2", "C1", "C2"}
    officialese = [f for f in report["findings"] if f["kind"] == "officialese"]
    assert any(f["text"].lower() == "teneinde" for f in officialese)
    for finding in report["findings"]:
        assert HARD[finding["start"] : finding["end"]] == finding["text"]


def test_endpoint_is_for_editors_and_reviewers_only(client, agent, reviewer_a):
    url = reverse("plain_language_check")
    assert client.post(url, {"text": "x"}).status_code == 302  # anonymous → login
    client.force_login(agent)
    assert client.post(url, {"text": "x"}).status_code in (302, 403)
    client.force_login(reviewer_a)
    assert client.post(url, {"text": "Je krijgt geld."}).status_code == 200
    assert client.get(url).status_code == 405


def test_endpoint_refuses_huge_text(client, editor):
    client.force_login(editor)
    response = client.post(reverse("plain_language_check"), {"text": "woord " * 50_000})
    assert response.status_code == 400
    assert "te lang" in response.json()["error"]


def test_editor_word_lists_change_the_check(client, editor):
    client.force_login(editor)
    text = "Je vraagt de woonbonuskaart aan. Dat doe je alsmede online."
    kinds = lambda: {(f["kind"], f["text"].lower()) for f in check(client, text)["findings"]}  # noqa: E731
    before = kinds()
    GlossaryTerm.objects.create(term="woonbonuskaart", explanation="een kaart voor de woonbonus")
    OfficialeseEntry.objects.create(phrase="online", suggestions="op het internet")
    after = kinds()
    assert not any(text == "woonbonuskaart" for _kind, text in after)
    assert ("officialese", "online") in after
    assert ("officialese", "online") not in before


def test_the_editor_shows_the_panel(client, editor, partner_a):
    script = make_script("paneel", publish=False, actor=editor, partner=partner_a.name)
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[script.pk])).content.decode()
    assert "data-plain-language" in html
    assert "plain-language-panel.js" in html


def test_submitting_a_hard_script_needs_a_reason(editor, second_editor, partner_a):
    script = make_script("moeilijk", publish=False, actor=editor, partner=partner_a.name, body=HARD)
    with pytest.raises(KnowledgeError) as error:
        submit_for_review(script=script, actor=editor)
    assert error.value.code.value == "level_reason_required"
    assert review_status_of(ScriptPage.objects.get(pk=script.pk)).code == "draft"
    revise_script(
        script=script,
        actor=editor,
        changes={"plain_language_reason": "Juridische tekst die letterlijk moet."},
    )
    submit_for_review(script=ScriptPage.objects.get(pk=script.pk), actor=editor)
    assert review_status_of(ScriptPage.objects.get(pk=script.pk)).code == "editorial_review"


def test_admin_submit_of_a_hard_script_without_reason_is_refused(client, editor, partner_a):
    from infolijn.knowledge.actions import ensure_theme

    theme = ensure_theme(name="Gezin en kinderen", actor=None)
    client.force_login(editor)
    parent = KnowledgeBasePage.objects.get()
    url = reverse("wagtailadmin_pages:add", args=["knowledge", "scriptpage", parent.pk])
    data = admin_script_form(script_id="moeilijk", partner=partner_a, theme=theme, body=HARD)
    response = client.post(url, data)
    assert response.status_code == 200
    assert "moeilijker dan B1" in response.content.decode()
    assert not ScriptPage.objects.filter(script_id="moeilijk").exists()

    data["plain_language_reason"] = "Letterlijke tekst uit het decreet."
    assert client.post(url, data).status_code == 302
    script = ScriptPage.objects.get(script_id="moeilijk")
    assert review_status_of(script).code == "editorial_review"
    assert PageLogEntry.objects.filter(page=script, action="infolijn.script.level_reason").exists()


def test_partner_reviewer_sees_the_same_report(client, reviewer_a, editor, partner_a):
    make_script("rapport", publish=False, actor=editor, partner=partner_a.name, body=HARD)
    client.force_login(reviewer_a)
    html = client.get(reverse("knowledge:partner_script", args=["rapport"])).content.decode()
    assert "Klaretaalcheck" in html
    assert "teneinde" in html.lower()
