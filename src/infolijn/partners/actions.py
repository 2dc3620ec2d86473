from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.text import slugify
from wagtail.log_actions import log

from infolijn.partners.models import Partner, PartnerMembership
from infolijn.partners.roles import Role


class PartnerError(ValueError):
    pass


@transaction.atomic
def ensure_partner(*, name: str, actor: AbstractBaseUser | None) -> Partner:
    """The partner named ``name`` (by name or code); created when unknown (script import)."""
    name = name.strip()
    partner = Partner.objects.by_name_or_code(name)
    if partner is not None:
        return partner
    code = slugify(name)
    if not code:
        raise PartnerError(f"partner name {name!r} has no letters or digits to make a code from")
    partner = Partner.objects.create(name=name, code=code)
    log(instance=partner, action="wagtail.create", user=actor)
    return partner


@transaction.atomic
def assign_partner_reviewer(
    *, user: AbstractBaseUser, partner: Partner, actor: AbstractBaseUser | None
) -> None:
    """Make ``user`` a reviewer of ``partner`` (and of no other partner)."""
    from django.contrib.auth.models import Group

    PartnerMembership.objects.update_or_create(user=user, defaults={"partner": partner})
    group, _ = Group.objects.get_or_create(name=Role.PARTNER_REVIEWER.value)
    user.groups.add(group)  # type: ignore[attr-defined]
    log(
        instance=partner,
        action="infolijn.partner.reviewer_assigned",
        user=actor,
        data={"user_id": user.pk},
    )
