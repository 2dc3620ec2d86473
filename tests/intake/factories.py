"""Intake test data, built through the intake actions."""

import datetime as dt

from django.utils import timezone

from infolijn.calendar import local_date
from infolijn.intake.actions import (
    DateValues,
    DossierValues,
    QuestionValues,
    accept_dossier,
    create_dossier,
    submit_dossier,
)
from infolijn.intake.models import Dossier
from infolijn.partners.calendar import working_calendar


def future_working_day(n: int) -> dt.date:
    return working_calendar().add_working_days(local_date(timezone.now()), n)


def dossier_values(**overrides) -> DossierValues:
    values = {
        "title": "Nieuwe regels schoolbonus",
        "kind": "new_rule",
        "description": "Vanaf het nieuwe schooljaar verandert de schoolbonus.",
        "go_live": future_working_day(20),
        "channels": ("website", "phone"),
        "estimate_number": 140,
        "estimate_unit": "week",
        "estimate_channel": "phone",
        "estimate_days": 14,
        "contact_persons": "Sofie Maes, 02 000 11 11",
        "second_line": "tweedelijn@opgroeien.example",
        "dates": (DateValues(kind="mailing", date=future_working_day(18), note="Brief"),),
        "questions": (QuestionValues(text="Hoeveel bedraagt de nieuwe schoolbonus?"),),
    }
    values.update(overrides)
    return DossierValues(**values)


def make_dossier(partner, actor, **overrides) -> Dossier:
    return create_dossier(partner=partner, values=dossier_values(**overrides), actor=actor)


def make_submitted(partner, actor, **overrides) -> Dossier:
    dossier = make_dossier(partner, actor, **overrides)
    return submit_dossier(dossier=dossier, actor=actor)


def make_accepted(partner, author, line_user, editor, **overrides) -> Dossier:
    dossier = make_submitted(partner, author, **overrides)
    return accept_dossier(
        dossier=dossier, actor=line_user, comment="Akkoord.", owner=line_user, editor=editor
    )
