from django.urls import path

from infolijn.contacts import desk_views, views

app_name = "contacts"

urlpatterns = [
    path("kennisbank/<slug:script_id>/gesprek/", views.register_call, name="register_call"),
    path("kennisbank/<slug:script_id>/koppelen/", views.link_to_current, name="link_to_current"),
    path("balie/", desk_views.queue, name="queue"),
    path("balie/contact/<int:contact_id>/", desk_views.contact_detail, name="contact"),
    path("balie/contact/<int:contact_id>/nemen/", desk_views.take, name="take"),
    path("balie/contact/<int:contact_id>/vrijgeven/", desk_views.release, name="release"),
    path("balie/contact/<int:contact_id>/antwoord/", desk_views.reply, name="reply"),
    path("balie/contact/<int:contact_id>/doorsturen/", desk_views.forward, name="forward"),
    path("balie/nazien/", desk_views.attention, name="attention"),
    path("balie/terugbellen/", desk_views.callback_list, name="callbacks"),
    path("balie/contact/<int:contact_id>/teruggebeld/", desk_views.called_back, name="called_back"),
    path("balie/nazien/<int:message_id>/toewijzen/", desk_views.route, name="route"),
    path("balie/nazien/<int:message_id>/negeren/", desk_views.dismiss, name="dismiss"),
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
