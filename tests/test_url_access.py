"""Every URL of ours × every role: who gets in, who is sent away, and nothing leaks across partners."""

import importlib
import importlib.util

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from infolijn.partners.roles import Role
from tests.factories import (
    make_contact,
    make_partner,
    make_publication,
    make_script,
    make_user,
)

ANON, NO_ROLE, AGENT, LEAD, PLANNER, QUALITY, EDITOR, ADMIN, REVIEWER_A, REVIEWER_B = (
    "anonymous",
    "no_role",
    "agent",
    "team_lead",
    "planner",
    "quality",
    "editor",
    "admin",
    "reviewer_a",
    "reviewer_b",
)
ALL = (ANON, NO_ROLE, AGENT, LEAD, PLANNER, QUALITY, EDITOR, ADMIN, REVIEWER_A, REVIEWER_B)
# Apps with their own part of the matrix: tests/<app>/url_access.py defines EXPECTED (same shape
# as below), POST_ONLY and world_data(partner_a, partner_b, users) -> dict for its path builders.
APP_MATRICES = {
    app: importlib.import_module(f"tests.{app}.url_access")
    for app in ("planning", "quality", "intake")
    if importlib.util.find_spec(f"tests.{app}.url_access") is not None
}
LINE = {AGENT, LEAD, PLANNER, QUALITY, EDITOR, ADMIN}
EVERYONE = set(ALL)

# url name → (path builder, roles that get 200). Others: anonymous → login, signed in → 403/404.
EXPECTED = {
    "core:login": (
        lambda d: reverse("core:login"),
        EVERYONE - {NO_ROLE, AGENT, LEAD, PLANNER, QUALITY, EDITOR, ADMIN, REVIEWER_A, REVIEWER_B}
        | {ANON},
    ),
    "core:workplace": (lambda d: reverse("core:workplace"), set()),
    "knowledge:desk_scripts": (lambda d: reverse("knowledge:desk_scripts"), LINE),
    "knowledge:desk_script": (
        lambda d: reverse("knowledge:desk_script", args=[d["script_a"]]),
        LINE,
    ),
    "knowledge:withdraw": (
        lambda d: reverse("knowledge:withdraw", args=[d["script_a"]]),
        {EDITOR, ADMIN},
    ),
    "knowledge:partner_scripts": (
        lambda d: reverse("knowledge:partner_scripts"),
        {REVIEWER_A, REVIEWER_B},
    ),
    "knowledge:partner_script": (
        lambda d: reverse("knowledge:partner_script", args=[d["script_a"]]),
        {REVIEWER_A},
    ),
    "sitemap": (lambda d: reverse("sitemap"), EVERYONE),
    "website:robots": (lambda d: reverse("website:robots"), EVERYONE),
    "website:contact": (lambda d: reverse("website:contact"), EVERYONE),
    "website:publications": (lambda d: reverse("website:publications"), EVERYONE),
    "website:order": (lambda d: reverse("website:order", args=[d["publication"]]), EVERYONE),
    "contacts:queue": (lambda d: reverse("contacts:queue"), {AGENT, LEAD, ADMIN}),
    "contacts:contact": (
        lambda d: reverse("contacts:contact", args=[d["contact"]]),
        {AGENT, LEAD, ADMIN},
    ),
    "contacts:attention": (lambda d: reverse("contacts:attention"), {AGENT, LEAD, ADMIN}),
    "contacts:callbacks": (lambda d: reverse("contacts:callbacks"), {AGENT, LEAD, ADMIN}),
    "contacts:publication_orders": (
        lambda d: reverse("contacts:publication_orders"),
        {AGENT, LEAD, ADMIN},
    ),
    "search:public": (lambda d: reverse("search:public") + "?q=groeipakket", EVERYONE),
    "search:public_click": (
        lambda d: reverse("search:public_click", args=[0, "bestaat-niet"]),
        set(),
    ),
}
# Wagtail admin screens that matter for isolation (the admin has hundreds; these are ours to guard).
ADMIN_EXPECTED = {
    "wagtailadmin_home": (
        lambda d: reverse("wagtailadmin_home"),
        {EDITOR, ADMIN, REVIEWER_A, REVIEWER_B, QUALITY},
    ),
    "page_edit": (
        lambda d: reverse("wagtailadmin_pages:edit", args=[d["script_a_pk"]]),
        {EDITOR, ADMIN},
    ),
    "explore": (
        lambda d: reverse("wagtailadmin_explore", args=[d["script_a_parent"]]),
        {EDITOR, ADMIN},
    ),
    "partners": (lambda d: reverse("wagtailsnippets_partners_partner:list"), {ADMIN}),
    "users": (lambda d: reverse("wagtailusers_users:index"), {ADMIN}),
    "django_admin": (lambda d: "/django-admin/", set()),
    "search_analytics": (lambda d: reverse("search_analytics"), {EDITOR, ADMIN}),
    "feedback_report": (lambda d: reverse("feedback_report"), {EDITOR, ADMIN}),
    "visits_report": (lambda d: reverse("visits_report"), {EDITOR, ADMIN}),
    "synonyms": (lambda d: reverse("wagtailsnippets_search_synonym:list"), {EDITOR}),
    "publications": (lambda d: reverse("wagtailsnippets_website_publication:list"), {EDITOR}),
}
OUR_NAMESPACES = ("core", "knowledge", "search", "contacts", "website", *APP_MATRICES)


def our_url_names() -> set[str]:
    names: set[str] = set()

    def walk(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name and namespace in OUR_NAMESPACES:
                names.add(f"{namespace}:{pattern.name}")

    walk(get_resolver().url_patterns)
    return names


POST_ONLY = {
    "core:logout",
    "contacts:register_call",
    "contacts:link_to_current",
    "website:feedback",
    "contacts:publication_orders_sent",
    "contacts:take",
    "contacts:release",
    "contacts:reply",
    "contacts:forward",
    "contacts:route",
    "contacts:dismiss",
    "contacts:called_back",
    "contacts:publication_order_cancel",
}  # tests/contacts
for _matrix in APP_MATRICES.values():
    EXPECTED.update(_matrix.EXPECTED)
    POST_ONLY |= set(_matrix.POST_ONLY)


def test_every_url_of_ours_has_an_expectation():
    assert our_url_names() <= set(EXPECTED) | POST_ONLY


def test_logout_is_post_only(client, world):
    users, _ = world
    client.force_login(users[AGENT])
    assert client.get(reverse("core:logout")).status_code == 405
    assert client.post(reverse("core:logout")).status_code == 302
    assert client.get(reverse("knowledge:desk_scripts")).status_code == 302


@pytest.fixture
def world(db):
    partner_a = make_partner("Agentschap Opgroeien")
    partner_b = make_partner("Vlaamse Belastingdienst")
    users = {
        NO_ROLE: make_user(None),
        AGENT: make_user(Role.AGENT),
        LEAD: make_user(Role.TEAM_LEAD),
        PLANNER: make_user(Role.PLANNER),
        QUALITY: make_user(Role.QUALITY_MONITOR),
        EDITOR: make_user(Role.EDITOR),
        ADMIN: make_user(Role.ADMINISTRATOR),
        REVIEWER_A: make_user(Role.PARTNER_REVIEWER, partner=partner_a),
        REVIEWER_B: make_user(Role.PARTNER_REVIEWER, partner=partner_b),
    }
    script = make_script("groeipakket", partner=partner_a.name)
    data = {
        "script_a": script.script_id,
        "script_a_pk": script.pk,
        "script_a_parent": script.get_parent().pk,
        "publication": make_publication(partner_a).slug,
        "contact": make_contact(partner_a, timezone.now(), channel="email").pk,
    }
    for matrix in APP_MATRICES.values():
        data.update(matrix.world_data(partner_a, partner_b, users))
    return users, data


@pytest.mark.parametrize("name", sorted(EXPECTED) + sorted(ADMIN_EXPECTED))
def test_access_matrix(client, world, name):
    users, data = world
    build, allowed = {**EXPECTED, **ADMIN_EXPECTED}[name]
    url = build(data)
    outcomes = {}
    for role in ALL:
        client.logout()
        if role != ANON:
            client.force_login(users[role])
        response = client.get(url)
        outcomes[role] = response.status_code
        if role in allowed:
            assert response.status_code == 200, (role, url, response.status_code)
        elif role == ANON and name == "search:public_click":
            assert response.status_code == 404
        elif role == ANON:
            assert response.status_code == 302, (role, url)
            assert "login" in response["Location"] or "aanmelden" in response["Location"], (
                role,
                url,
            )
        else:
            location = response.get("Location", "")
            sent_away = response.status_code == 302 and (
                location in ("/admin/", "/werkplek/") or "/login/" in location
            )
            assert (
                response.status_code in (403, 404)
                or sent_away
                or (name in ("core:login", "core:workplace") and response.status_code == 302)
            ), (role, url, response.status_code)


def test_partner_b_never_sees_partner_a_scripts(client, world):
    users, data = world
    client.force_login(users[REVIEWER_B])
    listing = client.get(reverse("knowledge:partner_scripts")).content.decode()
    assert "groeipakket" not in listing
    assert (
        client.get(reverse("knowledge:partner_script", args=[data["script_a"]])).status_code == 404
    )


def test_workplace_sends_each_role_to_its_start_page(client, world):
    users, _ = world
    expected = {
        AGENT: "/kennisbank/",
        LEAD: "/kwaliteit/",
        PLANNER: "/planning/",
        QUALITY: "/kwaliteit/",
        EDITOR: "/admin/",
        ADMIN: "/admin/",
        REVIEWER_A: "/partner/scripts/",
    }
    for role, location in expected.items():
        client.force_login(users[role])
        assert client.get(reverse("core:workplace"))["Location"] == location
    client.force_login(users[NO_ROLE])
    assert client.get(reverse("core:workplace")).status_code == 403
