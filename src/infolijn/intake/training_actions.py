"""Training sessions, invitations, attendance and the agents' briefing confirmation."""

import datetime as dt
from collections.abc import Iterable

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from infolijn.intake.access import TRAINING_PLANNERS
from infolijn.intake.errors import IntakeError, IntakeErrorCode
from infolijn.intake.models import (
    BriefingRead,
    Dossier,
    DossierStatus,
    TrainingInvitation,
    TrainingSession,
)
from infolijn.partners.roles import Role, has_role


def _require_planner(actor: User) -> None:
    if not has_role(actor, *TRAINING_PLANNERS):
        raise IntakeError(IntakeErrorCode.NOT_ALLOWED)


@transaction.atomic
def plan_session(
    *,
    dossier: Dossier,
    actor: User,
    title: str,
    date: dt.date,
    start_time: dt.time,
    length_minutes: int,
    trainer: User | None,
    capacity: int,
    location: str,
    agents: Iterable[User],
) -> TrainingSession:
    """Plan a session for an accepted dossier and invite ``agents`` (at most ``capacity``)."""
    _require_planner(actor)
    dossier = Dossier.objects.get(pk=dossier.pk)
    if dossier.status not in (DossierStatus.ACCEPTED, DossierStatus.LIVE):
        raise IntakeError(IntakeErrorCode.WRONG_STATE, status=dossier.get_status_display())
    invitees = list(agents)
    for agent in invitees:
        if not has_role(agent, Role.AGENT):
            raise IntakeError(IntakeErrorCode.NOT_AN_AGENT, "agents", name=agent.get_username())
    if len(invitees) > capacity:
        raise IntakeError(
            IntakeErrorCode.OVER_CAPACITY, "agents", count=len(invitees), capacity=capacity
        )
    session = TrainingSession.objects.create(
        dossier=dossier,
        title=title.strip(),
        date=date,
        start_time=start_time,
        length_minutes=length_minutes,
        trainer=trainer,
        capacity=capacity,
        location=location.strip(),
        created_by=actor,
    )
    TrainingInvitation.objects.bulk_create(
        TrainingInvitation(session=session, agent=agent) for agent in invitees
    )
    log(
        instance=dossier,
        action="infolijn.intake.training_planned",
        user=actor,
        data={"session": session.pk, "date": date.isoformat(), "invited": len(invitees)},
    )
    return session


@transaction.atomic
def register_attendance(
    *, session: TrainingSession, actor: User, attended: dict[int, bool | None]
) -> int:
    """Record who came (``agent id → True/False``; None leaves a mark open); returns changes."""
    if not has_role(actor, Role.TEAM_LEAD, Role.ADMINISTRATOR):
        raise IntakeError(IntakeErrorCode.NOT_ALLOWED)
    now = timezone.now()
    changed = 0
    for invitation in session.invitations.select_for_update():
        value = attended.get(invitation.agent_id, invitation.attended)
        if value == invitation.attended:
            continue
        invitation.attended, invitation.registered_by = value, actor
        invitation.registered_at = now
        invitation.save(update_fields=["attended", "registered_by", "registered_at"])
        changed += 1
    if changed:
        log(
            instance=session.dossier,
            action="infolijn.intake.attendance",
            user=actor,
            data={"session": session.pk, "changed": changed},
        )
    return changed


@transaction.atomic
def confirm_briefing(*, agent: User, until: dt.datetime, now: dt.datetime) -> BriefingRead:
    """Move the agent's watermark to ``until`` (what they saw), never back, never past now."""
    if not has_role(agent, Role.AGENT):
        raise IntakeError(IntakeErrorCode.NOT_AN_AGENT, name=agent.get_username())
    moment = min(until, now)
    read, created = BriefingRead.objects.select_for_update().get_or_create(
        agent=agent, defaults={"read_at": moment}
    )
    if not created and read.read_at < moment:
        read.read_at = moment
        read.save(update_fields=["read_at"])
    return read
