"""Forecast screens: overview, new forecast, snapshot detail, publish, accuracy review."""

import datetime as dt
from collections import defaultdict

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from infolijn.core.access import role_required
from infolijn.core.charts import Series, line_chart
from infolijn.partners.roles import Role
from infolijn.planning import access
from infolijn.planning.actions import make_forecast, publish_forecast
from infolijn.planning.errors import PlanningError
from infolijn.planning.forms import ForecastForm
from infolijn.planning.models import ForecastSnapshot, Freq
from infolijn.planning.reviews import accuracy_review

PLANNERS = (Role.PLANNER, Role.ADMINISTRATOR)
READERS = (Role.PLANNER, Role.ADMINISTRATOR, Role.TEAM_LEAD)
LISTED = 50


@role_required(*READERS)
def overview(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "planning/overview.html",
        {
            "snapshots": access.snapshots(request.user)[:LISTED],
            "plans": access.plans(request.user)[:LISTED],
            "events": access.events(request.user).filter(
                day__gte=timezone.localdate() - dt.timedelta(days=30)
            )[:LISTED],
            "may_plan": access.may_plan(request.user),
        },
    )


@role_required(*PLANNERS)
def forecast_create(request: HttpRequest) -> HttpResponse:
    form = ForecastForm(
        request.POST or None,
        initial={"start": timezone.localdate() + dt.timedelta(days=1)},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            snapshot = make_forecast(
                partner=data["partner"],
                channel=data["channel"],
                start=data["start"],
                horizon_days=data["horizon_days"],
                freq=data["freq"],
                actor=request.user,  # type: ignore[arg-type]
            )
        except PlanningError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(
                request, "De prognose is gemaakt als ontwerp. Publiceer ze als ze klopt."
            )
            return redirect("planning:snapshot_detail", snapshot.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "planning/forecast_form.html", {"form": form}, status=status)


def _daily(snapshot: ForecastSnapshot) -> list[dict[str, object]]:
    days: dict[dt.date, dict[str, float]] = defaultdict(
        lambda: {"forecast": 0.0, "lower": 0.0, "upper": 0.0, "uplift": 0.0}
    )
    for day, forecast, lower, upper, uplift in snapshot.rows.values_list(
        "day", "forecast", "lower", "upper", "events_uplift"
    ):
        totals = days[day]
        totals["forecast"] += forecast
        totals["lower"] += lower
        totals["upper"] += upper
        totals["uplift"] += uplift
    return [
        {"day": day, **{k: round(v, 1) for k, v in values.items()}}
        for day, values in sorted(days.items())
    ]


def _chosen_day(request: HttpRequest, first: dt.date, last: dt.date) -> dt.date:
    try:
        day = dt.date.fromisoformat(request.GET.get("dag", ""))
    except ValueError:
        return first
    return day if first <= day <= last else first


@role_required(*READERS)
def snapshot_detail(request: HttpRequest, snapshot_id: int) -> HttpResponse:
    snapshot = access.access_snapshot(user=request.user, snapshot_id=snapshot_id)
    daily = _daily(snapshot)
    chart = line_chart(
        f"Prognose {snapshot.scope}, {snapshot.get_channel_display()}",
        [f"{row['day']:%d-%m}" for row in daily],
        [
            Series("prognose", [row["forecast"] for row in daily]),  # type: ignore[misc]
            Series("ondergrens", [row["lower"] for row in daily]),  # type: ignore[misc]
            Series("bovengrens", [row["upper"] for row in daily]),  # type: ignore[misc]
        ],
        description="Contacten per dag: prognose met onder- en bovengrens (95 %). "
        "Dezelfde cijfers staan in de tabel onder de grafiek.",
        y_label="contacten",
    )
    day = _chosen_day(request, snapshot.start, snapshot.end)
    intervals = (
        snapshot.rows.filter(day=day, forecast__gt=0) if snapshot.freq == Freq.HALF_HOUR else []
    )
    return render(
        request,
        "planning/snapshot_detail.html",
        {
            "snapshot": snapshot,
            "daily": daily,
            "chart": mark_safe(chart),  # noqa: S308 - our own SVG, text escaped in charts
            "day": day,
            "intervals": intervals,
            "events": snapshot.parameters.get("events", []),
            "calibration": snapshot.parameters.get("calibration", {}),
            "may_plan": access.may_plan(request.user),
        },
    )


@require_POST
@role_required(*PLANNERS)
def snapshot_publish(request: HttpRequest, snapshot_id: int) -> HttpResponse:
    snapshot = access.access_snapshot(user=request.user, snapshot_id=snapshot_id)
    if publish_forecast(snapshot=snapshot, actor=request.user):  # type: ignore[arg-type]
        messages.success(request, "De prognose is gepubliceerd. Ze kan niet meer wijzigen.")
    else:
        messages.error(request, "Deze prognose was al gepubliceerd.")
    return redirect("planning:snapshot_detail", snapshot.pk)


def _accuracy(request: HttpRequest, snapshot: ForecastSnapshot, back: str) -> HttpResponse:
    review = accuracy_review(snapshot=snapshot, today=timezone.localdate())
    chart = ""
    if review.daily:
        chart = line_chart(
            f"Prognose en werkelijkheid, {snapshot.scope}",
            [f"{day:%d-%m}" for day, _, _ in review.daily],
            [
                Series("prognose", [f for _, f, _ in review.daily]),
                Series("werkelijk", [a for _, _, a in review.daily]),
            ],
            description="Contacten per dag volgens de prognose en zoals ze binnenkwamen. "
            "Dezelfde cijfers staan in de tabel.",
            y_label="contacten",
        )
    return render(
        request,
        "planning/accuracy.html",
        {
            "snapshot": snapshot,
            "review": review,
            "overall": review.report.overall,
            "weeks": review.report.groups.get("week", {}),
            "weekdays": review.report.groups.get("weekday", {}),
            "chart": mark_safe(chart),  # noqa: S308 - our own SVG
            "back": back,
        },
    )


@role_required(*READERS)
def snapshot_accuracy(request: HttpRequest, snapshot_id: int) -> HttpResponse:
    snapshot = access.access_snapshot(user=request.user, snapshot_id=snapshot_id)
    return _accuracy(request, snapshot, "planning:snapshot_detail")


@role_required(Role.PARTNER_REVIEWER)
def partner_forecasts(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "planning/partner_forecasts.html",
        {
            "snapshots": access.partner_snapshots(request.user)[:LISTED],
            "partner": access.own_partner(request.user),
        },
    )


@role_required(Role.PARTNER_REVIEWER)
def partner_forecast(request: HttpRequest, snapshot_id: int) -> HttpResponse:
    snapshot = access.access_partner_snapshot(user=request.user, snapshot_id=snapshot_id)
    return _accuracy(request, snapshot, "")
