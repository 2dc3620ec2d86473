"""The quality app's part of the URL × role matrix (tests/test_url_access.py)."""

import datetime as dt

from django.urls import reverse

from infolijn.quality.calibration import create_calibration_session
from infolijn.quality.models import MysteryCampaign
from tests.factories import make_script
from tests.quality.factories import make_call, make_evaluation, make_form, make_recording

STAFF = {"team_lead", "quality", "admin"}

EXPECTED = {
    "quality:dashboard": (lambda d: reverse("quality:dashboard"), STAFF),
    "quality:partner_dashboard": (
        lambda d: reverse("quality:partner_dashboard"),
        {"reviewer_a", "reviewer_b"},
    ),
    "quality:evaluations": (lambda d: reverse("quality:evaluations"), STAFF),
    "quality:evaluate": (lambda d: reverse("quality:evaluate", args=[d["q_contact"]]), STAFF),
    "quality:evaluation": (
        lambda d: reverse("quality:evaluation", args=[d["q_evaluation"]]),
        STAFF | {"agent"},
    ),
    "quality:my_evaluations": (lambda d: reverse("quality:my_evaluations"), {"agent"}),
    "quality:recording": (
        lambda d: reverse("quality:recording", args=[d["q_recording"]]),
        STAFF | {"agent"},
    ),
    "quality:calibrations": (lambda d: reverse("quality:calibrations"), STAFF),
    "quality:calibration": (
        lambda d: reverse("quality:calibration", args=[d["q_session"]]),
        STAFF,
    ),
    "quality:calibration_score": (
        lambda d: reverse("quality:calibration_score", args=[d["q_session"]]),
        {"quality", "team_lead"},
    ),
    "quality:campaigns": (lambda d: reverse("quality:campaigns"), {"quality", "admin"}),
    "quality:campaign": (
        lambda d: reverse("quality:campaign", args=[d["q_campaign"]]),
        {"quality", "admin"},
    ),
    "quality:campaign_export": (
        lambda d: reverse("quality:campaign_export", args=[d["q_campaign"]]),
        {"quality", "admin"},
    ),
    "quality:review": (lambda d: reverse("quality:review"), {"editor", "admin", "quality"}),
    "quality:flag_script": (
        lambda d: reverse("quality:flag_script", args=[d["q_script"]]),
        {"agent", "team_lead", "quality"},
    ),
    "quality:reports": (
        lambda d: reverse("quality:reports"),
        STAFF | {"reviewer_a", "reviewer_b"},
    ),
    "quality:report": (
        lambda d: reverse("quality:report", args=[d["q_partner_a"], 2026, 3]),
        STAFF | {"reviewer_a"},
    ),
}

POST_ONLY = {
    "quality:draw_sample",
    "quality:upload_recording",
    "quality:acknowledge",
    "quality:dispute",
    "quality:resolve",
    "quality:scenario_add",
    "quality:campaign_plan",
    "quality:campaign_results",
    "quality:flag_resolve",
}


def world_data(partner_a, partner_b, users) -> dict:
    form = make_form()
    contact = make_call(partner_a, users["agent"])
    recording = make_recording(contact, users["quality"])
    evaluation = make_evaluation(contact, form, users["quality"])
    evaluation.recording = recording
    evaluation.save(update_fields=["recording"])
    session = create_calibration_session(
        title="Kalibratie maart",
        contact=contact,
        form=form,
        evaluators=[users["quality"], users["team_lead"]],
        actor=users["quality"],
    )
    campaign = MysteryCampaign.objects.create(
        name="Mystery 2026",
        year=2026,
        starts_on=dt.date(2026, 4, 1),
        ends_on=dt.date(2026, 5, 31),
        seed=7,
    )
    script = make_script("quality-kinderbijslag", partner=partner_a.name)
    return {
        "q_contact": make_call(partner_a, users["agent"]).pk,
        "q_evaluation": evaluation.pk,
        "q_recording": recording.pk,
        "q_session": session.pk,
        "q_campaign": campaign.pk,
        "q_script": script.script_id,
        "q_partner_a": partner_a.code,
    }
