"""After go-live: what citizens and agents made of the dossier's scripts."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from infolijn.calendar import local_date, local_moment
from infolijn.contacts.models import Contact
from infolijn.intake.models import Dossier, EstimateUnit
from infolijn.partners.calendar import working_calendar
from infolijn.quality.models.flags import ScriptFlag
from infolijn.website.models import PageFeedback

#: How many weeks after go-live the comparison shows at most.
MAX_WEEKS = 12


@dataclass(frozen=True)
class WeekRow:
    monday: dt.date
    expected: int
    channel_contacts: int
    all_contacts: int
    forwarded: int


@dataclass(frozen=True)
class Aftercare:
    weeks: list[WeekRow]
    feedback: list[PageFeedback]
    flags: list[ScriptFlag]


def dossier_script_ids(dossier: Dossier) -> list[str]:
    return sorted(set(dossier.questions.exclude(script_id="").values_list("script_id", flat=True)))


def _expected_in_week(dossier: Dossier, monday: dt.date) -> int:
    """The partner's estimate for the part of the week inside its window."""
    first = dossier.go_live
    last = dossier.go_live + dt.timedelta(days=dossier.estimate_days - 1)
    days = [monday + dt.timedelta(days=i) for i in range(7)]
    inside = [d for d in days if first <= d <= last]
    if not inside:
        return 0
    if dossier.estimate_unit == EstimateUnit.DAY:
        calendar = working_calendar()
        return dossier.estimate_number * sum(calendar.is_working_day(d) for d in inside)
    return round(dossier.estimate_number * len(inside) / 7)


def aftercare_of(dossier: Dossier, now: dt.datetime) -> Aftercare:
    script_ids = dossier_script_ids(dossier)
    today = local_date(now)
    start = local_moment(dossier.go_live, dt.time(0))
    first_monday = dossier.go_live - dt.timedelta(days=dossier.go_live.weekday())
    last_day = min(today, first_monday + dt.timedelta(weeks=MAX_WEEKS, days=-1))
    weeks: list[WeekRow] = []
    if script_ids and last_day >= dossier.go_live:
        contacts = Contact.objects.filter(topic__in=script_ids).received_between(
            dossier.go_live, last_day
        )
        per_channel: Counter[dt.date] = Counter()
        per_all: Counter[dt.date] = Counter()
        forwarded: Counter[dt.date] = Counter()
        for received, channel, outcome in contacts.values_list("received_at", "channel", "outcome"):
            day = local_date(received)
            monday = day - dt.timedelta(days=day.weekday())
            per_all[monday] += 1
            per_channel[monday] += channel == dossier.estimate_channel
            forwarded[monday] += outcome == "forwarded"
        monday = first_monday
        while monday <= last_day:
            weeks.append(
                WeekRow(
                    monday,
                    _expected_in_week(dossier, monday),
                    per_channel[monday],
                    per_all[monday],
                    forwarded[monday],
                )
            )
            monday += dt.timedelta(weeks=1)
    feedback = list(
        PageFeedback.objects.filter(script_id__in=script_ids, useful=False, created_at__gte=start)[
            :50
        ]
    )
    flags = list(ScriptFlag.objects.filter(script_id__in=script_ids, created_at__gte=start)[:50])
    return Aftercare(weeks, feedback, flags)
