"""The SLA sweeper: compare-and-set, safe to run twice (STYLE §10)."""

import datetime as dt

import pytest

from infolijn.calendar import BRUSSELS
from infolijn.contacts.actions import sweep_sla
from infolijn.contacts.models import Contact, SlaState
from infolijn.contacts.tasks import sweep_contact_deadlines
from tests.factories import make_contact

S = dt.timedelta(seconds=1)


def local(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=BRUSSELS)


def states() -> dict[str, str]:
    return dict(Contact.objects.values_list("topic", "sla_state"))


@pytest.fixture
def inbox(partner_a):
    """Open e-mails due Tuesday 16, Wednesday 17 and Thursday 18 June; plus contacts never swept."""
    make_contact(partner_a, local("2026-06-12 18:00"), channel="email", topic="due-tue")
    make_contact(partner_a, local("2026-06-13 10:00"), channel="webform", topic="due-wed")
    make_contact(partner_a, local("2026-06-16 10:00"), channel="email", topic="due-thu")
    received = local("2026-06-12 09:00")
    late = local("2026-06-20 09:00")
    make_contact(
        partner_a,
        received,
        channel="email",
        topic="answered-late",
        outcome="answered",
        answered_at=late,
        closed_at=late,
    )
    make_contact(partner_a, received, channel="phone", topic="call")
    make_contact(partner_a, received, channel="chat", topic="chat")


@pytest.mark.django_db
def test_the_sweeper_marks_at_risk_and_overdue_and_a_second_run_changes_nothing(inbox):
    wednesday_morning = local("2026-06-17 08:00")
    assert sweep_sla(now=wednesday_morning) == 2
    assert states() == {
        "due-tue": SlaState.OVERDUE,
        "due-wed": SlaState.AT_RISK,  # due within 24 hours
        "due-thu": SlaState.OK,
        "answered-late": SlaState.OK,  # no longer open: never swept
        "call": SlaState.OK,
        "chat": SlaState.OK,
    }
    assert sweep_sla(now=wednesday_morning) == 0
    assert states()["due-wed"] == SlaState.AT_RISK

    thursday_morning = local("2026-06-18 08:00")
    assert sweep_sla(now=thursday_morning) == 2  # wed → overdue, thu → at risk
    assert [states()[key] for key in ("due-tue", "due-wed", "due-thu")] == [
        "overdue",
        "overdue",
        "at_risk",
    ]
    assert sweep_sla(now=thursday_morning) == 0


@pytest.mark.django_db
def test_the_due_moment_itself_is_not_yet_overdue(inbox):
    due = local("2026-06-16 23:59:59")
    sweep_sla(now=due)
    assert states()["due-tue"] == SlaState.AT_RISK
    sweep_sla(now=due + S)
    assert states()["due-tue"] == SlaState.OVERDUE


@pytest.mark.django_db
def test_an_answered_contact_keeps_the_state_it_had(inbox):
    sweep_sla(now=local("2026-06-17 08:00"))
    Contact.objects.filter(topic="due-tue").update(
        outcome="answered", answered_at=local("2026-06-17 09:00")
    )
    assert sweep_sla(now=local("2026-06-30 08:00")) == 2  # due-wed and due-thu overdue
    assert states()["due-tue"] == SlaState.OVERDUE


@pytest.mark.django_db
def test_a_moved_deadline_moves_the_state_back(inbox):
    sweep_sla(now=local("2026-06-17 08:00"))
    Contact.objects.filter(topic="due-tue").update(due_at=local("2026-06-30 23:59:59"))
    assert sweep_sla(now=local("2026-06-17 08:00")) == 1
    assert states()["due-tue"] == SlaState.OK


def test_a_naive_now_is_refused():
    with pytest.raises(ValueError, match="naive"):
        sweep_sla(now=dt.datetime(2026, 6, 17, 8))  # noqa: DTZ001


@pytest.mark.django_db
def test_the_task_sweeps_with_the_current_time(inbox):
    # Every deadline of the inbox lies in the past of any real clock running this test.
    result = sweep_contact_deadlines.enqueue()
    assert result.return_value == 3
    assert sweep_contact_deadlines.enqueue().return_value == 0
