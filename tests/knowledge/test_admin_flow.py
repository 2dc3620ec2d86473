"""The same lifecycle through the editors' back office (Wagtail admin), as people use it."""

import pytest
from django.urls import reverse

from infolijn.knowledge.actions import act_on_review, submit_for_review
from infolijn.knowledge.models import KnowledgeBasePage, ScriptPage
from infolijn.knowledge.review_status import review_status_of
from infolijn.partners.roles import Role
from tests.factories import admin_script_form, make_script, make_user


def action_url(script: ScriptPage, action: str) -> str:
    script = ScriptPage.objects.get(pk=script.pk)
    return reverse(
        "wagtailadmin_pages:workflow_action",
        args=[script.pk, action, script.current_workflow_task_state.pk],
    )


@pytest.fixture
def awaiting_partner(editor, second_editor, partner_a):
    script = make_script("in-review", publish=False, actor=editor, partner=partner_a.name)
    submit_for_review(script=script, actor=editor)
    act_on_review(script=script, actor=second_editor, action="approve")
    return script


def test_editor_creates_a_script_in_the_admin(client, editor, partner_a):
    from infolijn.knowledge.actions import ensure_theme

    theme = ensure_theme(name="Gezin en kinderen", actor=None)
    client.force_login(editor)
    parent = KnowledgeBasePage.objects.get()
    url = reverse("wagtailadmin_pages:add", args=["knowledge", "scriptpage", parent.pk])
    assert client.get(url).status_code == 200
    data = admin_script_form(
        script_id="kinderopvangtoeslag",
        partner=partner_a,
        theme=theme,
        body="## Wie heeft recht?\r\n\r\nOuders van jonge kinderen.\r\n",
        title="Kinderopvangtoeslag",
        summary="Je krijgt een toeslag als je kind naar de opvang gaat.",
        keywords="kinderopvang, crèche, kinderopvang",
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    script = ScriptPage.objects.get(script_id="kinderopvangtoeslag")
    assert script.keywords == ["kinderopvang", "crèche"]
    assert script.body == "## Wie heeft recht?\n\nOuders van jonge kinderen.\n"
    assert not script.live
    assert review_status_of(script).code == "editorial_review"


def test_editor_has_no_publish_button(client, editor, partner_a):
    script = make_script("knop", publish=False, actor=editor, partner=partner_a.name)
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[script.pk])).content.decode()
    assert "action-publish" not in html
    assert "action-submit" in html


def test_partner_reviewer_approves_from_the_admin(client, awaiting_partner, reviewer_a):
    client.force_login(reviewer_a)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert awaiting_partner.title in dashboard
    response = client.post(action_url(awaiting_partner, "approve"), {"comment": ""})
    assert response.status_code == 302
    assert ScriptPage.objects.get(pk=awaiting_partner.pk).live


def test_other_partner_gets_403_and_nothing_changes(client, awaiting_partner, reviewer_b):
    client.force_login(reviewer_b)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert awaiting_partner.title not in dashboard
    response = client.post(action_url(awaiting_partner, "approve"), {"comment": ""})
    assert response.status_code in (302, 403)  # Wagtail turns a refusal into a redirect + message
    assert response.get("Location", "/admin/") == "/admin/"
    assert not ScriptPage.objects.get(pk=awaiting_partner.pk).live
    assert (
        review_status_of(ScriptPage.objects.get(pk=awaiting_partner.pk)).code == "partner_approval"
    )


def test_partner_reviewer_cannot_open_the_page_editor(client, awaiting_partner, reviewer_a):
    client.force_login(reviewer_a)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[awaiting_partner.pk]))
    assert response.status_code in (302, 403)
    assert reverse("wagtailadmin_pages:edit", args=[awaiting_partner.pk]) not in response.get(
        "Location", ""
    )


def test_rejection_without_comment_is_refused(client, awaiting_partner, reviewer_a):
    client.force_login(reviewer_a)
    client.post(action_url(awaiting_partner, "reject"), {"comment": ""})
    assert (
        review_status_of(ScriptPage.objects.get(pk=awaiting_partner.pk)).code == "partner_approval"
    )
    client.post(action_url(awaiting_partner, "reject"), {"comment": "Het bedrag klopt niet."})
    assert review_status_of(ScriptPage.objects.get(pk=awaiting_partner.pk)).code == "needs_changes"


def test_agent_has_no_admin(client, db):
    agent = make_user(Role.AGENT)
    client.force_login(agent)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"] or response["Location"] == "/"
