"""The monthly report of one partner: volumes, KPIs against target, quality, mystery calls,
topics, page views and feedback. Read-only; built from the daily facts and other apps' rows."""

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Avg, Count, Q, Sum

from infolijn.calendar import local_moment
from infolijn.knowledge.models import ScriptPage
from infolijn.partners.models import Channel, Partner
from infolijn.quality.dashboard import Totals, service_level_target
from infolijn.quality.models import DailyContactFact, Evaluation, MysteryCampaign
from infolijn.quality.mystery import CampaignReport, campaign_report
from infolijn.quality.review import top_topics
from infolijn.website.models import PageFeedback, PageViewDay

MONTHS_NL = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


def month_label(year: int, month: int) -> str:
    return f"{MONTHS_NL[month - 1]} {year}"


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


@dataclass
class MonthlyReport:
    partner: Partner
    year: int
    month: int
    totals: Totals
    target: object
    by_channel: list[tuple[Any, int]]
    days: list[tuple[dt.date, Totals]]
    evaluations: dict
    mystery: list[tuple[MysteryCampaign, CampaignReport]]
    topics: list[tuple[str, str, int]]
    page_views: list[tuple[str, str, int]]
    feedback: dict

    @property
    def label(self) -> str:
        return month_label(self.year, self.month)


def monthly_report(*, partner: Partner, year: int, month: int) -> MonthlyReport:
    start, end = month_bounds(year, month)
    facts = list(DailyContactFact.objects.for_partner(partner).between(start, end).order_by("day"))
    totals = Totals()
    per_day: dict[dt.date, Totals] = {}
    per_channel: dict[str, int] = {}
    for fact in facts:
        totals.add(fact)
        per_day.setdefault(fact.day, Totals()).add(fact)
        per_channel[fact.channel] = per_channel.get(fact.channel, 0) + fact.offered
    labels = dict(Channel.choices)
    lower = local_moment(start, dt.time(0, 0))
    upper = local_moment(end + dt.timedelta(days=1), dt.time(0, 0))
    evaluations = Evaluation.objects.final().filter(
        contact__partner=partner, contact__received_at__gte=lower, contact__received_at__lt=upper
    )
    summary = evaluations.aggregate(
        n=Count("pk"), mean=Avg("score"), passed=Count("pk", filter=Q(passed=True))
    )
    campaigns = MysteryCampaign.objects.filter(
        calls__partner=partner, calls__called_at__gte=lower, calls__called_at__lt=upper
    ).distinct()
    scripts = dict(ScriptPage.objects.filter(partner=partner).values_list("pk", "script_id"))
    titles = dict(ScriptPage.objects.filter(partner=partner).values_list("script_id", "title"))
    views = (
        PageViewDay.objects.filter(page_id__in=scripts, day__gte=start, day__lte=end)
        .values("page_id")
        .annotate(total=Sum("views"))
        .order_by("-total")[:10]
    )
    feedback = PageFeedback.objects.filter(
        script_id__in=scripts.values(), created_at__gte=lower, created_at__lt=upper
    ).aggregate(yes=Count("pk", filter=Q(useful=True)), no=Count("pk", filter=Q(useful=False)))
    return MonthlyReport(
        partner=partner,
        year=year,
        month=month,
        totals=totals,
        target=service_level_target(partner, end),
        by_channel=[(labels.get(c, c), n) for c, n in sorted(per_channel.items())],
        days=sorted(per_day.items()),
        evaluations=summary,
        mystery=[(c, campaign_report(c, partner=partner)) for c in campaigns],
        topics=top_topics(partner=partner, start=start, end=end),
        page_views=[
            (scripts[row["page_id"]], titles.get(scripts[row["page_id"]], ""), row["total"])
            for row in views
        ],
        feedback=feedback,
    )


def available_months(today: dt.date, count: int = 12) -> list[tuple[int, int]]:
    """The last ``count`` months, the current one first."""
    year, month = today.year, today.month
    months = []
    for _ in range(count):
        months.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months
