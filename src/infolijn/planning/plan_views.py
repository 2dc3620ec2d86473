"""Staffing plan screens: new plan, detail per day, what-if, training proposals, exports."""

import datetime as dt
from collections import defaultdict

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe

from infolijn.core.access import role_required
from infolijn.core.charts import Series, line_chart
from infolijn.planning import access
from infolijn.planning.actions import make_staffing_plan
from infolijn.planning.errors import PlanningError
from infolijn.planning.exports import plan_csv, plan_xlsx
from infolijn.planning.forms import StaffingForm, TrainingForm, WhatIfForm
from infolijn.planning.models import SLOT_MINUTES, StaffingPlan
from infolijn.planning.reviews import propose_training_slots
from infolijn.planning.staffing_plans import PlanParameters, compute_staffing
from infolijn.planning.views import PLANNERS, READERS, _chosen_day

HOURS_PER_INTERVAL = SLOT_MINUTES / 60
OPTIONS_SHOWN = 10


@role_required(*PLANNERS)
def plan_create(request: HttpRequest) -> HttpResponse:
    initial = {}
    if request.GET.get("prognose", "").isdigit():
        initial["snapshot"] = int(request.GET["prognose"])
    form = StaffingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            plan = make_staffing_plan(
                snapshot=form.cleaned_data["snapshot"],
                written_snapshot=form.cleaned_data["written_snapshot"],
                parameters=form.parameters(),
                actor=request.user,  # type: ignore[arg-type]
            )
        except PlanningError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, "Het personeelsplan is berekend en bewaard.")
            return redirect("planning:plan_detail", plan.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "planning/plan_form.html", {"form": form}, status=status)


def _days(plan: StaffingPlan) -> list[dict[str, object]]:
    days: dict[dt.date, dict[str, float]] = defaultdict(
        lambda: {"forecast": 0.0, "required": 0.0, "scheduled": 0.0, "under": 0.0, "over": 0.0}
    )
    for day, forecast, written, required, scheduled, under, over in plan.rows.values_list(
        "day", "forecast", "written_forecast", "required", "scheduled", "under", "over"
    ):
        totals = days[day]
        totals["forecast"] += forecast + written
        totals["required"] += required * HOURS_PER_INTERVAL
        totals["scheduled"] += scheduled * HOURS_PER_INTERVAL
        totals["under"] += under * HOURS_PER_INTERVAL
        totals["over"] += over * HOURS_PER_INTERVAL
    return [
        {"day": day, **{k: round(v, 1) for k, v in values.items()}}
        for day, values in sorted(days.items())
    ]


@role_required(*READERS)
def plan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access.access_plan(user=request.user, plan_id=plan_id)
    day = _chosen_day(request, plan.snapshot.start, plan.snapshot.end)
    rows = list(plan.rows.filter(day=day))
    open_rows = [row for row in rows if row.required > 0 or row.scheduled > 0]
    chart = ""
    if open_rows:
        chart = line_chart(
            f"Voorlichters op {day:%d-%m-%Y}",
            [row.time_label for row in open_rows],
            [
                Series("nodig", [row.required for row in open_rows]),
                Series("ingepland", [row.scheduled for row in open_rows]),
            ],
            description="Voorlichters nodig en ingepland per half uur. "
            "Dezelfde cijfers staan in de tabel.",
            y_label="voorlichters",
        )
    prefix = f"{day:%d-%m} "
    return render(
        request,
        "planning/plan_detail.html",
        {
            "plan": plan,
            "days": _days(plan),
            "day": day,
            "rows": open_rows,
            "chart": mark_safe(chart),  # noqa: S308 - our own SVG
            "shifts": sorted(
                (name.removeprefix(prefix), count)
                for name, count in plan.shift_counts.items()
                if name.startswith(prefix)
            ),
            "may_plan": access.may_plan(request.user),
        },
    )


def _stored_parameters(plan: StaffingPlan) -> PlanParameters:
    return PlanParameters(
        aht_seconds=plan.aht_seconds,
        target_service_level=plan.target_service_level,
        threshold_seconds=plan.threshold_seconds,
        patience_seconds=plan.patience_seconds,
        shrinkage=plan.shrinkage,
        max_occupancy=plan.max_occupancy,
        email_handle_seconds=plan.email_handle_seconds,
        cost_per_agent_hour=plan.cost_per_agent_hour,
    )


@role_required(*READERS)
def plan_whatif(request: HttpRequest, plan_id: int) -> HttpResponse:
    """The same plan with another volume, handle time or target, side by side; not stored."""
    plan = access.access_plan(user=request.user, plan_id=plan_id)
    initial = {
        "volume_percent": 100,
        "aht_seconds": plan.aht_seconds,
        "target_percent": plan.target_service_level * 100,
    }
    form = WhatIfForm(request.GET if request.GET else None, initial=initial)
    scenario = None
    error = ""
    if form.is_bound and form.is_valid():
        base = _stored_parameters(plan)
        changed = PlanParameters(
            **{
                **base.__dict__,
                "aht_seconds": form.cleaned_data["aht_seconds"],
                "target_service_level": form.cleaned_data["target_percent"] / 100,
                "volume_factor": form.cleaned_data["volume_percent"] / 100,
            }
        )
        try:
            scenario = compute_staffing(
                snapshot=plan.snapshot, written_snapshot=plan.written_snapshot, parameters=changed
            )
        except PlanningError as exc:
            error = exc.message
    rows = list(plan.rows.values_list("required", "under"))
    current = {
        "agent_hours": plan.agent_hours,
        "cost": plan.cost,
        "peak": max((r for r, _ in rows), default=0.0),
        "short": sum(1 for _, u in rows if u > 0),
    }
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(
        request,
        "planning/plan_whatif.html",
        {"plan": plan, "form": form, "current": current, "scenario": scenario, "error": error},
        status=status,
    )


@role_required(*READERS)
def plan_training(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = access.access_plan(user=request.user, plan_id=plan_id)
    form = TrainingForm(request.GET if request.GET else None)
    result = None
    if form.is_bound and form.is_valid():
        result = propose_training_slots(plan=plan, **form.cleaned_data)
    options, sessions = [], []
    if result is not None and result.proposal is not None:
        sessions = [
            {"option": option, "label": result.labels[option.start]}
            for option in result.proposal.plan
        ]
        size = result.proposal.sessions[0]
        options = [
            {
                "option": option,
                "label": result.labels[option.start],
                "cost": round(option.backfill_hours * result.cost_per_hour, 2),
            }
            for option in result.proposal.options[size][:OPTIONS_SHOWN]
        ]
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(
        request,
        "planning/plan_training.html",
        {
            "plan": plan,
            "form": form,
            "result": result,
            "options": options,
            "sessions": sessions,
        },
        status=status,
    )


@role_required(*READERS)
def plan_export_csv(request: HttpRequest, plan_id: int) -> HttpResponse:
    return plan_csv(access.access_plan(user=request.user, plan_id=plan_id))


@role_required(*READERS)
def plan_export_xlsx(request: HttpRequest, plan_id: int) -> HttpResponse:
    return plan_xlsx(access.access_plan(user=request.user, plan_id=plan_id))
