"""How views fetch quality objects for a user: scoped by role and partner, 404 otherwise."""

from django.http import Http404

from infolijn.partners.models import Partner
from infolijn.partners.roles import Role, UserLike, has_role
from infolijn.quality.models import Evaluation, Recording

#: The line's staff who see every partner's quality figures.
STAFF_ROLES = (Role.QUALITY_MONITOR, Role.TEAM_LEAD, Role.ADMINISTRATOR)
REPORT_ROLES = (*STAFF_ROLES, Role.PARTNER_REVIEWER)


def reviewer_partner(user: UserLike) -> Partner:
    membership = getattr(user, "partner_membership", None)
    if membership is None or not has_role(user, Role.PARTNER_REVIEWER):
        raise Http404
    return membership.partner


def report_partners(user: UserLike) -> list[Partner]:
    """Partners whose reports ``user`` may read: all for staff, their own for a reviewer."""
    if has_role(user, *STAFF_ROLES):
        return list(Partner.objects.all())
    membership = getattr(user, "partner_membership", None)
    if membership is not None and has_role(user, Role.PARTNER_REVIEWER):
        return [membership.partner]
    return []


def access_report_partner(*, user: UserLike, code: str) -> Partner:
    for partner in report_partners(user):
        if partner.code == code:
            return partner
    raise Http404


def access_evaluation(*, user: UserLike, evaluation_id: int) -> Evaluation:
    """Staff see every evaluation; an agent only their own, submitted ones."""
    evaluations = Evaluation.objects.select_related(
        "contact__partner", "form", "evaluator", "agent", "recording", "session"
    )
    if has_role(user, *STAFF_ROLES):
        found = evaluations.filter(pk=evaluation_id).first()
    elif has_role(user, Role.AGENT):
        found = evaluations.visible_to_agent(user).filter(pk=evaluation_id).first()
    else:
        found = None
    if found is None:
        raise Http404
    return found


def access_recording(*, user: UserLike, recording_id: int) -> Recording:
    """Staff hear every recording; an agent only recordings of their own evaluated calls."""
    recording = Recording.objects.select_related("contact").filter(pk=recording_id).first()
    if recording is None:
        raise Http404
    if has_role(user, *STAFF_ROLES):
        return recording
    if (
        has_role(user, Role.AGENT)
        and Evaluation.objects.visible_to_agent(user).filter(recording=recording).exists()
    ):
        return recording
    raise Http404
