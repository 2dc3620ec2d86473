"""Partner events: planners manage all of them, partner reviewers their own partner's."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from infolijn.core.access import role_required
from infolijn.partners.models import Partner
from infolijn.partners.roles import Role
from infolijn.planning import access
from infolijn.planning.actions import create_event, delete_event, update_event
from infolijn.planning.forms import EventForm

EVENT_ROLES = (Role.PLANNER, Role.ADMINISTRATOR, Role.TEAM_LEAD, Role.PARTNER_REVIEWER)
EDIT_ROLES = (Role.PLANNER, Role.ADMINISTRATOR, Role.PARTNER_REVIEWER)


@role_required(*EVENT_ROLES)
def event_list(request: HttpRequest) -> HttpResponse:
    editable = set(access.editable_events(request.user).values_list("pk", flat=True))
    return render(
        request,
        "planning/event_list.html",
        {
            "events": access.events(request.user),
            "editable": editable,
            "may_create": access.may_plan(request.user) or access.own_partner(request.user),
        },
    )


def _form_partner(request: HttpRequest) -> Partner | None:
    """Planners choose the partner; a reviewer's events are always their own partner's."""
    return None if access.may_plan(request.user) else access.own_partner(request.user)


@role_required(*EDIT_ROLES)
def event_create(request: HttpRequest) -> HttpResponse:
    partner = _form_partner(request)
    if partner is None and not access.may_plan(request.user):
        raise PermissionDenied
    form = EventForm(request.POST or None, partner=partner)
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        event = create_event(
            partner=values.pop("partner", partner),
            values=values,
            actor=request.user,  # type: ignore[arg-type]
        )
        messages.success(request, f"Gebeurtenis ‘{event.name}’ ({event.reference}) is bewaard.")
        return redirect("planning:event_list")
    status = 400 if request.method == "POST" else 200
    return render(request, "planning/event_form.html", {"form": form, "event": None}, status=status)


@role_required(*EDIT_ROLES)
def event_edit(request: HttpRequest, event_id: int) -> HttpResponse:
    event = access.access_event(user=request.user, event_id=event_id, edit=True)
    form = EventForm(request.POST or None, instance=event, partner=event.partner)
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        update_event(event=event, values=values, actor=request.user)  # type: ignore[arg-type]
        messages.success(request, f"Gebeurtenis {event.reference} is bijgewerkt.")
        return redirect("planning:event_list")
    status = 400 if request.method == "POST" else 200
    return render(
        request, "planning/event_form.html", {"form": form, "event": event}, status=status
    )


@require_POST
@role_required(*EDIT_ROLES)
def event_delete(request: HttpRequest, event_id: int) -> HttpResponse:
    event = access.access_event(user=request.user, event_id=event_id, edit=True)
    reference = event.reference
    delete_event(event=event, actor=request.user)  # type: ignore[arg-type]
    messages.success(request, f"Gebeurtenis {reference} is verwijderd.")
    return redirect("planning:event_list")
