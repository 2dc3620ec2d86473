"""Where a dossier's training fits: the planning proposals of days and slots with slack."""

import datetime as dt
from dataclasses import dataclass

from infolijn.intake.access import active_agents
from infolijn.intake.models import Dossier
from infolijn.planning.models import Freq, StaffingPlan
from infolijn.planning.reviews import propose_training_slots

MAX_OPTIONS = 8


@dataclass(frozen=True)
class SlotChoice:
    value: str
    label: str


def covering_plan(dossier: Dossier, today: dt.date) -> StaffingPlan | None:
    """The latest staffing plan with days between today and go-live."""
    return (
        StaffingPlan.objects.filter(
            snapshot__freq=Freq.HALF_HOUR,
            snapshot__start__lte=dossier.go_live,
            snapshot__end__gte=today,
        )
        .select_related("snapshot")
        .order_by("-created_at", "-id")
        .first()
    )


def slot_choices(
    dossier: Dossier, *, today: dt.date, capacity: int, session_minutes: int
) -> tuple[StaffingPlan | None, list[SlotChoice]]:
    """The plan's ranked options before go-live; the greedy plan's picks first."""
    plan = covering_plan(dossier, today)
    if plan is None:
        return None, []
    trainees = max(1, active_agents().count())
    slots = propose_training_slots(
        plan=plan, session_minutes=session_minutes, trainees=trainees, capacity=capacity
    )
    if slots.proposal is None:
        return plan, []
    rows = list(plan.rows.values_list("day", "minute"))
    picked = {option.start for option in slots.proposal.plan}
    ranked = next(iter(slots.proposal.options.values()), ())
    ordered = [o for o in ranked if o.start in picked] + [
        o for o in ranked if o.start not in picked
    ]
    choices = []
    for option in ordered:
        day, minute = rows[option.start]
        if not today <= day <= dossier.go_live:
            continue
        note = "voorstel" if option.start in picked else "alternatief"
        fit = "genoeg speling" if option.feasible else "te weinig speling"
        choices.append(
            SlotChoice(
                f"{day.isoformat()}T{minute // 60:02d}:{minute % 60:02d}",
                f"{slots.labels[option.start]} ({note}; {fit}, kleinste speling "
                f"{option.min_slack:.1f})",
            )
        )
        if len(choices) == MAX_OPTIONS:
            break
    return plan, choices
