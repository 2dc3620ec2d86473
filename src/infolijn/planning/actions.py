"""Every change to planning data goes through these functions."""

import datetime as dt

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from infolijn.partners.models import Channel, Partner
from infolijn.partners.roles import Role, has_role
from infolijn.planning.engine.forecast import daily_series, forecast_daily, forecast_history
from infolijn.planning.engine.forecast_io import HistoryError
from infolijn.planning.errors import PlanningError, PlanningErrorCode
from infolijn.planning.event_effects import apply_partner_events, calibration, events_for
from infolijn.planning.models import (
    MAX_HORIZON_DAYS,
    ForecastSnapshot,
    ForecastSnapshotRow,
    Freq,
    PartnerEvent,
    StaffingPlan,
    StaffingPlanRow,
)
from infolijn.planning.queries import history_before
from infolijn.planning.staffing_plans import PlanParameters, compute_staffing

Actor = User | None

PLANNING_ROLES = (Role.PLANNER, Role.ADMINISTRATOR)
EVENT_FIELDS = ("kind", "name", "day", "expected_extra", "channel", "days", "decay", "dossier_ref")


def _require_planner(actor: Actor) -> None:
    """``actor`` None is the system (a command, the demo)."""
    if actor is not None and not has_role(actor, *PLANNING_ROLES):
        raise PlanningError(PlanningErrorCode.NOT_ALLOWED, "actor")


def _may_edit_event(actor: Actor, partner: Partner) -> bool:
    if actor is None or has_role(actor, *PLANNING_ROLES):
        return True
    membership = getattr(actor, "partner_membership", None)
    return has_role(actor, Role.PARTNER_REVIEWER) and (
        membership is not None and membership.partner_id == partner.pk
    )


# -- forecasts ------------------------------------------------------------------------------


@transaction.atomic
def make_forecast(
    *,
    partner: Partner | None,
    channel: str,
    start: dt.date,
    horizon_days: int,
    freq: str,
    actor: Actor,
) -> ForecastSnapshot:
    """Forecast ``horizon_days`` from ``start`` from the contacts before it, add the partner
    events (corrected by what past events of the same kind brought) and store a draft."""
    _require_planner(actor)
    if channel not in Channel.values:
        raise PlanningError(PlanningErrorCode.BAD_CHANNEL, "channel", value=channel)
    if freq not in Freq.values:
        raise PlanningError(PlanningErrorCode.BAD_FREQ, "freq", value=freq)
    if not 1 <= horizon_days <= MAX_HORIZON_DAYS:
        raise PlanningError(PlanningErrorCode.BAD_HORIZON, "horizon_days", limit=MAX_HORIZON_DAYS)
    history = history_before(partner=partner, channel=channel, start=start, freq=freq)
    if history is None:
        raise PlanningError(PlanningErrorCode.NO_HISTORY, "start", start=f"{start:%d-%m-%Y}")
    try:
        rows = forecast_history(history, horizon=horizon_days, freq=freq)
        series = daily_series(history)
        daily = forecast_daily(series.first, series.totals, horizon_days)
    except (HistoryError, ValueError) as exc:
        raise PlanningError(PlanningErrorCode.ENGINE, "start", detail=str(exc)) from exc
    end = start + dt.timedelta(days=horizon_days - 1)
    factors = calibration(partner=partner, channel=channel, before=start)
    events = events_for(partner=partner, channel=channel, first=start, last=end)
    uplifted = apply_partner_events(rows, events=events, factors=factors)
    snapshot = ForecastSnapshot.objects.create(
        partner=partner,
        channel=channel,
        freq=freq,
        start=start,
        end=end,
        model_name=daily.model,
        parameters={
            "history_first": f"{history.timestamps[0]:%Y-%m-%d}",
            "history_last": f"{history.timestamps[-1]:%Y-%m-%d}",
            "history_total": sum(history.counts),
            "backtest_wape": {k: round(v, 4) for k, v in daily.wape.items()},
            "events": uplifted.applied,
            "calibration": uplifted.factors,
        },
        created_by=actor,
    )
    ForecastSnapshotRow.objects.bulk_create(
        ForecastSnapshotRow(
            snapshot=snapshot,
            day=dt.date.fromisoformat(row.timestamp[:10]),
            minute=None
            if freq == Freq.DAY
            else int(row.timestamp[11:13]) * 60 + int(row.timestamp[14:16]),
            forecast=row.forecast,
            lower=row.lower,
            upper=row.upper,
            events_uplift=extra,
        )
        for row, extra in zip(uplifted.rows, uplifted.uplift, strict=True)
    )
    log(instance=snapshot, action="infolijn.planning.forecast", user=actor)
    return snapshot


@transaction.atomic
def publish_forecast(*, snapshot: ForecastSnapshot, actor: Actor) -> bool:
    """Publish a draft; False when it was published already (nothing changes then)."""
    _require_planner(actor)
    now = timezone.now()
    changed = ForecastSnapshot.objects.filter(pk=snapshot.pk, published=False).update(
        published=True, published_at=now
    )
    if changed:
        snapshot.published, snapshot.published_at = True, now
        log(instance=snapshot, action="infolijn.planning.publish", user=actor)
    return bool(changed)


# -- partner events -------------------------------------------------------------------------


@transaction.atomic
def create_event(*, partner: Partner, values: dict[str, object], actor: Actor) -> PartnerEvent:
    if not _may_edit_event(actor, partner):
        raise PlanningError(PlanningErrorCode.NOT_ALLOWED, "partner")
    event = PartnerEvent.objects.create(
        partner=partner, created_by=actor, **{k: values[k] for k in EVENT_FIELDS if k in values}
    )
    log(instance=event, action="wagtail.create", user=actor)
    return event


@transaction.atomic
def update_event(*, event: PartnerEvent, values: dict[str, object], actor: Actor) -> PartnerEvent:
    if not _may_edit_event(actor, event.partner):
        raise PlanningError(PlanningErrorCode.NOT_ALLOWED, "partner")
    fields = [k for k in EVENT_FIELDS if k in values]
    for name in fields:
        setattr(event, name, values[name])
    event.save(update_fields=fields)
    log(instance=event, action="wagtail.edit", user=actor)
    return event


@transaction.atomic
def delete_event(*, event: PartnerEvent, actor: Actor) -> None:
    if not _may_edit_event(actor, event.partner):
        raise PlanningError(PlanningErrorCode.NOT_ALLOWED, "partner")
    log(instance=event, action="wagtail.delete", user=actor)
    event.delete()


# -- staffing plans -------------------------------------------------------------------------


@transaction.atomic
def make_staffing_plan(
    *,
    snapshot: ForecastSnapshot,
    parameters: PlanParameters,
    written_snapshot: ForecastSnapshot | None = None,
    actor: Actor,
) -> StaffingPlan:
    """Required agents per half hour, a shift plan that covers them, and the gaps."""
    _require_planner(actor)
    outcome = compute_staffing(
        snapshot=snapshot, written_snapshot=written_snapshot, parameters=parameters
    )
    plan = StaffingPlan.objects.create(
        snapshot=snapshot,
        written_snapshot=written_snapshot,
        aht_seconds=parameters.aht_seconds,
        target_service_level=parameters.target_service_level,
        threshold_seconds=parameters.threshold_seconds,
        patience_seconds=parameters.patience_seconds,
        shrinkage=parameters.shrinkage,
        max_occupancy=parameters.max_occupancy,
        email_handle_seconds=parameters.email_handle_seconds,
        cost_per_agent_hour=parameters.cost_per_agent_hour,
        shift_counts=outcome.shift_counts,
        agent_hours=outcome.agent_hours,
        cost=outcome.cost,
        solver_status=outcome.status,
        written_missed=outcome.written_missed,
        created_by=actor,
    )
    StaffingPlanRow.objects.bulk_create(
        StaffingPlanRow(plan=plan, **interval.as_fields()) for interval in outcome.intervals
    )
    log(instance=plan, action="infolijn.planning.staffing_plan", user=actor)
    return plan
