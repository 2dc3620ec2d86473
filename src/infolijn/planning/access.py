"""The only way views fetch planning objects for a user: scoped by role and partner, 404
otherwise. Partner reviewers see their own partner's events and published forecasts only."""

from typing import TypeVar

from django.db.models import Model, QuerySet
from django.http import Http404

from infolijn.partners.models import Partner
from infolijn.partners.roles import Role, UserLike, has_role
from infolijn.planning.models import ForecastSnapshot, PartnerEvent, StaffingPlan

PLANNERS = (Role.PLANNER, Role.ADMINISTRATOR)
READERS = (Role.PLANNER, Role.ADMINISTRATOR, Role.TEAM_LEAD)

M = TypeVar("M", bound=Model)


def own_partner(user: UserLike) -> Partner | None:
    """The reviewer's partner; None for anybody else."""
    membership = getattr(user, "partner_membership", None)
    if membership is None or not has_role(user, Role.PARTNER_REVIEWER):
        return None
    return membership.partner


def may_plan(user: UserLike) -> bool:
    return has_role(user, *PLANNERS)


def events(user: UserLike) -> QuerySet[PartnerEvent]:
    base = PartnerEvent.objects.select_related("partner")
    if has_role(user, *READERS):
        return base
    partner = own_partner(user)
    return base.filter(partner=partner) if partner is not None else base.none()


def editable_events(user: UserLike) -> QuerySet[PartnerEvent]:
    if may_plan(user):
        return PartnerEvent.objects.select_related("partner")
    partner = own_partner(user)
    if partner is None:
        return PartnerEvent.objects.none()
    return PartnerEvent.objects.select_related("partner").filter(partner=partner)


def snapshots(user: UserLike) -> QuerySet[ForecastSnapshot]:
    base = ForecastSnapshot.objects.select_related("partner", "created_by")
    return base if has_role(user, *READERS) else base.none()


def partner_snapshots(user: UserLike) -> QuerySet[ForecastSnapshot]:
    """Published forecasts of the reviewer's own partner."""
    partner = own_partner(user)
    if partner is None:
        return ForecastSnapshot.objects.none()
    return ForecastSnapshot.objects.published().filter(partner=partner).select_related("partner")


def plans(user: UserLike) -> QuerySet[StaffingPlan]:
    base = StaffingPlan.objects.select_related("snapshot", "snapshot__partner", "written_snapshot")
    return base if has_role(user, *READERS) else base.none()


def _one(queryset: QuerySet[M], pk: int) -> M:
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def access_event(*, user: UserLike, event_id: int, edit: bool = False) -> PartnerEvent:
    return _one(editable_events(user) if edit else events(user), event_id)


def access_snapshot(*, user: UserLike, snapshot_id: int) -> ForecastSnapshot:
    return _one(snapshots(user), snapshot_id)


def access_partner_snapshot(*, user: UserLike, snapshot_id: int) -> ForecastSnapshot:
    return _one(partner_snapshots(user), snapshot_id)


def access_plan(*, user: UserLike, plan_id: int) -> StaffingPlan:
    return _one(plans(user), plan_id)
