from django.contrib.auth import views as auth_views
from django.urls import path

from infolijn.core import views

app_name = "core"

urlpatterns = [
    path("aanmelden/", views.LoginView.as_view(), name="login"),
    path("afmelden/", auth_views.LogoutView.as_view(), name="logout"),
    path("werkplek/", views.workplace, name="workplace"),
]
