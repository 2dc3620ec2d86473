from django.urls import path

from infolijn.intake import training_views, views

app_name = "intake"

urlpatterns = [
    path("intake/", views.dossier_list, name="list"),
    path("intake/nieuw/", views.dossier_create, name="create"),
    path("intake/<str:reference>/", views.dossier_detail, name="detail"),
    path("intake/<str:reference>/bewerken/", views.dossier_edit, name="edit"),
    path("intake/<str:reference>/indienen/", views.dossier_submit, name="submit"),
    path("intake/<str:reference>/meer-info/", views.dossier_more_info, name="more_info"),
    path("intake/<str:reference>/weigeren/", views.dossier_decline, name="decline"),
    path("intake/<str:reference>/aanvaarden/", views.dossier_accept, name="accept"),
    path("intake/<str:reference>/live/", views.dossier_go_live, name="go_live"),
    path("intake/<str:reference>/herziening/", views.dossier_revision, name="revision"),
    path("partner/dossiers/", views.partner_list, name="partner_list"),
    path("partner/dossiers/nieuw/", views.partner_create, name="partner_create"),
    path("partner/dossiers/<str:reference>/", views.partner_detail, name="partner_detail"),
    path("opleidingen/", training_views.training_list, name="training_list"),
    path(
        "opleidingen/plannen/<str:reference>/", training_views.training_plan, name="training_plan"
    ),
    path("opleidingen/<int:session_id>/", training_views.training_session, name="training_session"),
    path(
        "opleidingen/<int:session_id>/aanwezigheid/",
        training_views.training_attendance,
        name="training_attendance",
    ),
    path("wat-is-nieuw/", training_views.briefing, name="briefing"),
    path("wat-is-nieuw/gelezen/", training_views.briefing_confirm, name="briefing_confirm"),
    path("wat-is-nieuw/overzicht/", training_views.briefing_overview, name="briefing_overview"),
]
