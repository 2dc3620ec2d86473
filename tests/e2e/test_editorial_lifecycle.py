"""The editorial lifecycle in a real browser: editor submits, second editor and partner approve."""

import pytest

from infolijn.knowledge.models import ScriptPage
from infolijn.knowledge.review_status import review_status_of
from infolijn.partners.roles import Role
from tests.factories import make_partner, make_script, make_user

PASSWORD = "pw-for-tests-only"


def login(page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/aanmelden/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_load_state()


def approve_from_dashboard(page) -> None:
    page.get_by_role("button", name="Acties").first.click()
    page.get_by_role("button", name="Goedkeuren", exact=True).click()
    page.wait_for_load_state("networkidle")


@pytest.mark.django_db(transaction=True)
def test_script_goes_from_draft_to_the_public_site(live_server, new_page, tmp_path):
    partner = make_partner("Agentschap Opgroeien")
    editor = make_user(Role.EDITOR, username="an")
    make_user(Role.EDITOR, username="bram")
    make_user(Role.PARTNER_REVIEWER, username="sofie", partner=partner)
    make_user(
        Role.PARTNER_REVIEWER, username="koen", partner=make_partner("Vlaamse Belastingdienst")
    )
    script = make_script(
        "startbedrag", publish=False, actor=editor, partner=partner.name, title="Startbedrag"
    )
    base = live_server.url

    # The editor submits the draft for review from the page editor.
    page = new_page()
    login(page, base, "an")
    assert page.url.endswith("/admin/")
    page.goto(f"{base}/admin/pages/{script.pk}/edit/")
    page.locator("footer .dropdown-toggle, footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name='action-submit']").click()
    page.wait_for_load_state()
    page.screenshot(path=str(tmp_path / "1-submitted.png"))
    assert review_status_of(ScriptPage.objects.get(pk=script.pk)).code == "editorial_review"

    # The author cannot approve their own script: nothing to review on their dashboard.
    page.goto(f"{base}/admin/")
    assert page.locator("button[data-workflow-action-url*='/approve/']").count() == 0

    # A second editor approves it from the dashboard.
    page = new_page()
    login(page, base, "bram")
    approve_from_dashboard(page)
    assert review_status_of(ScriptPage.objects.get(pk=script.pk)).code == "partner_approval"

    # Another partner's reviewer sees nothing to approve.
    page = new_page()
    login(page, base, "koen")
    page.goto(f"{base}/admin/")
    assert page.locator("button[data-workflow-action-url*='/approve/']").count() == 0

    # The owning partner's reviewer approves; the script is published.
    page = new_page()
    login(page, base, "sofie")
    page.goto(f"{base}/admin/")
    page.screenshot(path=str(tmp_path / "2-partner-dashboard.png"))
    approve_from_dashboard(page)
    assert ScriptPage.objects.get(pk=script.pk).live

    # A citizen reads it on the public site, without JavaScript.
    citizen = new_page()
    citizen.context.set_extra_http_headers({})
    citizen.goto(f"{base}/info/startbedrag/")
    assert citizen.locator("h1").inner_text() == "Startbedrag"
    citizen.screenshot(path=str(tmp_path / "3-public.png"), full_page=True)
