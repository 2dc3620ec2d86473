from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from infolijn.contacts.actions import REGISTERING_ROLES
from infolijn.contacts.desk import current_contact, link_script, register_call_with_script
from infolijn.contacts.forms import DeskCallForm
from infolijn.core.access import is_htmx, role_required
from infolijn.core.spreadsheet import csv_response
from infolijn.knowledge import access
from infolijn.website.actions import cancel_order, mark_orders_sent, open_publication_orders
from infolijn.website.models import PublicationOrder

CURRENT_CONTACT_SESSION_KEY = "desk_current_contact_id"


def _back(request: HttpRequest, script_id: str) -> HttpResponse:
    if is_htmx(request):
        script = access.access_desk_script(user=request.user, script_id=script_id)
        return render(
            request, "knowledge/_desk_panel.html", {"script": script, **desk_context(request)}
        )
    return redirect(reverse("knowledge:desk_script", args=[script_id]))


def desk_context(request: HttpRequest) -> dict:
    """What the script panel shows about the agent's current call."""
    contact = current_contact(
        contact_id=request.session.get(CURRENT_CONTACT_SESSION_KEY),
        actor=request.user,  # type: ignore[arg-type]
    )
    return {"current_contact": contact, "call_form": DeskCallForm()}


@require_POST
@role_required(*REGISTERING_ROLES)
def register_call(request: HttpRequest, script_id: str) -> HttpResponse:
    script = access.access_desk_script(user=request.user, script_id=script_id)
    form = DeskCallForm(request.POST)
    if not form.is_valid():
        context = {"script": script, **desk_context(request), "call_form": form}
        template = (
            "knowledge/_desk_panel.html" if is_htmx(request) else "knowledge/desk_script.html"
        )
        return render(request, template, context, status=400)
    contact = register_call_with_script(
        script=script,
        outcome=form.cleaned_data["outcome"],
        note=form.cleaned_data["note"],
        actor=request.user,  # type: ignore[arg-type]
    )
    request.session[CURRENT_CONTACT_SESSION_KEY] = contact.pk
    messages.success(request, f"Gesprek #{contact.pk} geregistreerd met ‘{script.title}’.")
    return _back(request, script_id)


@require_POST
@role_required(*REGISTERING_ROLES)
def link_to_current(request: HttpRequest, script_id: str) -> HttpResponse:
    script = access.access_desk_script(user=request.user, script_id=script_id)
    contact = current_contact(
        contact_id=request.session.get(CURRENT_CONTACT_SESSION_KEY),
        actor=request.user,  # type: ignore[arg-type]
    )
    if contact is None:
        messages.error(request, "Er is geen gesprek van de voorbije minuten om aan te koppelen.")
    elif link_script(contact=contact, script_id=script.script_id, actor=request.user):  # type: ignore[arg-type]
        messages.success(request, f"‘{script.title}’ is gekoppeld aan gesprek #{contact.pk}.")
    return _back(request, script_id)


ORDER_CSV_HEADER = (
    "bestelnummer",
    "besteld_op",
    "te_versturen_tegen",
    "partner",
    "publicatie",
    "aantal",
    "naam",
    "straat",
    "postcode",
    "gemeente",
)


@role_required(*REGISTERING_ROLES)
def publication_orders(request: HttpRequest) -> HttpResponse:
    """The fulfilment list: orders still to send, oldest due first; printable and as CSV."""
    orders = open_publication_orders()
    if request.GET.get("formaat") == "csv":
        rows = (
            (
                order.reference,
                f"{timezone.localtime(order.received_at):%Y-%m-%d %H:%M}",
                f"{timezone.localtime(order.due_at):%Y-%m-%d}" if order.due_at else "",
                order.publication.partner.name,
                order.publication.title,
                order.quantity,
                order.name,
                order.street,
                order.postcode,
                order.municipality,
            )
            for order in orders
        )
        return csv_response("bestellingen.csv", ORDER_CSV_HEADER, rows)
    return render(
        request,
        "contacts/publication_orders.html",
        {"orders": orders, "now": timezone.now()},
    )


@require_POST
@role_required(*REGISTERING_ROLES)
def publication_orders_sent(request: HttpRequest) -> HttpResponse:
    ids = [value for value in request.POST.getlist("order") if value.isdigit()]
    if not ids:
        messages.error(request, "Duid eerst de bestellingen aan die verstuurd zijn.")
    else:
        orders = PublicationOrder.objects.filter(pk__in=ids)
        count = mark_orders_sent(orders, actor=request.user)  # type: ignore[arg-type]
        messages.success(request, f"{count} bestelling(en) gemarkeerd als verstuurd.")
    return redirect("contacts:publication_orders")


@require_POST
@role_required(*REGISTERING_ROLES)
def publication_order_cancel(request: HttpRequest, order_id: int) -> HttpResponse:
    order = get_object_or_404(PublicationOrder, pk=order_id)
    if cancel_order(order, actor=request.user):  # type: ignore[arg-type]
        messages.success(
            request, f"Bestelling {order.reference} geannuleerd; de voorraad is aangevuld."
        )
    else:
        messages.error(request, f"Bestelling {order.reference} was al verstuurd of geannuleerd.")
    return redirect("contacts:publication_orders")
