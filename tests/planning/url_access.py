"""The planning part of the URL × role matrix (picked up by tests/test_url_access.py)."""

from django.urls import reverse

from tests.planning.factories import make_event, make_plan, make_snapshot

READERS = {"planner", "admin", "team_lead"}
PLANNERS = {"planner", "admin"}
REVIEWERS = {"reviewer_a", "reviewer_b"}


def world_data(partner_a, partner_b, users) -> dict:
    snapshot_a = make_snapshot(partner_a)
    make_snapshot(partner_b)
    return {
        "snapshot_a": snapshot_a.pk,
        "plan_a": make_plan(snapshot_a).pk,
        "event_a": make_event(partner_a).pk,
        "event_b": make_event(partner_b, name="Aangifte personenbelasting", kind="deadline").pk,
    }


def _url(name: str, key: str | None = None):
    return lambda d: reverse(f"planning:{name}", args=[d[key]] if key else [])


EXPECTED = {
    "planning:overview": (_url("overview"), READERS),
    "planning:forecast_create": (_url("forecast_create"), PLANNERS),
    "planning:snapshot_detail": (_url("snapshot_detail", "snapshot_a"), READERS),
    "planning:snapshot_accuracy": (_url("snapshot_accuracy", "snapshot_a"), READERS),
    "planning:event_list": (_url("event_list"), READERS | REVIEWERS),
    "planning:event_create": (_url("event_create"), PLANNERS | REVIEWERS),
    "planning:event_edit": (_url("event_edit", "event_a"), PLANNERS | {"reviewer_a"}),
    "planning:plan_create": (_url("plan_create"), PLANNERS),
    "planning:plan_detail": (_url("plan_detail", "plan_a"), READERS),
    "planning:plan_whatif": (_url("plan_whatif", "plan_a"), READERS),
    "planning:plan_training": (_url("plan_training", "plan_a"), READERS),
    "planning:plan_export_csv": (_url("plan_export_csv", "plan_a"), READERS),
    "planning:plan_export_xlsx": (_url("plan_export_xlsx", "plan_a"), READERS),
    "planning:partner_forecasts": (_url("partner_forecasts"), REVIEWERS),
    "planning:partner_forecast": (_url("partner_forecast", "snapshot_a"), {"reviewer_a"}),
}
POST_ONLY = {"planning:snapshot_publish", "planning:event_delete"}
