"""Local (Brussels) time: counts per half hour and period starts across the DST change."""

import datetime as dt

import pytest

from infolijn.calendar import BRUSSELS, local_moment
from infolijn.planning.models import ForecastSnapshotRow
from infolijn.planning.queries import contact_counts, history_before
from tests.factories import make_contact
from tests.planning.factories import make_snapshot

SPRING = dt.date(2026, 3, 29)  # clocks go from 02:00 to 03:00


@pytest.mark.django_db
def test_contacts_are_counted_in_their_local_slot_across_dst(partner_a):
    make_contact(partner_a, dt.datetime(2026, 3, 28, 9, 10, tzinfo=dt.UTC))  # 10:10 CET
    make_contact(partner_a, dt.datetime(2026, 3, 30, 9, 10, tzinfo=dt.UTC))  # 11:10 CEST
    make_contact(partner_a, dt.datetime(2026, 3, 29, 22, 50, tzinfo=dt.UTC))  # 00:50 on 30th
    counts = contact_counts(
        partner=partner_a,
        channel="phone",
        first=dt.date(2026, 3, 28),
        last=dt.date(2026, 3, 30),
        freq="30min",
    )
    assert counts == {
        (dt.date(2026, 3, 28), 600): 1,
        (dt.date(2026, 3, 30), 660): 1,
        (dt.date(2026, 3, 30), 30): 1,
    }


@pytest.mark.django_db
def test_history_has_every_slot_of_every_day_with_zeros(partner_a):
    make_contact(partner_a, local_moment(dt.date(2026, 3, 27), dt.time(9, 15)))
    history = history_before(
        partner=partner_a, channel="phone", start=dt.date(2026, 3, 31), freq="30min"
    )
    assert history is not None
    assert len(history.timestamps) == 4 * 48  # 27..30 March, the DST day included
    assert sum(history.counts) == 1
    assert history.counts[18] == 1  # 09:00 slot on the first day


@pytest.mark.django_db
def test_row_period_start_is_local_wall_clock_on_the_dst_day(partner_a):
    snapshot = make_snapshot(partner_a, published=False, start=SPRING, end=SPRING)
    row = ForecastSnapshotRow.objects.filter(snapshot=snapshot, minute=540).get()
    start = row.period_start.astimezone(BRUSSELS)
    assert (start.hour, start.minute, start.utcoffset()) == (9, 0, dt.timedelta(hours=2))
    assert row.label == "29-03-2026 09:00"
