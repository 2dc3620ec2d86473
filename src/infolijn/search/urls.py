from django.urls import path

from infolijn.search import views

app_name = "search"

urlpatterns = [
    path("zoeken/", views.public_search, name="public"),
    path("zoeken/ga/<int:log_id>/<slug:script_id>/", views.public_click, name="public_click"),
]
