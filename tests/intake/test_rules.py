"""What the dossier state machine refuses, and that a refusal changes nothing."""

import pytest
from django.urls import reverse

from infolijn.intake.actions import (
    QuestionValues,
    accept_dossier,
    create_dossier,
    decline_dossier,
    go_live,
    request_more_info,
    submit_dossier,
    update_dossier,
)
from infolijn.intake.errors import IntakeError, IntakeErrorCode
from infolijn.intake.models import Dossier, DossierComment, DossierStatus
from infolijn.knowledge.models import ScriptPage
from infolijn.planning.models import PartnerEvent
from tests.factories import make_script
from tests.intake.factories import dossier_values, make_accepted, make_dossier, make_submitted


def refused(code: IntakeErrorCode, call, **kwargs) -> None:
    with pytest.raises(IntakeError) as info:
        call(**kwargs)
    assert info.value.code == code


@pytest.mark.django_db
def test_declined_dossier_cannot_be_accepted(partner_a, reviewer_a, team_lead, editor):
    dossier = make_submitted(partner_a, reviewer_a)
    decline_dossier(dossier=dossier, actor=team_lead, comment="Valt buiten onze opdracht.")
    refused(
        IntakeErrorCode.WRONG_STATE,
        accept_dossier,
        dossier=dossier,
        actor=team_lead,
        comment="Toch?",
        owner=team_lead,
        editor=editor,
    )
    assert Dossier.objects.get().status == DossierStatus.DECLINED
    assert not ScriptPage.objects.exists() and not PartnerEvent.objects.exists()


@pytest.mark.django_db
def test_partner_cannot_decide_on_own_request(partner_a, reviewer_a, editor):
    dossier = make_submitted(partner_a, reviewer_a)
    refused(
        IntakeErrorCode.NOT_ALLOWED,
        accept_dossier,
        dossier=dossier,
        actor=reviewer_a,
        comment="Graag",
        owner=editor,
        editor=editor,
    )
    refused(
        IntakeErrorCode.NOT_ALLOWED,
        request_more_info,
        dossier=dossier,
        actor=reviewer_a,
        comment="x",
    )
    assert Dossier.objects.get().status == DossierStatus.SUBMITTED


@pytest.mark.django_db
@pytest.mark.parametrize("comment", ["", "   \n "])
def test_a_decision_needs_a_comment(partner_a, reviewer_a, team_lead, editor, comment):
    dossier = make_submitted(partner_a, reviewer_a)
    steps = DossierComment.objects.count()
    for action in (request_more_info, decline_dossier):
        refused(
            IntakeErrorCode.COMMENT_REQUIRED,
            action,
            dossier=dossier,
            actor=team_lead,
            comment=comment,
        )
    refused(
        IntakeErrorCode.COMMENT_REQUIRED,
        accept_dossier,
        dossier=dossier,
        actor=team_lead,
        comment=comment,
        owner=team_lead,
        editor=editor,
    )
    assert Dossier.objects.get().status == DossierStatus.SUBMITTED
    assert DossierComment.objects.count() == steps


@pytest.mark.django_db
def test_empty_comment_in_the_browser_names_the_field(client, partner_a, reviewer_a, team_lead):
    dossier = make_submitted(partner_a, reviewer_a)
    client.force_login(team_lead)
    response = client.post(reverse("intake:decline", args=[dossier.reference]), {"comment": ""})
    assert response.status_code == 400
    assert "Schrijf een toelichting" in response.content.decode()
    assert Dossier.objects.get().status == DossierStatus.SUBMITTED


@pytest.mark.django_db
def test_accepting_needs_an_editor_and_a_line_owner(
    partner_a, reviewer_a, team_lead, editor, agent
):
    dossier = make_submitted(partner_a, reviewer_a)
    kwargs = {"dossier": dossier, "actor": team_lead, "comment": "Ok"}
    refused(
        IntakeErrorCode.NOT_AN_EDITOR, accept_dossier, owner=team_lead, editor=team_lead, **kwargs
    )
    refused(IntakeErrorCode.NOT_LINE_STAFF, accept_dossier, owner=agent, editor=editor, **kwargs)
    assert not ScriptPage.objects.exists() and not PartnerEvent.objects.exists()


@pytest.mark.django_db
def test_submit_needs_a_question_and_an_editable_state(partner_a, reviewer_a, team_lead):
    dossier = make_dossier(partner_a, reviewer_a, questions=())
    refused(IntakeErrorCode.NO_QUESTIONS, submit_dossier, dossier=dossier, actor=reviewer_a)
    update_dossier(dossier=dossier, values=dossier_values(), actor=reviewer_a)
    submit_dossier(dossier=dossier, actor=reviewer_a)
    refused(IntakeErrorCode.WRONG_STATE, submit_dossier, dossier=dossier, actor=reviewer_a)
    refused(
        IntakeErrorCode.WRONG_STATE,
        update_dossier,
        dossier=dossier,
        values=dossier_values(title="Stiekem"),
        actor=reviewer_a,
    )
    assert Dossier.objects.get().title == "Nieuwe regels schoolbonus"


@pytest.mark.django_db
def test_partner_cannot_write_for_another_partner_or_name_its_scripts(
    partner_a, partner_b, reviewer_a
):
    refused(
        IntakeErrorCode.NOT_ALLOWED,
        create_dossier,
        partner=partner_b,
        values=dossier_values(),
        actor=reviewer_a,
    )
    make_script("aangifte", partner=partner_b.name)
    refused(
        IntakeErrorCode.UNKNOWN_SCRIPT,
        create_dossier,
        partner=partner_a,
        values=dossier_values(questions=(QuestionValues("Vraag", "aangifte"),)),
        actor=reviewer_a,
    )
    assert not Dossier.objects.exists()


@pytest.mark.django_db
def test_go_live_refuses_open_items(partner_a, reviewer_a, team_lead, editor):
    dossier = make_accepted(partner_a, reviewer_a, team_lead, editor)
    from django.utils import timezone

    with pytest.raises(IntakeError) as info:
        go_live(dossier=dossier, actor=team_lead, now=timezone.now())
    assert info.value.code == IntakeErrorCode.NOT_READY
    assert "opleiding gegeven" in info.value.message
    assert Dossier.objects.get().status == DossierStatus.ACCEPTED


@pytest.mark.django_db
def test_references_count_up_per_year_and_html_is_kept_as_text(client, partner_a, reviewer_a):
    first = make_dossier(partner_a, reviewer_a)
    second = make_dossier(
        partner_a, reviewer_a, title="<script>alert('x')</script>", description="<b>vet</b>"
    )
    assert int(second.reference[-4:]) == int(first.reference[-4:]) + 1
    client.force_login(reviewer_a)
    page = client.get(reverse("intake:partner_detail", args=[second.reference])).content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert "<b>vet</b>" not in page


@pytest.mark.django_db
def test_bad_form_input_gets_dutch_messages(client, partner_a, reviewer_a):
    client.force_login(reviewer_a)
    response = client.post(
        reverse("intake:partner_create"),
        {
            "title": "",
            "kind": "new_rule",
            "description": "x",
            "go_live": "31-02-2026",
            "estimate_number": "-3",
            "estimate_unit": "week",
            "estimate_channel": "phone",
            "estimate_days": "99",
            "vragen-TOTAL_FORMS": "1",
            "vragen-INITIAL_FORMS": "0",
            "vragen-0-text": "",
            "vragen-0-existing_script_id": "Niet Goed!",
            "datums-TOTAL_FORMS": "1",
            "datums-INITIAL_FORMS": "0",
            "datums-0-date": "gisteren",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    for message in (
        "Vul dit veld in.",
        "Geef een geldige datum",
        "Kies minstens één kanaal.",
        "Het aantal kan niet negatief zijn.",
        "Hoogstens 60 dagen.",
        "alleen kleine letters",
    ):
        assert message in page, message
    assert not Dossier.objects.exists()
