"""The key staff pages of every role in a real browser: each answers 200, axe-core (WCAG 2.1 A/AA)
finds nothing, there is exactly one h1 and a title, no text is invisible (a 1:1 contrast, which
axe only lists as "needs review") and every aria-describedby/aria-labelledby names an element
that exists.

The data comes from the demo modules on a small line (one partner, nine weeks of history, about
4 s to build): a live-server test runs in a flushed database, so each role's test builds it.
"""

import datetime as dt

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from infolijn.calendar import local_date
from infolijn.contacts.models import Contact
from infolijn.demo.history import load_history
from infolijn.demo.loader import add_weekday_agreement
from infolijn.demo.planning import load_planning
from infolijn.demo.quality import load_quality
from infolijn.partners.models import Partner
from infolijn.partners.roles import Role
from infolijn.planning.models import ForecastSnapshot, StaffingPlan
from infolijn.quality.models import Evaluation, EvaluationStatus, MysteryCampaign
from tests.e2e.test_editorial_lifecycle import login
from tests.factories import make_partner, make_script, make_user
from tests.intake.factories import make_submitted

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PARTNER = "Departement Omgeving"  # the smallest demo line: few rows, still every kind of data
HISTORY_WEEKS = 9  # enough for load_planning's forecasts and staffing plan
USERS = {
    "agent": Role.AGENT,
    "team_lead": Role.TEAM_LEAD,
    "planner": Role.PLANNER,
    "quality": Role.QUALITY_MONITOR,
    "editor": Role.EDITOR,
}
# Usernames load_quality gives work to (evaluations, calibration, mystery calls).
DEMO_NAMES = {
    "agent": "voorlichter",
    "team_lead": "teamleider",
    "planner": "planner",
    "quality": "kwaliteit",
    "editor": "redacteur",
}
ROLE_PAGES = {
    "agent": ["desk queue", "desk contact", "my evaluations", "own evaluation"],
    "team_lead": [
        "desk queue",
        "planning overview",
        "forecast",
        "staffing plan",
        "quality dashboard",
        "disputed evaluation",
        "partner report",
    ],
    "planner": ["planning overview", "forecast", "forecast accuracy", "staffing plan"],
    "quality": [
        "quality dashboard",
        "evaluations",
        "disputed evaluation",
        "mystery campaign",
        "reports",
        "partner report",
        "script review",
    ],
    "editor": ["script review"],
    "partner_reviewer": [
        "partner dossiers",
        "partner dossier",
        "partner forecasts",
        "partner forecast",
        "partner quality",
        "partner report",
        "partner scripts",
    ],
}

# What axe cannot decide on its own, measured in the page.
PAGE_FACTS = """() => {
  const missing = [];
  for (const el of document.querySelectorAll('[aria-describedby], [aria-labelledby]')) {
    for (const attr of ['aria-describedby', 'aria-labelledby']) {
      for (const id of (el.getAttribute(attr) || '').split(/\\s+/).filter(Boolean)) {
        if (!document.getElementById(id)) missing.push(`${attr}="${id}" on <${el.localName}>`);
      }
    }
  }
  return {h1: document.querySelectorAll('h1').length, title: document.title.trim(), missing};
}"""


def build_line() -> dict[str, str]:
    """A small demo line with a user per role; returns the paths of the pages under test."""
    now = timezone.now()
    partner = make_partner(PARTNER)
    add_weekday_agreement(partner, valid_from=dt.date(2020, 1, 1))
    for n in range(2):
        make_script(f"omgeving-{n}", partner=PARTNER, title=f"Omgevingsvergunning {n}")
    for key, role in USERS.items():
        make_user(role, username=DEMO_NAMES[key])
    make_user(Role.AGENT, username="voorlichter2")
    make_user(Role.QUALITY_MONITOR, username="kwaliteit2")
    reviewer = make_user(Role.PARTNER_REVIEWER, username="reviewer", partner=partner)
    load_history(now, weeks=HISTORY_WEEKS)
    load_planning(now)
    load_quality(now)
    dossier = make_submitted(partner, reviewer)
    return _paths(partner, local_date(now), dossier.reference)


def _paths(partner: Partner, today: dt.date, dossier: str) -> dict[str, str]:
    agent = get_user_model().objects.get(username=DEMO_NAMES["agent"])
    contact = Contact.objects.written().open().order_by("due_at").first()
    snapshot = ForecastSnapshot.objects.filter(partner=partner).order_by("-pk").first()
    old = ForecastSnapshot.objects.order_by("start").first()
    plan = StaffingPlan.objects.order_by("-pk").first()
    disputed = Evaluation.objects.filter(status=EvaluationStatus.DISPUTED).first()
    own = Evaluation.objects.visible_to_agent(agent).first()
    campaign = MysteryCampaign.objects.order_by("-pk").first()
    month = today.replace(day=1) - dt.timedelta(days=1)
    assert contact is not None and snapshot is not None and old is not None
    assert plan is not None and disputed is not None and own is not None
    assert campaign is not None
    return {
        "desk queue": reverse("contacts:queue"),
        "desk contact": reverse("contacts:contact", args=[contact.pk]),
        "planning overview": reverse("planning:overview"),
        "forecast": reverse("planning:snapshot_detail", args=[snapshot.pk]),
        "forecast accuracy": reverse("planning:snapshot_accuracy", args=[old.pk]),
        "staffing plan": reverse("planning:plan_detail", args=[plan.pk]),
        "quality dashboard": reverse("quality:dashboard"),
        "evaluations": reverse("quality:evaluations"),
        "disputed evaluation": reverse("quality:evaluation", args=[disputed.pk]),
        "mystery campaign": reverse("quality:campaign", args=[campaign.pk]),
        "reports": reverse("quality:reports"),
        "partner report": reverse("quality:report", args=[partner.code, month.year, month.month]),
        "script review": reverse("quality:review"),
        "my evaluations": reverse("quality:my_evaluations"),
        "own evaluation": reverse("quality:evaluation", args=[own.pk]),
        "partner dossiers": reverse("intake:partner_list"),
        "partner dossier": reverse("intake:partner_detail", args=[dossier]),
        "partner forecasts": reverse("planning:partner_forecasts"),
        "partner forecast": reverse("planning:partner_forecast", args=[snapshot.pk]),
        "partner quality": reverse("quality:partner_dashboard"),
        "partner scripts": reverse("knowledge:partner_scripts"),
    }


def problems(page, response) -> list[str]:
    """Everything wrong with the page that is loaded, in words."""
    status = response.status if response is not None else "no response"
    found = [] if status == 200 else [f"HTTP {status}"]
    result = Axe().run(page, options=WCAG).response
    for violation in result["violations"]:
        targets = [node["target"] for node in violation["nodes"]][:3]
        found.append(f"axe {violation['id']} ({violation['impact']}): {targets}")
    for check in result["incomplete"]:
        for node in check["nodes"]:
            data = next((c.get("data") for c in node["any"] if c.get("data")), None) or {}
            if check["id"] == "color-contrast" and data.get("contrastRatio") == 1:
                found.append(f"invisible text (contrast 1:1): {node['target']}")
    facts = page.evaluate(PAGE_FACTS)
    if facts["h1"] != 1:
        found.append(f"{facts['h1']} h1 elements")
    if not facts["title"]:
        found.append("no <title>")
    found += [f"dangling {reference}" for reference in facts["missing"]]
    return found


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("role", list(ROLE_PAGES))
def test_staff_pages_are_accessible(live_server, new_page, role):
    paths = build_line()
    username = "reviewer" if role == "partner_reviewer" else DEMO_NAMES[role]
    page = new_page()
    login(page, live_server.url, username)
    found = {}
    for name in ROLE_PAGES[role]:
        response = page.goto(live_server.url + paths[name])
        found[f"{name} {paths[name]}"] = problems(page, response)
    assert found == {name: [] for name in found}
