from django.urls import path

from infolijn.website import views

app_name = "website"

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots"),
    path("feedback/<slug:script_id>/", views.feedback, name="feedback"),
    path("contact/", views.contact_form, name="contact"),
    path("publicaties/", views.publications, name="publications"),
    path("publicaties/<slug:slug>/bestellen/", views.order_publication, name="order"),
]
