"""Roles are Django groups; this enum is the only place their names are written."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models


class Role(models.TextChoices):
    EDITOR = "Redacteurs", "redacteur"
    PARTNER_REVIEWER = "Partnerreviewers", "partnerreviewer"
    AGENT = "Voorlichters", "voorlichter"
    TEAM_LEAD = "Teamleiders", "teamleider"
    PLANNER = "Planners", "planner"
    QUALITY_MONITOR = "Kwaliteitsmedewerkers", "kwaliteitsmedewerker"
    ADMINISTRATOR = "Beheerders", "beheerder"


UserLike = AbstractBaseUser | AnonymousUser

_CACHE_ATTR = "_infolijn_roles"


def roles_of(user: UserLike) -> frozenset[Role]:
    """The user's roles, cached on the user object for the request."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))  # type: ignore[attr-defined]
        cached = frozenset(role for role in Role if role.value in names)
        if getattr(user, "is_superuser", False):
            cached = cached | {Role.ADMINISTRATOR}
        setattr(user, _CACHE_ATTR, cached)
    return cached


def has_role(user: UserLike, *roles: Role) -> bool:
    return bool(roles_of(user) & set(roles))


# Roles that work for the line itself and therefore see every partner's data.
LINE_ROLES = (
    Role.EDITOR,
    Role.AGENT,
    Role.TEAM_LEAD,
    Role.PLANNER,
    Role.QUALITY_MONITOR,
    Role.ADMINISTRATOR,
)
