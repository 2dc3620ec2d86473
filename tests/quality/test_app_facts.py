"""Daily facts: the rollup gives exactly the KPIs of DESIGN §8 and is idempotent."""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command

from infolijn.calendar import BRUSSELS
from infolijn.contacts.queries import kpis_for
from infolijn.quality.dashboard import Totals
from infolijn.quality.models import DailyContactFact
from infolijn.quality.rollup import rollup_day, rollup_range
from infolijn.quality.tasks import rollup_contact_facts
from tests.factories import make_agreement, make_contact

DAY = dt.date(2026, 3, 10)  # a Tuesday


def at(hour: int, minute: int = 0, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=BRUSSELS)


def call(partner, received, *, wait: float, outcome: str = "answered"):
    moment = received + dt.timedelta(seconds=wait)
    if outcome == "abandoned":
        return make_contact(partner, received, outcome="abandoned", closed_at=moment)
    return make_contact(partner, received, outcome=outcome, answered_at=moment, closed_at=moment)


@pytest.fixture
def busy_day(partner_a, partner_b):
    make_agreement(partner_a, service_level_threshold_seconds=30)
    call(partner_a, at(9), wait=10)
    call(partner_a, at(9, 5), wait=30)  # exactly the threshold: counts as within
    call(partner_a, at(9, 10), wait=31)
    call(partner_a, at(9, 15), wait=3, outcome="abandoned")  # short abandon: left out
    call(partner_a, at(9, 20), wait=40, outcome="abandoned")
    call(partner_a, at(9, 25), wait=12, outcome="forwarded")
    call(partner_a, at(23, 30, dt.date(2026, 3, 9)), wait=5)  # the day before
    call(partner_b, at(16), wait=25)
    # E-mails received Friday 6 March are due Tuesday 10 March 23:59:59.
    friday = dt.date(2026, 3, 6)
    on_time = make_contact(partner_a, at(10, day=friday), channel="email")
    make_contact(partner_a, at(11, day=friday), channel="email")  # still open: late
    late = make_contact(partner_a, at(12, day=friday), channel="webform")
    from infolijn.contacts.models import Contact

    Contact.objects.filter(pk=on_time.pk).update(outcome="answered", answered_at=at(15))
    Contact.objects.filter(pk=late.pk).update(
        outcome="answered", answered_at=at(9, day=dt.date(2026, 3, 11))
    )
    return partner_a, partner_b


def _totals(partner) -> Totals:
    totals = Totals()
    for fact in DailyContactFact.objects.filter(day=DAY, partner=partner):
        totals.add(fact)
    return totals


def test_facts_of_a_day_equal_the_kpis_over_the_same_contacts(busy_day):
    rollup_day(DAY)
    for partner in busy_day:
        kpis = kpis_for(start=DAY, end=DAY, partner=partner)
        totals = _totals(partner)
        assert totals.offered == kpis.calls_offered
        assert totals.answered == kpis.calls_answered
        assert totals.service_level == pytest.approx(kpis.service_level)
        assert totals.abandonment_rate == pytest.approx(kpis.abandonment_rate)
        assert totals.asa == pytest.approx(kpis.asa)
        assert totals.emails_due == kpis.emails_due
        assert totals.on_time_rate == pytest.approx(kpis.emails_on_time)


def test_phone_fact_holds_the_counts(busy_day):
    partner_a, _ = busy_day
    rollup_day(DAY)
    fact = DailyContactFact.objects.get(day=DAY, partner=partner_a, channel="phone")
    assert (fact.offered, fact.answered, fact.answered_within_threshold) == (5, 4, 3)
    assert (fact.abandoned, fact.short_abandons, fact.threshold_seconds) == (1, 1, 30)
    assert fact.wait_seconds_answered_sum == pytest.approx(10 + 30 + 31 + 12)


def test_written_facts_count_due_on_time_and_backlog(busy_day):
    partner_a, _ = busy_day
    rollup_day(DAY)
    email = DailyContactFact.objects.get(day=DAY, partner=partner_a, channel="email")
    webform = DailyContactFact.objects.get(day=DAY, partner=partner_a, channel="webform")
    assert (email.emails_due, email.emails_on_time) == (2, 1)
    assert (webform.emails_due, webform.emails_on_time) == (1, 0)
    # At the end of the 10th: one e-mail never answered; the web form is answered on the 11th.
    assert email.backlog_open_at_end == 1
    assert webform.backlog_open_at_end == 1
    rollup_day(DAY + dt.timedelta(days=1))
    after = DailyContactFact.objects.filter(day=DAY + dt.timedelta(days=1))
    assert {(f.channel, f.backlog_open_at_end) for f in after} == {("email", 1)}


def test_running_the_rollup_twice_changes_nothing(busy_day):
    rollup_range(DAY - dt.timedelta(days=5), DAY + dt.timedelta(days=1))
    first = sorted((f.key(), f.figures()) for f in DailyContactFact.objects.all())
    rollup_range(DAY - dt.timedelta(days=5), DAY + dt.timedelta(days=1))
    second = sorted((f.key(), f.figures()) for f in DailyContactFact.objects.all())
    assert first == second
    assert len(first) == DailyContactFact.objects.count()


def test_a_recomputed_day_follows_changed_contacts(busy_day):
    partner_a, _ = busy_day
    rollup_day(DAY)
    call(partner_a, at(14), wait=2)
    rollup_day(DAY)
    assert DailyContactFact.objects.get(day=DAY, partner=partner_a, channel="phone").offered == 6


def test_late_evening_call_belongs_to_its_local_day_across_dst(partner_a):
    # 29 March 2026 is the spring-forward Sunday; 23:30 local is 21:30 UTC.
    sunday = dt.date(2026, 3, 29)
    call(partner_a, at(23, 30, sunday), wait=5)
    rollup_range(sunday, sunday + dt.timedelta(days=1))
    facts = DailyContactFact.objects.filter(channel="phone")
    assert [(f.day, f.offered) for f in facts] == [(sunday, 1)]


def test_a_day_without_contacts_has_no_rows(db):
    assert rollup_day(DAY) == 0
    assert not DailyContactFact.objects.exists()


def test_command_rolls_up_a_range(busy_day, capsys):
    call_command("rollup_facts", "--from", "2026-03-09", "--to", "2026-03-10")
    assert DailyContactFact.objects.filter(day=DAY).exists()
    assert DailyContactFact.objects.filter(day=dt.date(2026, 3, 9), channel="phone").exists()
    assert "fact rows" in capsys.readouterr().out


def test_command_all_covers_every_contact_day(busy_day):
    call_command("rollup_facts", "--all")
    assert DailyContactFact.objects.filter(day=dt.date(2026, 3, 9)).exists()
    assert DailyContactFact.objects.filter(day=dt.date(2026, 3, 6), channel="email").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-13-01"], "not a date"),
        (["--from", "2026-03-10", "--to", "2026-03-01"], "after"),
        (["--from", "1900-01-01", "--to", "2026-01-01"], "at most"),
        (["--all", "--from", "2026-03-01"], "cannot be combined"),
    ],
)
def test_command_rejects_bad_dates_and_writes_nothing(busy_day, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("rollup_facts", *args)
    assert not DailyContactFact.objects.exists()


def test_task_rolls_up_the_given_range(busy_day):
    result = rollup_contact_facts.enqueue("2026-03-10", "2026-03-10")
    assert result.return_value == DailyContactFact.objects.filter(day=DAY).count() > 0
