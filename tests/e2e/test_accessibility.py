"""axe-core (WCAG 2.1 A/AA rules) on every public page type and the agent desk: zero violations."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from infolijn.partners.roles import Role
from tests.e2e.test_editorial_lifecycle import login
from tests.factories import make_partner, make_publication, make_script, make_user

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def violations(page) -> list[str]:
    result = Axe().run(page, options=WCAG)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}×)" for v in result.response["violations"]]


@pytest.mark.django_db(transaction=True)
def test_public_pages_and_desk_have_no_axe_violations(live_server, new_page):
    partner = make_partner("Agentschap Opgroeien")
    make_user(Role.AGENT, username="yasmine")
    make_script("startbedrag", partner=partner.name, title="Startbedrag van het Groeipakket")
    make_publication(partner, slug="groeipakket", title="Het Groeipakket in een notendop")
    make_publication(partner, slug="uitverkocht", title="Kinderopvang", stock=0)
    base = live_server.url
    page = new_page()
    pages = {
        "home": "/",
        "themes": "/themas/",
        "theme": "/themas/gezin-en-kinderen/",
        "script": "/info/startbedrag/",
        "search": "/zoeken/?q=startbedrg",
        "search without results": "/zoeken/?q=rijbewijs",
        "404": "/bestaat-niet/",
        "contact form": "/contact/",
        "publications": "/publicaties/",
        "order form": "/publicaties/groeipakket/bestellen/",
        "order form, sold out": "/publicaties/uitverkocht/bestellen/",
        "login": "/aanmelden/",
    }
    found = {}
    for name, path in pages.items():
        page.goto(base + path)
        found[name] = violations(page)
    for name, path, button in (
        ("order form with errors", "/publicaties/groeipakket/bestellen/", "Bestel"),
        ("contact form with errors", "/contact/", "Verstuur je vraag"),
    ):
        page.goto(base + path)
        page.get_by_role("button", name=button).click()
        assert page.locator(".error-summary").is_visible()
        found[name] = violations(page)
    login(page, base, "yasmine")
    page.goto(base + "/kennisbank/?q=startbedrag")
    found["desk"] = violations(page)
    assert found == {name: [] for name in found}
