"""Reads for the quality dashboard: today from the contacts, trends from the daily facts."""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count

from infolijn.contacts.deadlines import agreement_in_force
from infolijn.contacts.models import Contact
from infolijn.partners.models import Channel, Partner
from infolijn.quality.models import DailyContactFact
from infolijn.quality.rollup import compute_day

TREND_WEEKS = 8


@dataclass
class Totals:
    """Summed counts; the ratios are computed from the sums, never averaged."""

    offered: int = 0
    answered: int = 0
    within: int = 0
    abandoned: int = 0
    wait_sum: float = 0.0
    emails_offered: int = 0
    emails_due: int = 0
    emails_on_time: int = 0
    backlog: int = 0
    at_risk: int = 0
    overdue: int = 0

    def add(self, fact: DailyContactFact) -> None:
        if fact.channel == Channel.PHONE:
            self.offered += fact.offered
            self.answered += fact.answered
            self.within += fact.answered_within_threshold
            self.abandoned += fact.abandoned
            self.wait_sum += fact.wait_seconds_answered_sum
        else:
            self.emails_offered += fact.offered
            self.emails_due += fact.emails_due
            self.emails_on_time += fact.emails_on_time

    @property
    def service_level(self) -> float | None:
        return self.within / self.offered if self.offered else None

    @property
    def abandonment_rate(self) -> float | None:
        return self.abandoned / self.offered if self.offered else None

    @property
    def asa(self) -> float | None:
        return self.wait_sum / self.answered if self.answered else None

    @property
    def on_time_rate(self) -> float | None:
        return self.emails_on_time / self.emails_due if self.emails_due else None


@dataclass
class PartnerRow:
    partner: Partner | None
    totals: Totals = field(default_factory=Totals)
    target: Decimal | None = None

    @property
    def below_target(self) -> bool:
        sl = self.totals.service_level
        return sl is not None and self.target is not None and sl < float(self.target)


def service_level_target(partner: Partner, on: dt.date) -> Decimal | None:
    agreement = agreement_in_force(partner, on)
    return agreement.service_level_target if agreement else None


def today_overview(*, now: dt.datetime, today: dt.date, partners: Sequence[Partner]) -> dict:
    """Per partner and for the line: today's calls (from the contacts) and e-mails open now."""
    rows = {p.pk: PartnerRow(p, target=service_level_target(p, today)) for p in partners}
    line = PartnerRow(None)
    for fact in compute_day(today, partners=partners):
        rows[fact.partner_id].totals.add(fact)
        line.totals.add(fact)
    written = Contact.objects.written().filter(partner__in=partners).order_by()
    for name, queryset in (
        ("backlog", written.open()),
        ("at_risk", written.at_risk(now)),
        ("overdue", written.overdue(now)),
    ):
        for row in queryset.values("partner_id").annotate(n=Count("pk")):
            setattr(rows[row["partner_id"]].totals, name, row["n"])
            setattr(line.totals, name, getattr(line.totals, name) + row["n"])
    return {"rows": list(rows.values()), "line": line}


def week_starts(today: dt.date, weeks: int = TREND_WEEKS) -> list[dt.date]:
    """The Mondays of the last ``weeks`` ISO weeks, the current one last."""
    monday = today - dt.timedelta(days=today.weekday())
    return [monday - dt.timedelta(weeks=weeks - 1 - i) for i in range(weeks)]


@dataclass
class Trend:
    partner: Partner | None
    weeks: list[Totals]
    targets: list[Decimal | None]

    def cells(self) -> list[tuple[Totals, bool]]:
        """Each week with whether its service level fell below that week's target."""
        return [
            (
                week,
                week.service_level is not None
                and target is not None
                and week.service_level < float(target),
            )
            for week, target in zip(self.weeks, self.targets, strict=True)
        ]


def weekly_trends(*, today: dt.date, partners: Iterable[Partner]) -> dict:
    """Weekly sums of the facts over the last ``TREND_WEEKS`` weeks, per partner and the line."""
    chosen = list(partners)
    starts = week_starts(today)
    index = {start: i for i, start in enumerate(starts)}
    per_partner: dict[int, list[Totals]] = defaultdict(lambda: [Totals() for _ in starts])
    line = [Totals() for _ in starts]
    facts = DailyContactFact.objects.filter(
        partner__in=chosen, day__gte=starts[0], day__lte=starts[-1] + dt.timedelta(days=6)
    ).order_by()
    for fact in facts:
        week = index[fact.day - dt.timedelta(days=fact.day.weekday())]
        per_partner[fact.partner_id][week].add(fact)
        line[week].add(fact)
    trends = [
        Trend(
            p,
            per_partner[p.pk],
            [service_level_target(p, start + dt.timedelta(days=6)) for start in starts],
        )
        for p in chosen
    ]
    return {
        "labels": [f"W{start.isocalendar().week:02d}" for start in starts],
        "starts": starts,
        "partners": trends,
        "line": Trend(None, line, [None for _ in starts]),
    }
