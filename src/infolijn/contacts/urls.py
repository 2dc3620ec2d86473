from django.urls import path

from infolijn.contacts import views

app_name = "contacts"

urlpatterns = [
    path("kennisbank/<slug:script_id>/gesprek/", views.register_call, name="register_call"),
    path("kennisbank/<slug:script_id>/koppelen/", views.link_to_current, name="link_to_current"),
]
