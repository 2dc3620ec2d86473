from django.urls import path

from infolijn.contacts import views

app_name = "contacts"

urlpatterns = [
    path("kennisbank/<slug:script_id>/gesprek/", views.register_call, name="register_call"),
    path("kennisbank/<slug:script_id>/koppelen/", views.link_to_current, name="link_to_current"),
    path("balie/bestellingen/", views.publication_orders, name="publication_orders"),
    path(
        "balie/bestellingen/verstuurd/",
        views.publication_orders_sent,
        name="publication_orders_sent",
    ),
    path(
        "balie/bestellingen/<int:order_id>/annuleren/",
        views.publication_order_cancel,
        name="publication_order_cancel",
    ),
]
