"""Dashboard, partner dashboard, review tasks, flags and monthly partner reports."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from infolijn.quality.models import ScriptFlag
from infolijn.quality.rollup import rollup_range
from infolijn.search.models import SearchLog
from infolijn.website.models import PageFeedback
from tests.factories import make_agreement, make_contact, make_script
from tests.quality.factories import make_call


@pytest.fixture
def traffic(partner_a, partner_b):
    make_agreement(partner_a, service_level_target="0.900")
    now = timezone.now()
    today = timezone.localdate()
    make_call(partner_a, received_at=now - dt.timedelta(minutes=30), topic="groeipakket")
    make_call(partner_b, received_at=now - dt.timedelta(minutes=20), topic="belasting-b")
    make_contact(partner_a, now - dt.timedelta(days=6), channel="email")  # overdue by now
    last_week = now - dt.timedelta(days=7)
    for i in range(4):
        make_call(
            partner_a,
            received_at=last_week + dt.timedelta(minutes=i),
            answered_at=last_week + dt.timedelta(minutes=i, seconds=10 + 20 * i),
            topic="groeipakket",
        )
    rollup_range(today - dt.timedelta(days=60), today)
    return partner_a, partner_b


def test_dashboard_shows_today_and_the_trend_against_target(client, team_lead, traffic):
    client.force_login(team_lead)
    page = client.get(reverse("quality:dashboard")).content.decode()
    assert "Kwaliteit van de lijn" in page
    assert "Agentschap Opgroeien" in page and "Vlaamse Belastingdienst" in page
    assert "badge-overdue" in page  # the overdue e-mail, said in words too
    assert "1 te laat" in page
    assert "<svg" in page
    assert "90,0 %" in page  # the agreement's target
    assert "onder doel" in page  # last week's 50 % is below 90 %


def test_partner_dashboard_shows_only_the_own_partner(client, reviewer_b, traffic):
    client.force_login(reviewer_b)
    page = client.get(reverse("quality:partner_dashboard")).content.decode()
    assert "Vlaamse Belastingdienst" in page
    assert "Agentschap Opgroeien" not in page
    assert "belasting-b" in page
    assert "groeipakket" not in page


def test_agent_flags_a_script_and_the_editor_sees_it(client, agent, editor, partner_a):
    script = make_script("groeipakket", partner=partner_a.name)
    client.force_login(agent)
    url = reverse("quality:flag_script", args=[script.script_id])
    response = client.post(url, {"reason": "wrong", "comment": ""})
    assert response.status_code == 400
    assert not ScriptFlag.objects.exists()
    client.post(url, {"reason": "wrong", "comment": "Bedrag is <b>verouderd</b>."})
    flag = ScriptFlag.objects.get()
    assert (flag.script_id, flag.flagged_by) == ("groeipakket", agent)
    assert client.post(reverse("quality:flag_resolve", args=[flag.pk])).status_code == 403

    PageFeedback.objects.create(script_id="groeipakket", useful=False, comment="onduidelijk")
    SearchLog.objects.create(query="premie zonnepanelen", scope="public", results=0)
    make_call(partner_a, received_at=timezone.now() - dt.timedelta(hours=1), topic="groeipakket")
    client.force_login(editor)
    page = client.get(reverse("quality:review")).content.decode()
    assert "Bedrag is &lt;b&gt;verouderd&lt;/b&gt;." in page
    assert "premie zonnepanelen" in page
    assert "<td>Agentschap Opgroeien</td><td>1</td><td>1</td><td>1</td>" in page
    client.post(reverse("quality:flag_resolve", args=[flag.pk]))
    assert ScriptFlag.objects.unresolved().count() == 0


def test_monthly_report_html_and_pdf(client, reviewer_a, traffic):
    partner_a, _ = traffic
    today = timezone.localdate()
    url = reverse("quality:report", args=[partner_a.code, today.year, today.month])
    client.force_login(reviewer_a)
    page = client.get(url).content.decode()
    assert "Maandrapport Agentschap Opgroeien" in page
    assert "<svg" in page
    pdf = client.get(url + "?formaat=pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_reviewer_cannot_read_another_partners_report(client, reviewer_b, traffic):
    partner_a, _ = traffic
    client.force_login(reviewer_b)
    url = reverse("quality:report", args=[partner_a.code, 2026, 3])
    assert client.get(url).status_code == 404
    assert client.get(url + "?formaat=pdf").status_code == 404
    listing = client.get(reverse("quality:reports")).content.decode()
    assert partner_a.name not in listing


def test_report_rejects_an_impossible_month(client, team_lead, partner_a):
    client.force_login(team_lead)
    assert client.get(reverse("quality:report", args=[partner_a.code, 2026, 13])).status_code == 404
