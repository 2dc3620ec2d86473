from django.urls import path

from infolijn.knowledge import views

app_name = "knowledge"

urlpatterns = [
    path("kennisbank/", views.desk_scripts, name="desk_scripts"),
    path("kennisbank/<slug:script_id>/", views.desk_script, name="desk_script"),
    path("kennisbank/<slug:script_id>/intrekken/", views.withdraw, name="withdraw"),
    path("partner/scripts/", views.partner_scripts, name="partner_scripts"),
    path("partner/scripts/<slug:script_id>/", views.partner_script, name="partner_script"),
]
