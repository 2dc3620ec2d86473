from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from infolijn.partners.roles import Role, roles_of

# Where each role starts its day, in order of precedence.
START_PAGES: list[tuple[Role, str]] = [
    (Role.ADMINISTRATOR, "wagtailadmin_home"),
    (Role.EDITOR, "wagtailadmin_home"),
    (Role.PARTNER_REVIEWER, "knowledge:partner_scripts"),
    (Role.TEAM_LEAD, "quality:dashboard"),
    (Role.AGENT, "knowledge:desk_scripts"),
    (Role.QUALITY_MONITOR, "quality:dashboard"),
    (Role.PLANNER, "planning:overview"),
]


class LoginView(auth_views.LoginView):
    template_name = "core/login.html"
    redirect_authenticated_user = True


@login_required
def workplace(request: HttpRequest) -> HttpResponse:
    """Send a signed-in user to the start page of their role."""
    user_roles = roles_of(request.user)
    for role, url_name in START_PAGES:
        if role in user_roles:
            return redirect(reverse(url_name))
    return render(request, "core/no_role.html", status=403)
