from django.urls import path

from infolijn.planning import event_views, plan_views, views

app_name = "planning"

urlpatterns = [
    path("planning/", views.overview, name="overview"),
    path("planning/prognoses/nieuw/", views.forecast_create, name="forecast_create"),
    path("planning/prognoses/<int:snapshot_id>/", views.snapshot_detail, name="snapshot_detail"),
    path(
        "planning/prognoses/<int:snapshot_id>/publiceren/",
        views.snapshot_publish,
        name="snapshot_publish",
    ),
    path(
        "planning/prognoses/<int:snapshot_id>/nauwkeurigheid/",
        views.snapshot_accuracy,
        name="snapshot_accuracy",
    ),
    path("planning/gebeurtenissen/", event_views.event_list, name="event_list"),
    path("planning/gebeurtenissen/nieuw/", event_views.event_create, name="event_create"),
    path(
        "planning/gebeurtenissen/<int:event_id>/bewerken/",
        event_views.event_edit,
        name="event_edit",
    ),
    path(
        "planning/gebeurtenissen/<int:event_id>/verwijderen/",
        event_views.event_delete,
        name="event_delete",
    ),
    path("planning/personeelsplannen/nieuw/", plan_views.plan_create, name="plan_create"),
    path("planning/personeelsplannen/<int:plan_id>/", plan_views.plan_detail, name="plan_detail"),
    path(
        "planning/personeelsplannen/<int:plan_id>/wat-als/",
        plan_views.plan_whatif,
        name="plan_whatif",
    ),
    path(
        "planning/personeelsplannen/<int:plan_id>/opleidingen/",
        plan_views.plan_training,
        name="plan_training",
    ),
    path(
        "planning/personeelsplannen/<int:plan_id>/export.csv",
        plan_views.plan_export_csv,
        name="plan_export_csv",
    ),
    path(
        "planning/personeelsplannen/<int:plan_id>/export.xlsx",
        plan_views.plan_export_xlsx,
        name="plan_export_xlsx",
    ),
    path("partner/prognoses/", views.partner_forecasts, name="partner_forecasts"),
    path("partner/prognoses/<int:snapshot_id>/", views.partner_forecast, name="partner_forecast"),
]
