"""The only way views fetch dossiers and sessions for a user: scoped by role and partner, 404
otherwise. Partner reviewers see their own partner's dossiers and nothing else."""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.http import Http404

from infolijn.intake.models import Dossier, DossierQuerySet, TrainingSession
from infolijn.partners.models import Partner
from infolijn.partners.roles import Role, UserLike, has_role

#: People of the line who handle intakes: accept, ask for more, decline, follow up.
LINE_STAFF = (Role.EDITOR, Role.TEAM_LEAD, Role.PLANNER, Role.ADMINISTRATOR)
#: Who may write a request: the partner's reviewer, or an editor on the partner's behalf.
AUTHORS = (Role.EDITOR, Role.ADMINISTRATOR, Role.PARTNER_REVIEWER)
TRAINING_PLANNERS = (Role.TEAM_LEAD, Role.PLANNER, Role.ADMINISTRATOR)


def own_partner(user: UserLike) -> Partner | None:
    membership = getattr(user, "partner_membership", None)
    if membership is None or not has_role(user, Role.PARTNER_REVIEWER):
        return None
    return membership.partner


def is_line_staff(user: UserLike) -> bool:
    return has_role(user, *LINE_STAFF)


def dossiers(user: UserLike) -> DossierQuerySet:
    base = Dossier.objects.select_related("partner", "owner")
    if is_line_staff(user):
        return base
    partner = own_partner(user)
    return base.of_partner(partner) if partner is not None else base.none()


def partner_dossiers(user: UserLike) -> DossierQuerySet:
    partner = own_partner(user)
    if partner is None:
        return Dossier.objects.none()
    return Dossier.objects.select_related("partner", "owner").of_partner(partner)


def access_dossier(*, user: UserLike, reference: str) -> Dossier:
    dossier = dossiers(user).filter(reference=reference).first()
    if dossier is None:
        raise Http404
    return dossier


def access_partner_dossier(*, user: UserLike, reference: str) -> Dossier:
    dossier = partner_dossiers(user).filter(reference=reference).first()
    if dossier is None:
        raise Http404
    return dossier


def access_session(*, user: UserLike, session_id: int) -> TrainingSession:
    if not has_role(user, *TRAINING_PLANNERS):
        raise Http404
    session = (
        TrainingSession.objects.select_related("dossier", "trainer").filter(pk=session_id).first()
    )
    if session is None:
        raise Http404
    return session


def active_agents() -> QuerySet:
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=Role.AGENT.value)
        .distinct()
        .order_by("username")
    )


def line_staff_users() -> QuerySet:
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=[r.value for r in LINE_STAFF])
        .distinct()
        .order_by("username")
    )


def editors() -> QuerySet:
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=Role.EDITOR.value)
        .distinct()
        .order_by("username")
    )
