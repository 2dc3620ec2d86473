import pytest

from infolijn.partners.roles import Role
from tests.factories import make_partner, make_user


@pytest.fixture
def partner_a(db):
    return make_partner("Agentschap Opgroeien")


@pytest.fixture
def partner_b(db):
    return make_partner("Vlaamse Belastingdienst")


@pytest.fixture
def editor(db):
    return make_user(Role.EDITOR, username="an-redacteur")


@pytest.fixture
def second_editor(db):
    return make_user(Role.EDITOR, username="bram-redacteur")


@pytest.fixture
def reviewer_a(partner_a):
    return make_user(Role.PARTNER_REVIEWER, username="sofie-opgroeien", partner=partner_a)


@pytest.fixture
def reviewer_b(partner_b):
    return make_user(Role.PARTNER_REVIEWER, username="koen-belastingdienst", partner=partner_b)


@pytest.fixture
def agent(db):
    return make_user(Role.AGENT, username="yasmine-voorlichter")


@pytest.fixture
def other_agent(db):
    return make_user(Role.AGENT, username="tom-voorlichter")


@pytest.fixture
def team_lead(db):
    return make_user(Role.TEAM_LEAD, username="kris-teamleider")


@pytest.fixture
def planner(db):
    return make_user(Role.PLANNER, username="joke-planner")


@pytest.fixture
def monitor(db):
    return make_user(Role.QUALITY_MONITOR, username="ward-kwaliteit")


@pytest.fixture
def outsider(db):
    return make_user(None, username="zonder-rol")


@pytest.fixture(autouse=True)
def _own_data_dir(settings, tmp_path):
    """Each test gets its own data directory (search index), no index in memory, an empty cache."""
    from django.core.cache import cache

    from infolijn.search import service

    settings.DATA_DIR = tmp_path / "data"
    service.reset()
    cache.clear()
    yield
    service.reset()
