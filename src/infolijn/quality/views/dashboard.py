"""Dashboard: today per partner and for the line, and 8-week trends against the target."""

import datetime as dt
from collections.abc import Sequence

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe

from infolijn.core.access import role_required
from infolijn.core.charts import Series, line_chart
from infolijn.partners.models import Partner
from infolijn.partners.roles import Role
from infolijn.quality.access import STAFF_ROLES, reviewer_partner
from infolijn.quality.dashboard import Trend, today_overview, weekly_trends
from infolijn.quality.review import top_topics

TOPIC_DAYS = 30


def _percent(values: Sequence[float | None]) -> list[float | None]:
    return [None if v is None else round(100 * v, 1) for v in values]


def _charts(trends: dict, trend: Trend, who: str) -> dict:
    labels = trends["labels"]
    target = next((t for t in reversed(trend.targets) if t is not None), None)
    service = line_chart(
        f"Servicelevel per week – {who}",
        labels,
        [Series("servicelevel (%)", _percent([w.service_level for w in trend.weeks]))],
        description=(
            f"Aandeel oproepen beantwoord binnen de drempel per week, {who}; "
            "de cijfers staan ook in de tabel eronder."
        ),
        y_label="%",
        target=None if target is None else float(target) * 100,
    )
    volume = line_chart(
        f"Oproepen en e-mails per week – {who}",
        labels,
        [
            Series("aangeboden oproepen", [w.offered for w in trend.weeks]),
            Series("beantwoorde oproepen", [w.answered for w in trend.weeks]),
            Series("ontvangen e-mails en webformulieren", [w.emails_offered for w in trend.weeks]),
        ],
        description=f"Aantal contacten per week, {who}; zie de tabel.",
    )
    return {"service_chart": mark_safe(service), "volume_chart": mark_safe(volume)}  # noqa: S308


def _context(partners: list[Partner], *, scope: str) -> dict:
    now = timezone.now()
    today = timezone.localdate()
    trends = weekly_trends(today=today, partners=partners)
    main = trends["partners"][0] if scope == "partner" else trends["line"]
    who = partners[0].name if scope == "partner" else "de hele lijn"
    rows = list(zip(trends["labels"], trends["starts"], main.weeks, main.targets, strict=True))
    return {
        "today": today,
        "now": now,
        "overview": today_overview(now=now, today=today, partners=partners),
        "trends": trends,
        "main_trend_rows": rows,
        "who": who,
        "scope": scope,
        **_charts(trends, main, who),
    }


@role_required(*STAFF_ROLES)
def dashboard(request: HttpRequest) -> HttpResponse:
    partners = list(Partner.objects.filter(active=True))
    return render(request, "quality/dashboard.html", _context(partners, scope="line"))


@role_required(Role.PARTNER_REVIEWER)
def partner_dashboard(request: HttpRequest) -> HttpResponse:
    partner = reviewer_partner(request.user)
    context = _context([partner], scope="partner")
    today = context["today"]
    context["partner"] = partner
    context["topics"] = top_topics(
        partner=partner, start=today - dt.timedelta(days=TOPIC_DAYS - 1), end=today
    )
    context["topic_days"] = TOPIC_DAYS
    return render(request, "quality/dashboard.html", context)
