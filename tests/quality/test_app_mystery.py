"""Mystery calls: strata from volumes, the plan, its CSV, the results import and the report."""

import csv
import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from infolijn.calendar import BRUSSELS
from infolijn.quality.errors import QualityError
from infolijn.quality.models import MysteryCall, MysteryCampaign, MysteryScenario
from infolijn.quality.mystery import campaign_report, generate_plan
from tests.factories import make_script
from tests.quality.factories import make_call


@pytest.fixture
def campaign(client, monitor, partner_a, partner_b):
    start = dt.datetime(2025, 10, 6, 9, 30, tzinfo=BRUSSELS)  # a Monday
    for day in (0, 1, 2, 3, 4, 7, 8, 9, 10, 11):  # two working weeks
        for hour in (0, 3, 5):
            make_call(partner_a, received_at=start + dt.timedelta(days=day, hours=hour))
        make_call(partner_b, received_at=start + dt.timedelta(days=day, hours=1))
    make_script("groeipakket-start", partner=partner_a.name)
    make_script("belasting-aangifte", partner=partner_b.name)
    MysteryScenario.objects.create(
        partner=partner_a, code="gp-1", script_id="groeipakket-start", question="Hoeveel?"
    )
    MysteryScenario.objects.create(
        partner=partner_b, code="bel-1", script_id="belasting-aangifte", question="Wanneer?"
    )
    client.force_login(monitor)
    response = client.post(
        reverse("quality:campaigns"),
        {
            "campagne-name": "Mystery 2026",
            "campagne-year": "2026",
            "campagne-margin": "0,10",
            "campagne-confidence": "0.95",
            "campagne-method": "proportional",
            "campagne-minimum_per_stratum": "1",
            "campagne-starts_on": "2026-02-02",
            "campagne-ends_on": "2026-03-27",
        },
    )
    assert response.status_code == 302, response.content.decode()
    return MysteryCampaign.objects.get()


def test_plan_is_drawn_over_the_strata_and_exported(client, campaign):
    client.post(reverse("quality:campaign_plan", args=[campaign.pk]))
    campaign.refresh_from_db()
    calls = list(campaign.calls.all())
    assert campaign.sample_size == len(calls) == 29  # ±10 pp at 95 %, finite population N = 40
    assert all(c.planned_date and c.planned_date.isoweekday() == c.weekday for c in calls)
    assert all(s.allocated >= 1 for s in campaign.strata.all())
    export = client.get(reverse("quality:campaign_export", args=[campaign.pk]))
    rows = list(csv.DictReader(io.StringIO(export.content.decode())))
    assert {r["call_ref"] for r in rows} == {c.call_ref for c in calls}
    assert {r["script_id"] for r in rows} == {"groeipakket-start", "belasting-aangifte"}


def test_same_seed_gives_the_same_plan(client, campaign, monitor):
    generate_plan(campaign=campaign, actor=monitor)
    first = list(campaign.calls.values_list("call_ref", "partner_id", "planned_date", "time_block"))
    generate_plan(campaign=campaign, actor=monitor)
    again = list(campaign.calls.values_list("call_ref", "partner_id", "planned_date", "time_block"))
    assert first == again


def _results(calls, rows):
    lines = ["call_ref,called_at,answered,correct,waited_seconds,remarks"]
    lines += rows
    return SimpleUploadedFile("resultaten.csv", "\n".join(lines).encode())


def test_results_file_with_a_bad_row_changes_nothing(client, campaign, monitor):
    generate_plan(campaign=campaign, actor=monitor)
    refs = list(campaign.calls.values_list("call_ref", flat=True))
    upload = _results(
        refs,
        [
            f"{refs[0]},2026-02-03T10:15:00+01:00,yes,yes,12,",
            f"{refs[1]},gisteren,yes,yes,12,",
            "MC-9999,2026-02-03T10:15:00+01:00,yes,yes,12,",
        ],
    )
    response = client.post(
        reverse("quality:campaign_results", args=[campaign.pk]), {"file": upload}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Regel 3, kolom called_at" in page
    assert "Regel 4, kolom call_ref" in page
    assert not MysteryCall.objects.filter(called_at__isnull=False).exists()


def test_results_are_imported_and_reported_with_intervals(client, campaign, monitor):
    generate_plan(campaign=campaign, actor=monitor)
    calls = list(campaign.calls.select_related("partner"))
    rows = []
    for i, call in enumerate(calls):
        correct = "yes" if i % 4 else "no"
        rows.append(f"{call.call_ref},2026-02-03T10:15:00+01:00,yes,{correct},{10 + i},<b>ok</b>")
    response = client.post(
        reverse("quality:campaign_results", args=[campaign.pk]), {"file": _results(calls, rows)}
    )
    assert response.status_code == 302
    assert MysteryCall.objects.filter(called_at__isnull=False).count() == len(calls)
    report = campaign_report(campaign)
    assert report.done == len(calls)
    assert report.overall is not None
    assert report.overall.interval.low < report.overall.proportion < report.overall.interval.high
    page = client.get(reverse("quality:campaign", args=[campaign.pk])).content.decode()
    assert "Per partner (Wilson-interval)" in page
    # With results in, the plan can no longer be redrawn.
    with pytest.raises(QualityError):
        generate_plan(campaign=campaign, actor=monitor)


def test_campaign_form_rejects_reversed_dates(client, monitor):
    client.force_login(monitor)
    response = client.post(
        reverse("quality:campaigns"),
        {
            "campagne-name": "x",
            "campagne-year": "2026",
            "campagne-margin": "0,05",
            "campagne-confidence": "0.95",
            "campagne-method": "equal",
            "campagne-minimum_per_stratum": "0",
            "campagne-starts_on": "2026-03-01",
            "campagne-ends_on": "2026-02-01",
        },
    )
    assert response.status_code == 400
    assert "De laatste dag ligt voor de eerste dag." in response.content.decode()
    assert not MysteryCampaign.objects.exists()


def test_scenario_needs_a_script_of_its_partner(client, monitor, partner_a, partner_b):
    make_script("van-b", partner=partner_b.name)
    client.force_login(monitor)
    response = client.post(
        reverse("quality:scenario_add"),
        {
            "scenario-partner": partner_a.pk,
            "scenario-code": "x",
            "scenario-script_id": "van-b",
            "scenario-question": "?",
        },
        follow=True,
    )
    assert "Deze partner heeft geen script met dat id." in response.content.decode()
    assert not MysteryScenario.objects.exists()
