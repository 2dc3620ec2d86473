from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from infolijn.core.access import role_required
from infolijn.knowledge import access
from infolijn.knowledge.actions import withdraw_script
from infolijn.knowledge.desk_forms import DeskFilterForm, WithdrawForm
from infolijn.knowledge.errors import KnowledgeError
from infolijn.knowledge.review_status import review_status_of
from infolijn.partners.roles import LINE_ROLES, Role

PAGE_SIZE = 50


@role_required(*LINE_ROLES)
def desk_scripts(request: HttpRequest) -> HttpResponse:
    form = DeskFilterForm(request.GET or None)
    scripts = access.desk_scripts(request.user).select_related("partner").order_by("title")
    if form.is_valid():
        if query := form.cleaned_data["q"]:
            scripts = scripts.filter(
                Q(title__icontains=query)
                | Q(summary__icontains=query)
                | Q(keywords__icontains=query)
            )
        if theme := form.cleaned_data["theme"]:
            scripts = scripts.filter(theme_links__theme=theme)
    page = Paginator(scripts, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "knowledge/desk_scripts.html",
        {"form": form, "page_obj": page, "now": timezone.now()},
    )


@role_required(*LINE_ROLES)
def desk_script(request: HttpRequest, script_id: str) -> HttpResponse:
    script = access.access_desk_script(user=request.user, script_id=script_id)
    return render(request, "knowledge/desk_script.html", {"script": script})


@role_required(Role.PARTNER_REVIEWER)
def partner_scripts(request: HttpRequest) -> HttpResponse:
    scripts = access.partner_scripts(request.user).order_by("title")
    rows = [(script, review_status_of(script)) for script in scripts]
    return render(
        request,
        "knowledge/partner_scripts.html",
        {"rows": rows, "partner": request.user.partner_membership.partner},  # type: ignore[union-attr]
    )


@role_required(Role.PARTNER_REVIEWER)
def partner_script(request: HttpRequest, script_id: str) -> HttpResponse:
    script = access.access_partner_script(user=request.user, script_id=script_id)
    latest = script.get_latest_revision_as_object()
    return render(
        request,
        "knowledge/partner_script.html",
        {"script": script, "latest": latest, "status": review_status_of(script)},
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
