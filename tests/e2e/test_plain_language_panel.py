"""The plain-language panel in the real editor: updates while typing, selects and replaces."""

import pytest

from infolijn.partners.roles import Role
from tests.e2e.test_editorial_lifecycle import login
from tests.factories import make_partner, make_script, make_user


@pytest.mark.django_db(transaction=True)
def test_panel_flags_officialese_and_applies_a_suggestion(live_server, new_page, tmp_path):
    partner = make_partner("Agentschap Opgroeien")
    editor = make_user(Role.EDITOR, username="an")
    script = make_script("paneel", publish=False, actor=editor, partner=partner.name)
    page = new_page()
    login(page, live_server.url, "an")
    page.goto(f"{live_server.url}/admin/pages/{script.pk}/edit/")
    panel = page.locator("[data-plain-language]")
    panel.locator(".pl-summary", has_text="Niveau").wait_for()

    body = page.locator("#id_body")
    body.fill("## Aanvragen\n\nJe vraagt de premie aan teneinde je geld te krijgen.\n")
    finding = panel.locator(".pl-finding", has_text="teneinde")
    finding.wait_for()
    body.scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "panel.png"))
    finding.locator(".pl-apply").first.click()
    assert "teneinde" not in body.input_value()
    panel.locator(".pl-finding", has_text="teneinde").wait_for(state="detached")
