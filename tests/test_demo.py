import pytest
from django.contrib.auth import get_user_model

from infolijn.demo.loader import DEMO_PASSWORD, load_demo
from infolijn.knowledge.models import ScriptPage, ThemePage
from infolijn.knowledge.review_status import review_status_of
from infolijn.partners.models import Agreement, Partner
from infolijn.partners.roles import Role, roles_of


@pytest.mark.django_db
def test_demo_is_a_living_system_and_loads_once(client):
    assert load_demo() is True
    assert load_demo() is False

    assert Partner.objects.count() >= 6
    assert Agreement.objects.count() == Partner.objects.count()
    assert ScriptPage.objects.count() >= 40
    assert ThemePage.objects.live().count() >= 10
    users = get_user_model().objects.all()
    assert {role for user in users for role in roles_of(user)} == set(Role)

    statuses = {review_status_of(s).code for s in ScriptPage.objects.all()}
    assert {
        "live",
        "editorial_review",
        "partner_approval",
        "needs_changes",
        "scheduled",
    } <= statuses
    assert ScriptPage.objects.filter(visibility="agents_only").exists()
    assert ScriptPage.objects.exclude(agent_notes="").count() >= 25

    assert client.login(username="voorlichter", password=DEMO_PASSWORD)
    assert client.get("/kennisbank/").status_code == 200
    assert client.get("/").status_code == 200
