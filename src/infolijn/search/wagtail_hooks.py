from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from infolijn.core.access import role_required
from infolijn.core.menu import EditorsMenuItem
from infolijn.partners.roles import Role
from infolijn.search.models import SearchScope, Synonym
from infolijn.search.reports import weekly_reports


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "resubmit"
    menu_label = "Synoniemen"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["term", "replacement", "updated_at"]
    search_fields = ["term", "replacement"]


register_snippet(SynonymViewSet)


@role_required(Role.EDITOR, Role.ADMINISTRATOR)
def search_analytics(request: HttpRequest) -> HttpResponse:
    scope = SearchScope.AGENT if request.GET.get("kanaal") == "agent" else SearchScope.PUBLIC
    return render(
        request,
        "search/admin_analytics.html",
        {"reports": weekly_reports(scope=scope), "scope": scope, "scopes": SearchScope},
    )


@hooks.register("register_admin_urls")
def register_search_urls():
    return [path("zoekanalyse/", search_analytics, name="search_analytics")]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return EditorsMenuItem(
        "Zoekopdrachten", reverse("search_analytics"), icon_name="search", order=900
    )
