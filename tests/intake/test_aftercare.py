"""After go-live: contacts against the estimate, feedback, flags, and a revision from them."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from infolijn.calendar import local_date, local_moment
from infolijn.intake.actions import QuestionValues
from infolijn.intake.aftercare import aftercare_of
from infolijn.intake.models import DossierQuestion, QuestionOrigin
from infolijn.partners.roles import Role
from infolijn.quality.models.flags import ScriptFlag
from infolijn.website.models import PageFeedback
from tests.factories import make_contact, make_script, make_user
from tests.intake.factories import make_accepted


@pytest.mark.django_db
def test_contacts_feedback_and_flags_lead_to_a_revision(client, partner_a, reviewer_a, editor):
    lead = make_user(Role.TEAM_LEAD, username="kris-teamleider")
    make_script("schoolbonus", partner=partner_a.name)
    today = local_date(timezone.now())
    go_live = today - dt.timedelta(days=today.weekday() + 7)  # Monday of last week
    dossier = make_accepted(
        partner_a,
        reviewer_a,
        lead,
        editor,
        go_live=go_live,
        estimate_number=70,
        estimate_days=14,
        questions=(QuestionValues("Hoeveel is de schoolbonus?", "schoolbonus"),),
    )
    for day, n in ((go_live, 3), (go_live + dt.timedelta(days=8), 2)):
        for i in range(n):
            make_contact(
                partner_a, local_moment(day, dt.time(10, i)), channel="phone", topic="schoolbonus"
            )
    make_contact(
        partner_a, local_moment(go_live, dt.time(11)), channel="email", topic="schoolbonus"
    )
    make_contact(partner_a, local_moment(go_live, dt.time(12)), channel="phone", topic="ander")
    PageFeedback.objects.create(script_id="schoolbonus", useful=False, comment="Bedrag klopt niet")
    PageFeedback.objects.create(script_id="schoolbonus", useful=True)
    ScriptFlag.objects.create(script_id="schoolbonus", reason="wrong", comment="Oud bedrag")

    result = aftercare_of(dossier, timezone.now())
    assert [(w.monday, w.expected, w.channel_contacts, w.all_contacts) for w in result.weeks][
        :2
    ] == [(go_live, 70, 3, 4), (go_live + dt.timedelta(days=7), 70, 2, 2)]
    assert [f.comment for f in result.feedback] == ["Bedrag klopt niet"]
    assert [f.comment for f in result.flags] == ["Oud bedrag"]

    client.force_login(lead)
    page = client.get(reverse("intake:detail", args=[dossier.reference])).content.decode()
    assert "Bedrag klopt niet" in page and "Leidt tot herziening" in page
    response = client.post(
        reverse("intake:revision", args=[dossier.reference]),
        {"script_id": "schoolbonus", "comment": "Bedrag aanpassen", "editor": editor.pk},
    )
    assert response.status_code == 302
    question = DossierQuestion.objects.get(origin=QuestionOrigin.AFTERCARE)
    assert (question.script_id, question.revision, question.editor) == ("schoolbonus", True, editor)
    response = client.post(
        reverse("intake:revision", args=[dossier.reference]),
        {"script_id": "niet-van-dit-dossier", "comment": "x", "editor": editor.pk},
    )
    assert response.status_code == 400
    assert DossierQuestion.objects.filter(origin=QuestionOrigin.AFTERCARE).count() == 1


@pytest.mark.django_db
def test_training_without_a_staffing_plan_takes_a_plain_date(
    client, partner_a, reviewer_a, editor, agent
):
    lead = make_user(Role.TEAM_LEAD, username="kris-teamleider")
    dossier = make_accepted(partner_a, reviewer_a, lead, editor)
    client.force_login(lead)
    url = reverse("intake:training_plan", args=[dossier.reference])
    assert "geen personeelsplan" in client.get(url).content.decode()
    base = {"title": "Opleiding", "length_minutes": "60", "capacity": "1", "location": "Zaal"}
    response = client.post(url, {**base, "date": "", "agents": [agent.pk]})
    assert "Kies een voorgesteld moment of vul een datum in." in response.content.decode()
    day = dossier.go_live - dt.timedelta(days=2)
    response = client.post(
        url, {**base, "date": day.isoformat(), "start_time": "14:00", "agents": [agent.pk]}
    )
    assert response.status_code == 302
    assert dossier.training_sessions.get().date == day
