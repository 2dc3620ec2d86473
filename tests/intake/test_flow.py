"""The whole intake: a partner's request to published scripts, planning, training and go-live."""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from infolijn.calendar import local_date
from infolijn.intake.actions import placeholder_body
from infolijn.intake.models import (
    BriefingRead,
    Dossier,
    DossierStatus,
    TrainingInvitation,
    TrainingSession,
)
from infolijn.intake.readiness import readiness_of
from infolijn.knowledge.actions import act_on_review, revise_script, submit_for_review
from infolijn.knowledge.models import ScriptPage
from infolijn.partners.calendar import working_calendar
from infolijn.partners.roles import Role
from infolijn.planning.models import PartnerEvent
from tests.factories import BODY, make_script, make_user
from tests.intake.factories import future_working_day
from tests.planning.factories import make_plan, make_snapshot

NEW_BODY = """## Hoeveel krijg je?

Je krijgt elk jaar een schoolbonus voor elk kind dat naar school gaat.

## Wanneer krijg je het?

1. Je krijgt de schoolbonus in augustus.
2. Je hoeft niets te doen.
"""


def form_data(go_live: dt.date, questions: list[tuple[str, str]], **extra) -> dict:
    data = {
        "title": "Nieuwe regels schoolbonus",
        "kind": "new_rule",
        "description": "De schoolbonus verandert.",
        "go_live": go_live.isoformat(),
        "channels": ["website", "phone"],
        "estimate_number": "140",
        "estimate_unit": "week",
        "estimate_channel": "phone",
        "estimate_days": "14",
        "contact_persons": "Sofie",
        "second_line": "tweedelijn@opgroeien.example",
        "vragen-TOTAL_FORMS": "3",
        "vragen-INITIAL_FORMS": "0",
        "datums-TOTAL_FORMS": "1",
        "datums-INITIAL_FORMS": "0",
        "datums-0-kind": "mailing",
        "datums-0-date": (go_live - dt.timedelta(days=3)).isoformat(),
        "datums-0-note": "Brief aan alle gezinnen",
    }
    for i, (text, script_id) in enumerate(questions):
        data[f"vragen-{i}-text"] = text
        data[f"vragen-{i}-existing_script_id"] = script_id
    data.update(extra)
    return data


def fresh(script: ScriptPage) -> ScriptPage:
    return ScriptPage.objects.get(pk=script.pk)


@pytest.mark.django_db
def test_the_whole_flow_from_request_to_go_live(
    client, partner_a, editor, second_editor, reviewer_a, agent
):
    existing = make_script("groeipakket-schoolbonus", partner=partner_a.name, body=BODY)
    lead = make_user(Role.TEAM_LEAD, username="kris-teamleider")
    agent2 = make_user(Role.AGENT, username="lars-voorlichter")
    go_live = future_working_day(20)

    # The partner opens a request and submits it.
    client.force_login(reviewer_a)
    response = client.post(
        reverse("intake:partner_create"),
        form_data(go_live, [("Hoeveel bedraagt de nieuwe schoolbonus?", "")]),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    dossier = Dossier.objects.get()
    assert dossier.reference == f"DOS-{local_date(timezone.now()).year}-0001"
    assert dossier.status == DossierStatus.DRAFT and dossier.partner == partner_a
    client.post(reverse("intake:submit", args=[dossier.reference]), {"comment": ""})
    assert Dossier.objects.get().status == DossierStatus.SUBMITTED

    # The line asks for more; the partner adds a question and submits again.
    client.force_login(lead)
    client.post(
        reverse("intake:more_info", args=[dossier.reference]),
        {"comment": "Welke bestaande scripts veranderen?"},
    )
    assert Dossier.objects.get().status == DossierStatus.MORE_INFO
    client.force_login(reviewer_a)
    page = client.get(reverse("intake:partner_detail", args=[dossier.reference])).content.decode()
    assert "Welke bestaande scripts veranderen?" in page
    response = client.post(
        reverse("intake:edit", args=[dossier.reference]),
        form_data(
            go_live,
            [
                ("Hoeveel bedraagt de nieuwe schoolbonus?", ""),
                ("Krijg ik de schoolbonus nog in augustus?", "groeipakket-schoolbonus"),
            ],
        ),
    )
    assert response.status_code == 302
    client.post(reverse("intake:submit", args=[dossier.reference]), {"comment": "Aangevuld."})
    assert Dossier.objects.get().status == DossierStatus.SUBMITTED

    # The line accepts: a draft, a revision mark, an event and a training need.
    client.force_login(lead)
    response = client.post(
        reverse("intake:accept", args=[dossier.reference]),
        {
            "comment": "Akkoord, we starten.",
            "owner": lead.pk,
            "editor": editor.pk,
            "lead_days": "5",
            "training_minutes": "60",
        },
    )
    assert response.status_code == 302
    dossier = Dossier.objects.get()
    assert dossier.status == DossierStatus.ACCEPTED and dossier.owner == lead
    questions = list(dossier.questions.order_by("id"))
    due = working_calendar().add_working_days(go_live, -5)
    assert [(q.revision, q.editor, q.due_date) for q in questions] == [
        (False, editor, due),
        (True, editor, due),
    ]
    draft = ScriptPage.objects.get(script_id=questions[0].script_id)
    assert not draft.live
    assert draft.get_latest_revision_as_object().body == placeholder_body(
        dossier, "Hoeveel bedraagt de nieuwe schoolbonus?"
    )
    assert questions[1].script_id == "groeipakket-schoolbonus"
    event = PartnerEvent.objects.get(dossier_ref=dossier.reference)
    assert (event.expected_extra, event.day, event.days, event.kind) == (280, go_live, 14, "other")
    assert dossier.event_reference == event.reference and dossier.training_needed
    readiness = readiness_of(dossier, timezone.now())
    assert [i.key for i in readiness.open_items] == ["scripts", "site", "training", "briefing"]

    # The editor writes both, a second editor and the partner approve: published.
    for script, changes in (
        (draft, {"title": "Schoolbonus vanaf 2027", "summary": "Wat je krijgt.", "body": NEW_BODY}),
        (existing, {"summary": "Je krijgt de schoolbonus in augustus."}),
    ):
        revise_script(script=script, actor=editor, changes=changes)
        submit_for_review(script=fresh(script), actor=editor)
        act_on_review(script=fresh(script), actor=second_editor, action="approve")
        act_on_review(script=fresh(script), actor=reviewer_a, action="approve")
        assert fresh(script).live and not fresh(script).has_unpublished_changes
    readiness = readiness_of(dossier, timezone.now())
    assert [i.key for i in readiness.open_items] == ["training", "briefing"]

    # Training on a proposed slot from the staffing plan, then attendance.
    slot_day = future_working_day(10)
    make_plan(make_snapshot(partner_a, start=slot_day, end=slot_day))
    page = client.get(reverse("intake:training_plan", args=[dossier.reference])).content.decode()
    assert "voorstel" in page and f"{slot_day:%d-%m}" in page
    response = client.post(
        reverse("intake:training_plan", args=[dossier.reference]),
        {
            "proposal": f"{slot_day.isoformat()}T09:00",
            "title": "Opleiding schoolbonus",
            "length_minutes": "60",
            "trainer": lead.pk,
            "capacity": "12",
            "location": "Zaal 2",
            "invite_all": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    session = TrainingSession.objects.get()
    assert (session.date, session.start_time) == (slot_day, dt.time(9))
    assert set(session.invitations.values_list("agent", flat=True)) == {agent.pk, agent2.pk}
    client.force_login(agent)
    assert "Opleiding schoolbonus" in client.get(reverse("intake:training_list")).content.decode()
    client.force_login(lead)
    client.post(
        reverse("intake:training_attendance", args=[session.pk]),
        {f"aanwezig-{agent.pk}": "ja", f"aanwezig-{agent2.pk}": "nee"},
    )
    marks = dict(TrainingInvitation.objects.values_list("agent", "attended"))
    assert marks == {agent.pk: True, agent2.pk: False}

    # Agents confirm the briefing; the team lead sees who has not, until both have.
    overview = client.get(reverse("intake:briefing_overview")).content.decode()
    assert "2 voorlichters hebben de laatste wijzigingen nog niet gelezen" in overview
    for person in (agent, agent2):
        client.force_login(person)
        page = client.get(reverse("intake:briefing"))
        assert "Schoolbonus vanaf 2027" in page.content.decode()
        until = page.context["form"].initial["until"]
        client.post(reverse("intake:briefing_confirm"), {"until": until})
    assert BriefingRead.objects.count() == 2
    readiness = readiness_of(dossier, timezone.now())
    assert readiness.complete, readiness.open_items

    # Go live; every step is in the audit trail.
    client.force_login(lead)
    client.post(reverse("intake:go_live", args=[dossier.reference]))
    assert Dossier.objects.get().status == DossierStatus.LIVE
    actions = list(
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Dossier), object_id=str(dossier.pk)
        )
        .order_by("timestamp", "id")
        .values_list("action", flat=True)
    )
    assert actions == [
        "infolijn.intake.created",
        "infolijn.intake.submitted",
        "infolijn.intake.more_info",
        "infolijn.intake.edited",
        "infolijn.intake.submitted",
        "infolijn.intake.accepted",
        "infolijn.intake.training_planned",
        "infolijn.intake.attendance",
        "infolijn.intake.live",
    ]
    client.force_login(reviewer_a)
    page = client.get(reverse("intake:partner_detail", args=[dossier.reference])).content.decode()
    assert "Alles is klaar." in page and "Na de go-live" in page
