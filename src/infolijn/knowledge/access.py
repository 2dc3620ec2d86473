"""The only way views fetch scripts for a user: scoped by role and partner, 404 otherwise."""

from django.http import Http404

from infolijn.knowledge.models import ScriptPage, ScriptPageQuerySet
from infolijn.partners.roles import LINE_ROLES, Role, UserLike, has_role


def desk_scripts(user: UserLike) -> ScriptPageQuerySet:
    """Published scripts for people of the line (agents, editors, ...): agent-only ones too."""
    if not has_role(user, *LINE_ROLES):
        return ScriptPage.objects.none()
    return ScriptPage.objects.for_agents()


def partner_scripts(user: UserLike) -> ScriptPageQuerySet:
    """Every script of the reviewer's own partner, drafts and withdrawn ones included."""
    membership = getattr(user, "partner_membership", None)
    if membership is None or not has_role(user, Role.PARTNER_REVIEWER):
        return ScriptPage.objects.none()
    return ScriptPage.objects.of_partner(membership.partner)


def access_desk_script(*, user: UserLike, script_id: str) -> ScriptPage:
    script = desk_scripts(user).filter(script_id=script_id).select_related("partner").first()
    if script is None:
        raise Http404
    return script


def access_partner_script(*, user: UserLike, script_id: str) -> ScriptPage:
    script = partner_scripts(user).filter(script_id=script_id).select_related("partner").first()
    if script is None:
        raise Http404
    return script


def access_editable_script(*, user: UserLike, script_id: str) -> ScriptPage:
    if not has_role(user, Role.EDITOR, Role.ADMINISTRATOR):
        raise Http404
    script = ScriptPage.objects.filter(script_id=script_id).first()
    if script is None:
        raise Http404
    return script
