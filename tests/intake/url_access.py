"""The intake part of the URL × role matrix (picked up by tests/test_url_access.py)."""

import datetime as dt

from django.urls import reverse

from infolijn.intake.models import TrainingSession
from tests.intake.factories import make_dossier, make_submitted

LINE = {"editor", "team_lead", "planner", "admin"}
TRAINERS = {"team_lead", "planner", "admin"}
REVIEWERS = {"reviewer_a", "reviewer_b"}


def world_data(partner_a, partner_b, users) -> dict:
    submitted_a = make_submitted(partner_a, users["reviewer_a"])
    draft_a = make_dossier(partner_a, users["reviewer_a"], title="Ontwerp")
    make_submitted(partner_b, users["reviewer_b"], title="Aanvraag van B")
    session = TrainingSession.objects.create(
        dossier=submitted_a,
        title="Opleiding",
        date=dt.date(2026, 3, 2),
        start_time=dt.time(9),
        length_minutes=60,
        capacity=10,
        location="Zaal 1",
    )
    return {
        "dossier_a": submitted_a.reference,
        "draft_a": draft_a.reference,
        "session_a": session.pk,
    }


def _url(name: str, key: str | None = None):
    return lambda d: reverse(f"intake:{name}", args=[d[key]] if key else [])


EXPECTED = {
    "intake:list": (_url("list"), LINE),
    "intake:create": (_url("create"), {"editor", "admin"}),
    "intake:detail": (_url("detail", "dossier_a"), LINE),
    "intake:edit": (_url("edit", "draft_a"), {"editor", "admin", "reviewer_a"}),
    "intake:accept": (_url("accept", "dossier_a"), LINE),
    "intake:partner_list": (_url("partner_list"), REVIEWERS),
    "intake:partner_create": (_url("partner_create"), REVIEWERS),
    "intake:partner_detail": (_url("partner_detail", "dossier_a"), {"reviewer_a"}),
    "intake:training_list": (_url("training_list"), TRAINERS | {"agent"}),
    "intake:training_plan": (_url("training_plan", "dossier_a"), TRAINERS),
    "intake:training_session": (_url("training_session", "session_a"), TRAINERS),
    "intake:briefing": (_url("briefing"), {"agent"}),
    "intake:briefing_overview": (_url("briefing_overview"), {"team_lead", "admin"}),
}
POST_ONLY = {
    "intake:submit",
    "intake:more_info",
    "intake:decline",
    "intake:go_live",
    "intake:revision",
    "intake:training_attendance",
    "intake:briefing_confirm",
}
