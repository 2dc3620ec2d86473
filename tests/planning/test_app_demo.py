"""The planning demo: events always, forecasts and a plan when contact history exists."""

import datetime as dt

import pytest

from infolijn.calendar import local_moment
from infolijn.demo.planning import load_planning
from infolijn.planning.models import ForecastSnapshot, PartnerEvent, StaffingPlan
from tests.factories import make_partner
from tests.planning.factories import make_history, make_open_agreement

NOW = local_moment(dt.date(2026, 3, 4), dt.time(10))


@pytest.mark.django_db
def test_demo_without_history_creates_events_only(partner_a, partner_b):
    load_planning(NOW)
    assert PartnerEvent.objects.filter(partner=partner_a).count() == 2
    assert PartnerEvent.objects.filter(partner=partner_b).count() == 2
    assert not ForecastSnapshot.objects.exists()
    load_planning(NOW)
    assert PartnerEvent.objects.count() == 4


@pytest.mark.django_db
def test_demo_with_history_publishes_forecasts_and_a_plan(partner_a):
    make_open_agreement(partner_a)
    make_partner("Vlaamse Belastingdienst")
    make_history(partner_a, first=dt.date(2025, 12, 1), last=dt.date(2026, 3, 3))
    make_history(
        partner_a,
        first=dt.date(2025, 12, 1),
        last=dt.date(2026, 3, 3),
        channel="email",
        pattern={0: 1, 2: 1},
    )
    load_planning(NOW)
    published = ForecastSnapshot.objects.published()
    assert published.filter(partner=None, start=dt.date(2026, 3, 5), channel="phone").exists()
    assert published.filter(partner=partner_a).exists()
    assert published.filter(start=dt.date(2026, 1, 21)).exists()  # six weeks back
    plan = StaffingPlan.objects.get()
    assert plan.written_snapshot is not None
    assert plan.rows.filter(scheduled__gt=0).exists()
