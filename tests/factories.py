"""Test data built through the same actions real users go through."""

import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group

from infolijn.knowledge.actions import import_script
from infolijn.knowledge.models import ScriptPage
from infolijn.knowledge.scriptfile import ScriptFile
from infolijn.partners.actions import assign_partner_reviewer, ensure_partner
from infolijn.partners.models import Partner
from infolijn.partners.roles import Role

_counter = itertools.count(1)

BODY = """## Wie heeft recht?

Je hebt recht als je in Vlaanderen woont.

## Hoe vraag je het aan?

1. Log in op de website.
2. Vul het formulier in.
"""


def make_partner(name: str = "Agentschap Opgroeien") -> Partner:
    return ensure_partner(name=name, actor=None)


def make_user(
    role: Role | None = None, *, username: str | None = None, partner: Partner | None = None
):
    username = username or f"user{next(_counter)}"
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.test", password="pw-for-tests-only"
    )
    if role == Role.PARTNER_REVIEWER:
        assert partner is not None, "a partner reviewer belongs to a partner"
        assign_partner_reviewer(user=user, partner=partner, actor=None)
    elif role is not None:
        user.groups.add(Group.objects.get(name=role.value))
    return get_user_model().objects.get(pk=user.pk)


def script_file(script_id: str | None = None, **overrides) -> ScriptFile:
    script_id = script_id or f"script-{next(_counter)}"
    values = {
        "id": script_id,
        "title": f"Titel van {script_id}",
        "partner": "Agentschap Opgroeien",
        "themes": ("Gezin en kinderen",),
        "summary": "Je krijgt geld voor je kind.",
        "body": BODY,
        "keywords": ("kindergeld",),
        "audience": ("burger",),
    }
    values.update(overrides)
    return ScriptFile(**values)


def make_script(
    script_id: str | None = None,
    *,
    publish: bool = True,
    actor: AbstractBaseUser | None = None,
    **overrides,
) -> ScriptPage:
    file = script_file(script_id, **overrides)
    import_script(script_file=file, actor=actor, publish=publish)
    return ScriptPage.objects.get(script_id=file.id)


def make_agreement(partner: Partner, **fields):
    """An agreement valid since 2020 (overrides: any Agreement field)."""
    import datetime as dt

    from infolijn.partners.models import Agreement

    values = {"valid_from": dt.date(2020, 1, 1), "channels": ["phone", "email", "webform"]}
    values.update(fields)
    return Agreement.objects.create(partner=partner, **values)


def make_contact(partner: Partner, received_at, **fields):
    """A contact registered through the desk action (``register_contact``); phone by default."""
    from infolijn.contacts.actions import register_contact

    values = {"channel": "phone", "outcome": "open"}
    values.update(fields)
    return register_contact(partner=partner, received_at=received_at, **values)


def admin_script_form(
    *, script_id: str, partner, theme, body: str, submit: bool = True, **fields
) -> dict:
    """POST data of the Wagtail page editor for a new script (inline formsets included)."""
    data = {
        "title": script_id.replace("-", " ").capitalize(),
        "script_id": script_id,
        "slug": script_id,
        "summary": "Samenvatting.",
        "body": body,
        "partner": partner.pk,
        "audience": ["burger"],
        "keywords": "",
        "agent_notes": "",
        "plain_language_reason": "",
        "visibility": "public",
        "theme_links-TOTAL_FORMS": "1",
        "theme_links-INITIAL_FORMS": "0",
        "theme_links-MIN_NUM_FORMS": "1",
        "theme_links-MAX_NUM_FORMS": "1000",
        "theme_links-0-theme": theme.pk,
        "theme_links-0-ORDER": "1",
        "theme_links-0-id": "",
        "theme_links-0-DELETE": "",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    if submit:
        data["action-submit"] = "Indienen"
    data.update(fields)
    return data


def make_publication(partner: Partner, **fields):
    """A brochure in the catalogue (overrides: any Publication field)."""
    from infolijn.website.models import Publication

    n = next(_counter)
    values = {
        "slug": f"brochure-{n}",
        "title": f"Brochure {n}",
        "summary": "Alles over het Groeipakket.",
        "stock": 10,
        "max_per_order": 5,
    }
    values.update(fields)
    return Publication.objects.create(partner=partner, **values)
