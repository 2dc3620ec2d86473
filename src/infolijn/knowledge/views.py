from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from infolijn.contacts.views import desk_context
from infolijn.core.access import is_htmx, role_required
from infolijn.knowledge import access
from infolijn.knowledge.actions import withdraw_script
from infolijn.knowledge.desk_forms import DeskFilterForm, WithdrawForm
from infolijn.knowledge.errors import KnowledgeError
from infolijn.knowledge.plain import plain_language_report
from infolijn.knowledge.review_status import review_status_of
from infolijn.partners.roles import LINE_ROLES, Role
from infolijn.search.actions import log_search, record_click
from infolijn.search.engine.index import Scope
from infolijn.search.models import SearchScope
from infolijn.search.service import search_scripts
from infolijn.website.queries import VISIT_DAYS, views_per_page

PAGE_SIZE = 50
DESK_RESULTS = 30
DESK_LOG_SESSION_KEY = "desk_search_log_id"


@role_required(*LINE_ROLES)
def desk_scripts(request: HttpRequest) -> HttpResponse:
    """The agents' knowledge base: search while typing (htmx) or browse by theme."""
    form = DeskFilterForm(request.GET or None)
    context: dict = {"form": form, "now": timezone.now(), "result": None}
    query = form.cleaned_data["q"] if form.is_valid() else ""
    if query:
        result = search_scripts(query, scope=Scope.AGENT, limit=DESK_RESULTS)
        scripts = (
            access.desk_scripts(request.user)
            .select_related("partner")
            .in_bulk([hit.key for hit in result.hits], field_name="script_id")
        )
        log = log_search(
            query=query,
            scope=SearchScope.AGENT,
            results=len(result.hits),
            previous_id=request.session.get(DESK_LOG_SESSION_KEY),
        )
        if log is not None:
            request.session[DESK_LOG_SESSION_KEY] = log.pk
        context.update(
            result=result, rows=[(h, scripts[h.key]) for h in result.hits if h.key in scripts]
        )
    else:
        scripts_qs = access.desk_scripts(request.user).select_related("partner").order_by("title")
        if form.is_valid() and (theme := form.cleaned_data["theme"]):
            scripts_qs = scripts_qs.filter(theme_links__theme=theme)
        context["page_obj"] = Paginator(scripts_qs, PAGE_SIZE).get_page(request.GET.get("pagina"))
    template = "knowledge/_desk_results.html" if is_htmx(request) else "knowledge/desk_scripts.html"
    return render(request, template, context)


@role_required(*LINE_ROLES)
def desk_script(request: HttpRequest, script_id: str) -> HttpResponse:
    script = access.access_desk_script(user=request.user, script_id=script_id)
    if log_id := request.session.get(DESK_LOG_SESSION_KEY):
        record_click(log_id=log_id, script_id=script.script_id)
    template = "knowledge/_desk_panel.html" if is_htmx(request) else "knowledge/desk_script.html"
    return render(request, template, {"script": script, **desk_context(request)})


@role_required(Role.PARTNER_REVIEWER)
def partner_scripts(request: HttpRequest) -> HttpResponse:
    scripts = list(access.partner_scripts(request.user).order_by("title"))
    views = views_per_page(page_ids=[script.pk for script in scripts])
    rows = [(script, review_status_of(script), views.get(script.pk, 0)) for script in scripts]
    return render(
        request,
        "knowledge/partner_scripts.html",
        {
            "rows": rows,
            "partner": request.user.partner_membership.partner,  # type: ignore[union-attr]
            "visit_days": VISIT_DAYS,
        },
    )


@role_required(Role.PARTNER_REVIEWER)
def partner_script(request: HttpRequest, script_id: str) -> HttpResponse:
    script = access.access_partner_script(user=request.user, script_id=script_id)
    latest = script.get_latest_revision_as_object()
    return render(
        request,
        "knowledge/partner_script.html",
        {
            "script": script,
            "latest": latest,
            "status": review_status_of(script),
            "report": plain_language_report(latest.body),
        },
    )


@role_required(Role.EDITOR, Role.ADMINISTRATOR)
def withdraw(request: HttpRequest, script_id: str) -> HttpResponse:
    script = access.access_editable_script(user=request.user, script_id=script_id)
    form = WithdrawForm(request.POST or None, exclude_pk=script.pk)
    if request.method == "POST" and form.is_valid():
        try:
            withdraw_script(
                script=script,
                actor=request.user,  # type: ignore[arg-type]
                reason=form.cleaned_data["reason"],
                replacement=form.cleaned_data["replacement"],
            )
        except KnowledgeError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, f"‘{script.title}’ is ingetrokken.")
            return redirect(reverse("wagtailadmin_explore", args=[script.get_parent().pk]))
    return render(request, "knowledge/withdraw.html", {"script": script, "form": form})
