"""Warnings to the owner when go-live nears with open items: once per dossier per day."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from infolijn.intake.models import GoLiveWarning
from infolijn.intake.reminders import warn_owners
from tests.intake.factories import future_working_day, make_accepted


@pytest.mark.django_db
def test_owner_is_warned_once_a_day(partner_a, reviewer_a, team_lead, editor):
    dossier = make_accepted(partner_a, reviewer_a, team_lead, editor, go_live=future_working_day(3))
    far = make_accepted(partner_a, reviewer_a, team_lead, editor, go_live=future_working_day(15))
    now = timezone.now()
    mail.outbox.clear()
    assert warn_owners(now) == 1
    assert warn_owners(now) == 0
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [team_lead.email]
    assert dossier.reference in message.subject and "Opleiding gegeven" in message.body
    assert far.reference not in message.subject
    assert warn_owners(now + dt.timedelta(days=1)) == 1
    assert GoLiveWarning.objects.filter(dossier=dossier).count() == 2


@pytest.mark.django_db
def test_failed_mail_leaves_no_claim(partner_a, reviewer_a, team_lead, editor, settings):
    make_accepted(partner_a, reviewer_a, team_lead, editor, go_live=future_working_day(2))
    settings.EMAIL_BACKEND = "tests.contacts.failing_backend.RefusingBackend"
    with pytest.raises(Exception):  # noqa: B017, PT011 - any transport error
        warn_owners(timezone.now())
    assert not GoLiveWarning.objects.exists()
