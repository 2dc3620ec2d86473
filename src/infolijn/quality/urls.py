from django.urls import path

from infolijn.quality.views import calibration, dashboard, evaluations, mystery, reports, review

app_name = "quality"

urlpatterns = [
    path("kwaliteit/", dashboard.dashboard, name="dashboard"),
    path("partner/kwaliteit/", dashboard.partner_dashboard, name="partner_dashboard"),
    path("kwaliteit/beluisteringen/", evaluations.evaluations, name="evaluations"),
    path("kwaliteit/beluisteringen/steekproef/", evaluations.draw_sample, name="draw_sample"),
    path(
        "kwaliteit/beluisteringen/gesprek/<int:contact_id>/",
        evaluations.evaluate,
        name="evaluate",
    ),
    path(
        "kwaliteit/beluisteringen/gesprek/<int:contact_id>/opname/",
        evaluations.upload_recording,
        name="upload_recording",
    ),
    path(
        "kwaliteit/beluisteringen/<int:evaluation_id>/",
        evaluations.evaluation,
        name="evaluation",
    ),
    path(
        "kwaliteit/beluisteringen/<int:evaluation_id>/akkoord/",
        evaluations.acknowledge,
        name="acknowledge",
    ),
    path(
        "kwaliteit/beluisteringen/<int:evaluation_id>/betwisten/",
        evaluations.dispute,
        name="dispute",
    ),
    path(
        "kwaliteit/beluisteringen/<int:evaluation_id>/beslissen/",
        evaluations.resolve,
        name="resolve",
    ),
    path("kwaliteit/mijn-beluisteringen/", evaluations.my_evaluations, name="my_evaluations"),
    path("kwaliteit/opnames/<int:recording_id>/", evaluations.recording, name="recording"),
    path("kwaliteit/kalibratie/", calibration.calibrations, name="calibrations"),
    path("kwaliteit/kalibratie/<int:session_id>/", calibration.calibration, name="calibration"),
    path(
        "kwaliteit/kalibratie/<int:session_id>/scoren/",
        calibration.calibration_score,
        name="calibration_score",
    ),
    path("kwaliteit/mystery-calls/", mystery.campaigns, name="campaigns"),
    path("kwaliteit/mystery-calls/scenario/", mystery.scenario_add, name="scenario_add"),
    path("kwaliteit/mystery-calls/<int:campaign_id>/", mystery.campaign, name="campaign"),
    path(
        "kwaliteit/mystery-calls/<int:campaign_id>/plan/",
        mystery.campaign_plan,
        name="campaign_plan",
    ),
    path(
        "kwaliteit/mystery-calls/<int:campaign_id>/plan.csv",
        mystery.campaign_export,
        name="campaign_export",
    ),
    path(
        "kwaliteit/mystery-calls/<int:campaign_id>/resultaten/",
        mystery.campaign_results,
        name="campaign_results",
    ),
    path("kwaliteit/redactie/", review.review, name="review"),
    path(
        "kwaliteit/redactie/meldingen/<int:flag_id>/afgehandeld/",
        review.flag_resolve,
        name="flag_resolve",
    ),
    path("kwaliteit/scripts/<slug:script_id>/melden/", review.flag, name="flag_script"),
    path("kwaliteit/rapporten/", reports.reports, name="reports"),
    path(
        "kwaliteit/rapporten/<slug:code>/<int:year>/<int:month>/",
        reports.report,
        name="report",
    ),
]
