"""Dossier screens for the line (/intake/) and for partner reviewers (/partner/dossiers/)."""

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from infolijn.calendar import local_date
from infolijn.core.access import role_required
from infolijn.intake import access
from infolijn.intake.access import AUTHORS, LINE_STAFF
from infolijn.intake.actions import (
    accept_dossier,
    create_dossier,
    decline_dossier,
    go_live,
    lead_to_revision,
    may_author,
    request_more_info,
    submit_dossier,
    update_dossier,
)
from infolijn.intake.aftercare import aftercare_of, dossier_script_ids
from infolijn.intake.errors import IntakeError
from infolijn.intake.forms import (
    AcceptForm,
    CommentForm,
    DateFormSet,
    DossierForm,
    QuestionFormSet,
    RevisionForm,
    SubmitForm,
    dossier_initial,
    dossier_values,
)
from infolijn.intake.models import Dossier, DossierStatus
from infolijn.intake.readiness import readiness_of, timeline_of
from infolijn.partners.models import Partner
from infolijn.partners.roles import Role, has_role

ROBOTS = "noindex"


class PartnerChoiceForm(forms.Form):
    partner = forms.ModelChoiceField(
        label="Partner",
        queryset=Partner.objects.filter(active=True).order_by("name"),
        error_messages={"required": "Kies de partner.", "invalid_choice": "Kies de partner."},
    )


def _detail_url(request: HttpRequest, dossier: Dossier) -> str:
    name = "intake:detail" if access.is_line_staff(request.user) else "intake:partner_detail"
    return reverse(name, args=[dossier.reference])


@role_required(*LINE_STAFF)
def dossier_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    dossiers = access.dossiers(request.user)
    if status in DossierStatus.values:
        dossiers = dossiers.filter(status=status)
    return render(
        request,
        "intake/dossier_list.html",
        {
            "dossiers": dossiers.order_by("go_live", "reference"),
            "statuses": DossierStatus.choices,
            "current": status if status in DossierStatus.values else "",
            "may_create": has_role(request.user, Role.EDITOR, Role.ADMINISTRATOR),
        },
    )


@role_required(Role.PARTNER_REVIEWER)
def partner_list(request: HttpRequest) -> HttpResponse:
    partner = access.own_partner(request.user)
    if partner is None:
        raise PermissionDenied
    return render(
        request,
        "intake/partner_list.html",
        {"dossiers": access.partner_dossiers(request.user), "partner": partner},
    )


def _edit(
    request: HttpRequest, *, dossier: Dossier | None, partner: Partner | None
) -> HttpResponse:
    """Create (``dossier`` None) or edit a request; ``partner`` None lets an editor choose."""
    initial: dict[str, Any] = {}
    dates_initial: list[dict] = []
    questions_initial: list[dict] = []
    if dossier is not None:
        initial, dates_initial, questions_initial = dossier_initial(dossier)
    data = request.POST if request.method == "POST" else None
    form = DossierForm(data, initial=initial)
    # Bound rows must not compare with the stored rows: an unchanged row would drop out.
    dates = DateFormSet(data, initial=None if data else dates_initial, prefix="datums")
    questions = QuestionFormSet(data, initial=None if data else questions_initial, prefix="vragen")
    chooser = PartnerChoiceForm(data) if partner is None and dossier is None else None
    if request.method == "POST":
        valid = all(
            [form.is_valid(), dates.is_valid(), questions.is_valid()]
            + ([chooser.is_valid()] if chooser else [])
        )
        if valid:
            values = dossier_values(form, dates, questions)
            try:
                if dossier is None:
                    owner = chooser.cleaned_data["partner"] if chooser else partner
                    dossier = create_dossier(partner=owner, values=values, actor=request.user)  # type: ignore[arg-type]
                    messages.success(
                        request, f"Dossier {dossier.reference} is bewaard als ontwerp."
                    )
                else:
                    update_dossier(dossier=dossier, values=values, actor=request.user)  # type: ignore[arg-type]
                    messages.success(request, f"Dossier {dossier.reference} is bijgewerkt.")
                return redirect(_detail_url(request, dossier))
            except IntakeError as error:
                form.add_error(None, error.message)
    return render(
        request,
        "intake/dossier_form.html",
        {
            "form": form,
            "dates": dates,
            "questions": questions,
            "chooser": chooser,
            "dossier": dossier,
            "partner": partner,
        },
        status=400 if request.method == "POST" else 200,
    )


@role_required(Role.EDITOR, Role.ADMINISTRATOR)
def dossier_create(request: HttpRequest) -> HttpResponse:
    return _edit(request, dossier=None, partner=None)


@role_required(Role.PARTNER_REVIEWER)
def partner_create(request: HttpRequest) -> HttpResponse:
    partner = access.own_partner(request.user)
    if partner is None:
        raise PermissionDenied
    return _edit(request, dossier=None, partner=partner)


@role_required(*AUTHORS)
def dossier_edit(request: HttpRequest, reference: str) -> HttpResponse:
    dossier = access.access_dossier(user=request.user, reference=reference)
    if not may_author(request.user, dossier.partner):  # type: ignore[arg-type]
        raise PermissionDenied
    if not dossier.editable:
        messages.error(
            request,
            f"Dossier {dossier.reference} is {dossier.get_status_display()}: "
            "aanpassen kan niet meer.",
        )
        return redirect(_detail_url(request, dossier))
    return _edit(request, dossier=dossier, partner=dossier.partner)


def _context(request: HttpRequest, dossier: Dossier, **forms_: Any) -> dict[str, Any]:
    now = timezone.now()
    line = access.is_line_staff(request.user)
    script_ids = dossier_script_ids(dossier)
    context: dict[str, Any] = {
        "dossier": dossier,
        "readiness": readiness_of(dossier, now),
        "timeline": timeline_of(dossier),
        "dates": dossier.dates.all(),
        "line": line,
        "may_edit": dossier.editable and may_author(request.user, dossier.partner),  # type: ignore[arg-type]
        "submit_form": forms_.get("submit_form") or SubmitForm(),
        "today": local_date(now),
    }
    if line:
        context["comment_form"] = forms_.get("comment_form") or CommentForm()
        if dossier.status in (DossierStatus.ACCEPTED, DossierStatus.LIVE) and script_ids:
            context["revision_form"] = forms_.get("revision_form") or RevisionForm(
                script_ids=script_ids
            )
    if dossier.status == DossierStatus.LIVE or (
        dossier.status == DossierStatus.ACCEPTED and dossier.go_live <= local_date(now)
    ):
        context["aftercare"] = aftercare_of(dossier, now)
    return context


@role_required(*LINE_STAFF)
def dossier_detail(request: HttpRequest, reference: str) -> HttpResponse:
    dossier = access.access_dossier(user=request.user, reference=reference)
    return render(request, "intake/dossier_detail.html", _context(request, dossier))


@role_required(Role.PARTNER_REVIEWER)
def partner_detail(request: HttpRequest, reference: str) -> HttpResponse:
    dossier = access.access_partner_dossier(user=request.user, reference=reference)
    return render(request, "intake/dossier_detail.html", _context(request, dossier))


def _refused(request: HttpRequest, dossier: Dossier, error: IntakeError) -> HttpResponse:
    messages.error(request, error.message)
    return redirect(_detail_url(request, dossier))


@require_POST
@role_required(*AUTHORS)
def dossier_submit(request: HttpRequest, reference: str) -> HttpResponse:
    dossier = access.access_dossier(user=request.user, reference=reference)
    form = SubmitForm(request.POST)
    if not form.is_valid():
        context = _context(request, dossier, submit_form=form)
        return render(request, "intake/dossier_detail.html", context, status=400)
    try:
        submit_dossier(dossier=dossier, actor=request.user, comment=form.cleaned_data["comment"])  # type: ignore[arg-type]
    except IntakeError as error:
        return _refused(request, dossier, error)
    messages.success(request, f"Dossier {dossier.reference} is ingediend bij de lijn.")
    return redirect(_detail_url(request, dossier))


def _decide(request: HttpRequest, reference: str, action: Any, done: str) -> HttpResponse:
    dossier = access.access_dossier(user=request.user, reference=reference)
    form = CommentForm(request.POST)
    if not form.is_valid():
        context = _context(request, dossier, comment_form=form)
        return render(request, "intake/dossier_detail.html", context, status=400)
    try:
        action(dossier=dossier, actor=request.user, comment=form.cleaned_data["comment"])
    except IntakeError as error:
        return _refused(request, dossier, error)
    messages.success(request, done.format(reference=dossier.reference))
    return redirect("intake:detail", dossier.reference)


@require_POST
@role_required(*LINE_STAFF)
def dossier_more_info(request: HttpRequest, reference: str) -> HttpResponse:
    return _decide(
        request, reference, request_more_info, "Meer informatie gevraagd voor {reference}."
    )


@require_POST
@role_required(*LINE_STAFF)
def dossier_decline(request: HttpRequest, reference: str) -> HttpResponse:
    return _decide(request, reference, decline_dossier, "Dossier {reference} is geweigerd.")


@role_required(*LINE_STAFF)
def dossier_accept(request: HttpRequest, reference: str) -> HttpResponse:
    dossier = access.access_dossier(user=request.user, reference=reference)
    if dossier.status != DossierStatus.SUBMITTED:
        messages.error(
            request, f"Aanvaarden kan niet: het dossier is {dossier.get_status_display()}."
        )
        return redirect("intake:detail", dossier.reference)
    form = AcceptForm(request.POST or None, initial={"owner": request.user.pk})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            accept_dossier(
                dossier=dossier,
                actor=request.user,  # type: ignore[arg-type]
                comment=data["comment"],
                owner=data["owner"],
                editor=data["editor"],
                lead_days=data["lead_days"],
                training_minutes=data["training_minutes"],
            )
        except IntakeError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(
                request,
                f"Dossier {dossier.reference} is aanvaard: scripts, gebeurtenis en opleiding "
                "staan klaar.",
            )
            return redirect("intake:detail", dossier.reference)
    return render(
        request,
        "intake/dossier_accept.html",
        {"dossier": dossier, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@require_POST
@role_required(*LINE_STAFF)
def dossier_go_live(request: HttpRequest, reference: str) -> HttpResponse:
    dossier = access.access_dossier(user=request.user, reference=reference)
    try:
        go_live(dossier=dossier, actor=request.user, now=timezone.now())  # type: ignore[arg-type]
    except IntakeError as error:
        return _refused(request, dossier, error)
    messages.success(request, f"Dossier {dossier.reference} is live.")
    return redirect("intake:detail", dossier.reference)


@require_POST
@role_required(*LINE_STAFF)
def dossier_revision(request: HttpRequest, reference: str) -> HttpResponse:
    dossier = access.access_dossier(user=request.user, reference=reference)
    form = RevisionForm(request.POST, script_ids=dossier_script_ids(dossier))
    if not form.is_valid():
        context = _context(request, dossier, revision_form=form)
        return render(request, "intake/dossier_detail.html", context, status=400)
    data = form.cleaned_data
    try:
        lead_to_revision(
            dossier=dossier,
            actor=request.user,  # type: ignore[arg-type]
            script_id=data["script_id"],
            comment=data["comment"],
            editor=data["editor"],
        )
    except IntakeError as error:
        return _refused(request, dossier, error)
    messages.success(request, f"Herziening van {data['script_id']} is aangevraagd.")
    return redirect("intake:detail", dossier.reference)
