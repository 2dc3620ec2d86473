"""Planning screens: planners work, team leads read, partner reviewers see their own only."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from infolijn.planning.models import ForecastSnapshot, PartnerEvent, StaffingPlan
from tests.planning.factories import (
    make_event,
    make_history,
    make_open_agreement,
    make_plan,
    make_snapshot,
)

START = dt.date(2026, 3, 2)


@pytest.fixture
def with_history(partner_a):
    make_open_agreement(partner_a)
    make_history(partner_a, first=dt.date(2026, 1, 5), last=START - dt.timedelta(days=1))
    return partner_a


def forecast_post(partner, **overrides):
    data = {
        "partner": partner.pk,
        "channel": "phone",
        "start": START.isoformat(),
        "horizon_days": "3",
        "freq": "30min",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_planner_makes_publishes_and_plans_a_forecast(client, planner, with_history):
    client.force_login(planner)
    response = client.post(reverse("planning:forecast_create"), forecast_post(with_history))
    snapshot = ForecastSnapshot.objects.get()
    assert response["Location"] == reverse("planning:snapshot_detail", args=[snapshot.pk])
    page = client.get(response["Location"]).content.decode()
    assert "<svg" in page and "<caption>Contacten per dag" in page
    assert "Publiceer deze prognose" in page

    publish = reverse("planning:snapshot_publish", args=[snapshot.pk])
    assert client.get(publish).status_code == 405
    client.post(publish)
    snapshot.refresh_from_db()
    assert snapshot.published
    assert "Publiceer deze prognose" not in client.get(response["Location"]).content.decode()

    response = client.post(
        reverse("planning:plan_create"),
        {
            "snapshot": snapshot.pk,
            "aht_seconds": "300",
            "target_percent": "80",
            "threshold_seconds": "20",
            "shrinkage_percent": "30",
            "email_handle_seconds": "600",
            "cost_per_agent_hour": "40",
        },
    )
    plan = StaffingPlan.objects.get()
    assert response["Location"] == reverse("planning:plan_detail", args=[plan.pk])
    page = client.get(response["Location"] + "?dag=2026-03-02").content.decode()
    assert "Voorlichters per half uur op 02-03-2026" in page
    assert "<svg" in page


@pytest.mark.django_db
def test_forecast_form_errors_are_dutch_and_store_nothing(client, planner, with_history):
    client.force_login(planner)
    response = client.post(
        reverse("planning:forecast_create"),
        forecast_post(with_history, start="2026-13-45", horizon_days="0", channel="fax"),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Geef een geldige datum, bv. 2026-03-02." in page
    assert "‘Aantal dagen’ moet minstens 1 zijn." in page
    assert "Kies een kanaal uit de lijst." in page
    assert not ForecastSnapshot.objects.exists()


@pytest.mark.django_db
def test_forecast_without_history_says_so_on_the_form(client, planner, partner_b):
    client.force_login(planner)
    response = client.post(reverse("planning:forecast_create"), forecast_post(partner_b))
    assert response.status_code == 400
    assert "zonder historiek" in response.content.decode()
    assert not ForecastSnapshot.objects.exists()


@pytest.mark.django_db
def test_team_lead_reads_but_cannot_plan(client, team_lead, partner_a):
    snapshot = make_snapshot(partner_a, published=False)
    client.force_login(team_lead)
    page = client.get(reverse("planning:snapshot_detail", args=[snapshot.pk])).content.decode()
    assert "Publiceer deze prognose" not in page
    assert client.post(reverse("planning:snapshot_publish", args=[snapshot.pk])).status_code == 403
    snapshot.refresh_from_db()
    assert not snapshot.published


@pytest.mark.django_db
def test_whatif_shows_both_scenarios_and_stores_nothing(client, team_lead, partner_a):
    make_open_agreement(partner_a)
    plan = make_plan(make_snapshot(partner_a))
    client.force_login(team_lead)
    url = reverse("planning:plan_whatif", args=[plan.pk])
    response = client.get(
        url, {"volume_percent": "150", "aht_seconds": "300", "target_percent": "90"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Het plan en het scenario naast elkaar" in page
    assert StaffingPlan.objects.count() == 1
    bad = client.get(url, {"volume_percent": "5000", "aht_seconds": "x", "target_percent": "90"})
    assert bad.status_code == 400
    assert "‘Volume t.o.v. de prognose (%)’ mag hoogstens 500 zijn." in bad.content.decode()
    assert "Geef een geheel getal voor ‘gemiddelde gespreksduur (seconden)’." in (
        bad.content.decode()
    )


@pytest.mark.django_db
def test_training_screen_ranks_options(client, team_lead, partner_a):
    plan = make_plan(make_snapshot(partner_a))
    plan.rows.filter(minute__in=[600, 630]).update(scheduled=8)
    client.force_login(team_lead)
    page = client.get(
        reverse("planning:plan_training", args=[plan.pk]),
        {"session_minutes": "60", "trainees": "2", "capacity": "2"},
    ).content.decode()
    assert "De 10 beste beginmomenten" in page
    assert "10:00" in page


@pytest.mark.django_db
def test_exports_download(client, team_lead, partner_a):
    plan = make_plan(make_snapshot(partner_a))
    client.force_login(team_lead)
    csv_response = client.get(reverse("planning:plan_export_csv", args=[plan.pk]))
    assert csv_response["Content-Type"].startswith("text/csv")
    xlsx = client.get(reverse("planning:plan_export_xlsx", args=[plan.pk]))
    assert xlsx.content[:2] == b"PK"


@pytest.mark.django_db
def test_reviewer_event_is_always_for_their_own_partner(client, reviewer_a, partner_b):
    client.force_login(reviewer_a)
    response = client.post(
        reverse("planning:event_create"),
        {
            "partner": partner_b.pk,
            "kind": "mailing",
            "name": "<script>alert(1)</script>Brief",
            "day": "2026-03-09",
            "expected_extra": "500",
            "channel": "phone",
        },
    )
    assert response.status_code == 302
    event = PartnerEvent.objects.get()
    assert event.partner == reviewer_a.partner_membership.partner
    assert event.created_by == reviewer_a
    page = client.get(reverse("planning:event_list")).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;Brief" in page
    assert "<script>alert(1)" not in page


@pytest.mark.django_db
def test_event_form_errors_are_dutch(client, planner):
    client.force_login(planner)
    response = client.post(
        reverse("planning:event_create"),
        {"kind": "flyer", "name": "", "day": "31-02", "expected_extra": "0", "channel": "phone"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    for message in (
        "Kies de partner.",
        "Kies een soort uit de lijst.",
        "Geef de gebeurtenis een naam.",
        "Geef een geldige datum, bv. 2026-03-02.",
        "Verwacht minstens 1 extra contact.",
    ):
        assert message in page
    assert not PartnerEvent.objects.exists()


@pytest.mark.django_db
def test_reviewer_b_cannot_see_or_touch_partner_a(client, partner_a, reviewer_b):
    event_a = make_event(partner_a, name="Geheime mailing A")
    snapshot_a = make_snapshot(partner_a)
    client.force_login(reviewer_b)
    assert "Geheime mailing A" not in client.get(reverse("planning:event_list")).content.decode()
    for name, key in (
        ("planning:event_edit", event_a.pk),
        ("planning:partner_forecast", snapshot_a.pk),
    ):
        assert client.get(reverse(name, args=[key])).status_code == 404
    assert client.post(reverse("planning:event_delete", args=[event_a.pk])).status_code == 404
    assert (
        client.post(
            reverse("planning:event_edit", args=[event_a.pk]), {"name": "gekaapt"}
        ).status_code
        == 404
    )
    event_a.refresh_from_db()
    assert event_a.name == "Geheime mailing A"
    listing = client.get(reverse("planning:partner_forecasts")).content.decode()
    assert f"#{snapshot_a.pk}" not in listing


@pytest.mark.django_db
def test_reviewer_sees_only_published_forecasts_of_their_partner(client, partner_a, reviewer_a):
    published = make_snapshot(partner_a)
    draft = make_snapshot(partner_a, published=False)
    line = make_snapshot(None)
    client.force_login(reviewer_a)
    listing = client.get(reverse("planning:partner_forecasts")).content.decode()
    assert reverse("planning:partner_forecast", args=[published.pk]) in listing
    for hidden in (draft, line):
        assert client.get(reverse("planning:partner_forecast", args=[hidden.pk])).status_code == 404
    page = client.get(reverse("planning:partner_forecast", args=[published.pk])).content.decode()
    assert "Hoe goed was de prognose?" in page


@pytest.mark.django_db
def test_reviewer_edits_and_deletes_own_event(client, partner_a, reviewer_a):
    event = make_event(partner_a)
    client.force_login(reviewer_a)
    response = client.post(
        reverse("planning:event_edit", args=[event.pk]),
        {
            "kind": "deadline",
            "name": "Nieuwe naam",
            "day": "2026-03-20",
            "expected_extra": "250",
            "channel": "email",
        },
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.kind, event.name, event.expected_extra, event.partner) == (
        "deadline",
        "Nieuwe naam",
        250,
        partner_a,
    )
    client.post(reverse("planning:event_delete", args=[event.pk]))
    assert not PartnerEvent.objects.exists()


@pytest.mark.django_db
def test_overview_query_count_does_not_grow_with_rows(
    client, planner, partner_a, partner_b, django_assert_max_num_queries
):
    for partner in (partner_a, partner_b, None):
        make_plan(make_snapshot(partner))
        if partner is not None:
            make_event(partner, day=timezone.localdate())
    client.force_login(planner)
    client.get(reverse("planning:overview"))
    with django_assert_max_num_queries(8):
        page = client.get(reverse("planning:overview")).content.decode()
    assert page.count("Plan #") == 3
