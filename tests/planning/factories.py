"""Planning test data: contact histories in bulk (the desk action per contact is too slow)."""

import datetime as dt

from infolijn.calendar import local_moment
from infolijn.contacts.models import WRITTEN_CHANNELS, Contact
from infolijn.partners.calendar import working_calendar
from infolijn.partners.models import OpeningHours, Partner
from tests.factories import make_agreement

#: Calls per weekday (Mon..Fri) at each half hour from 09:00 to 16:30.
WEEKDAY_PATTERN = {0: 6, 1: 5, 2: 4, 3: 4, 4: 3}


def make_open_agreement(partner: Partner, *, opens: int = 9, closes: int = 17, **fields):
    agreement = make_agreement(partner, **fields)
    for weekday in range(5):
        OpeningHours.objects.create(
            agreement=agreement, weekday=weekday, opens=dt.time(opens), closes=dt.time(closes)
        )
    return agreement


def make_history(
    partner: Partner,
    *,
    first: dt.date,
    last: dt.date,
    channel: str = "phone",
    pattern: dict[int, int] | None = None,
    extra: dict[dt.date, int] | None = None,
) -> int:
    """Contacts on weekdays: ``pattern[weekday]`` per half hour 09:00–16:30, plus
    ``extra[day]`` spread over the same slots. Returns the number stored."""
    pattern = WEEKDAY_PATTERN if pattern is None else pattern
    calendar = working_calendar()
    contacts = []
    day = first
    while day <= last:
        per_slot = pattern.get(day.weekday(), 0)
        slots = [dt.time(9 + k // 2, 30 * (k % 2)) for k in range(16)]
        times = [t for t in slots for _ in range(per_slot)]
        bonus = (extra or {}).get(day, 0)
        times += [slots[k % len(slots)] for k in range(bonus)]
        for n, time in enumerate(times):
            received = local_moment(day, time) + dt.timedelta(seconds=n % 60)
            contacts.append(
                Contact(
                    source="test",
                    channel=channel,
                    partner=partner,
                    received_at=received,
                    outcome="open",
                    due_at=(
                        calendar.due_moment(received, 2) if channel in WRITTEN_CHANNELS else None
                    ),
                )
            )
        day += dt.timedelta(days=1)
    Contact.objects.bulk_create(contacts, batch_size=1000)
    return len(contacts)


def make_snapshot(partner: Partner | None, *, published: bool = True, **fields):
    """A half-hour phone snapshot of one day with a few rows, stored directly."""
    from django.utils import timezone

    from infolijn.planning.models import ForecastSnapshot, ForecastSnapshotRow

    values = {
        "channel": "phone",
        "freq": "30min",
        "start": dt.date(2026, 3, 2),
        "end": dt.date(2026, 3, 2),
        "model_name": "test",
    }
    values.update(fields)
    snapshot = ForecastSnapshot.objects.create(partner=partner, **values)
    ForecastSnapshotRow.objects.bulk_create(
        ForecastSnapshotRow(
            snapshot=snapshot, day=values["start"], minute=m, forecast=5, lower=3, upper=8
        )
        for m in range(540, 1020, 30)
    )
    if published:
        ForecastSnapshot.objects.filter(pk=snapshot.pk).update(
            published=True, published_at=timezone.now()
        )
        snapshot.refresh_from_db()
    return snapshot


def make_plan(snapshot):
    """A stored staffing plan with one row per snapshot row (no solver)."""
    from decimal import Decimal

    from infolijn.planning.models import StaffingPlan, StaffingPlanRow

    plan = StaffingPlan.objects.create(
        snapshot=snapshot,
        aht_seconds=300,
        target_service_level=Decimal("0.8"),
        threshold_seconds=20,
        shrinkage=Decimal("0.3"),
        cost_per_agent_hour=Decimal("40"),
        agent_hours=32,
        cost=1280,
    )
    StaffingPlanRow.objects.bulk_create(
        StaffingPlanRow(
            plan=plan,
            day=row.day,
            minute=row.minute,
            forecast=row.forecast,
            phone_agents=3,
            required=4.3,
            scheduled=5,
            under=0,
            over=0.7,
        )
        for row in snapshot.rows.all()
    )
    return plan


def make_event(partner: Partner, **fields):
    from infolijn.planning.models import PartnerEvent

    values = {
        "kind": "mailing",
        "name": "Brief Groeipakket",
        "day": dt.date(2026, 3, 2),
        "expected_extra": 100,
        "channel": "phone",
    }
    values.update(fields)
    return PartnerEvent.objects.create(partner=partner, **values)
