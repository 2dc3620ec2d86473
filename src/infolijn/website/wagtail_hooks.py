from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from infolijn.core.access import role_required
from infolijn.core.menu import EditorsMenuItem
from infolijn.knowledge.models import ScriptPage
from infolijn.partners.roles import Role
from infolijn.website.models import PageFeedback, Publication
from infolijn.website.queries import VISIT_DAYS, visit_totals

RECENT_COMMENTS = 5


@role_required(Role.EDITOR, Role.ADMINISTRATOR)
def feedback_report(request: HttpRequest) -> HttpResponse:
    """Per script: how many citizens found it useful, and what the unhappy ones wrote."""
    rows = (
        PageFeedback.objects.values("script_id")
        .annotate(yes=Count("pk", filter=Q(useful=True)), no=Count("pk", filter=Q(useful=False)))
        .order_by("-no", "script_id")
    )
    titles = dict(ScriptPage.objects.values_list("script_id", "title"))
    report = []
    for row in rows:
        comments = PageFeedback.objects.filter(script_id=row["script_id"], useful=False).exclude(
            comment=""
        )
        report.append(
            {
                **row,
                "title": titles.get(row["script_id"], row["script_id"]),
                "share": round(100 * row["yes"] / (row["yes"] + row["no"])),
                "comments": list(comments.values_list("comment", flat=True)[:RECENT_COMMENTS]),
            }
        )
    return render(request, "website/admin_feedback.html", {"rows": report})


@role_required(Role.EDITOR, Role.ADMINISTRATOR)
def visits_report(request: HttpRequest) -> HttpResponse:
    """Views per script, theme and partner over the last 30 days."""
    return render(request, "website/admin_visits.html", visit_totals(days=VISIT_DAYS))


@hooks.register("register_admin_urls")
def register_feedback_urls():
    return [
        path("paginafeedback/", feedback_report, name="feedback_report"),
        path("bezoeken/", visits_report, name="visits_report"),
    ]


@hooks.register("before_serve_page")
def remember_served_page(page, request, serve_args, serve_kwargs):
    """Tell the page cache (and so the visit counter) which page this response shows."""
    request.infolijn_page_id = page.pk


@hooks.register("register_reports_menu_item")
def register_visits_menu_item():
    return EditorsMenuItem("Bezoeken", reverse("visits_report"), icon_name="view", order=920)


@hooks.register("register_reports_menu_item")
def register_feedback_menu_item():
    return EditorsMenuItem(
        "Feedback op pagina's", reverse("feedback_report"), icon_name="comment", order=910
    )


class PublicationViewSet(SnippetViewSet):
    """The brochure catalogue: editors keep titles, descriptions and stock up to date."""

    model = Publication
    icon = "doc-full-inverse"
    menu_label = "Publicaties"
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["title", "partner", "stock", "active"]
    list_filter = ["partner", "active"]
    search_fields = ["title", "summary"]
    panels = [
        FieldPanel("partner"),
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        FieldPanel("stock"),
        FieldPanel("max_per_order"),
        FieldPanel("active"),
    ]


register_snippet(PublicationViewSet)
