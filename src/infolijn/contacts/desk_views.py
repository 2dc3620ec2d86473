"""The agents' desk for e-mails and web forms: queue, contact, answer, forward."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from infolijn.contacts import desk_mail, mailintake
from infolijn.contacts.actions import REGISTERING_ROLES
from infolijn.contacts.desk import mark_called_back
from infolijn.contacts.forms import DismissForm, ForwardForm, QueueFilterForm, ReplyForm, RouteForm
from infolijn.contacts.models import Contact, InboundMessage, PersonalDataAccess
from infolijn.contacts.outbound import reference
from infolijn.contacts.passages import find_passage, script_passages
from infolijn.contacts.queue import (
    VIEWS,
    QueueFilter,
    callbacks,
    desk_queue,
    mail_needing_attention,
    view_counts,
)
from infolijn.core.access import role_required
from infolijn.knowledge import access
from infolijn.search.engine.index import Scope
from infolijn.search.service import search_scripts

PASSAGE_RESULTS = 5


def _user_id(request: HttpRequest) -> int:
    """The signed-in user's id (views here are behind ``role_required``)."""
    assert request.user.pk is not None
    return int(request.user.pk)


@role_required(*REGISTERING_ROLES)
def queue(request: HttpRequest) -> HttpResponse:
    form = QueueFilterForm(request.GET or None, views=VIEWS)
    queue_filter = QueueFilter()
    if form.is_valid():
        partner = form.cleaned_data["partner"]
        queue_filter = QueueFilter(
            view=form.cleaned_data["view"] or "alle",
            partner_id=partner.pk if partner else None,
            channel=form.cleaned_data["channel"] or None,
        )
    now = timezone.now()
    contacts = desk_queue(queue_filter, user_id=_user_id(request), now=now)[:200]
    context = {
        "form": form,
        "contacts": contacts,
        "views": VIEWS,
        "current_view": queue_filter.view,
        "counts": view_counts(user_id=_user_id(request), now=now),
        "needs_attention": mail_needing_attention().count(),
        "now": now,
    }
    return render(request, "contacts/queue.html", context)


def _contact(contact_id: int) -> Contact:
    return get_object_or_404(
        Contact.objects.select_related("partner", "assigned_to", "handled_by"), pk=contact_id
    )


def _detail(
    request: HttpRequest,
    contact: Contact,
    *,
    reply_form: ReplyForm | None = None,
    forward_form: ForwardForm | None = None,
    preview: str = "",
    status: int = 200,
) -> HttpResponse:
    PersonalDataAccess.objects.create(contact=contact, user_id=_user_id(request))
    holder = desk_mail.held_by(_user_id(request)).filter(pk=contact.pk).exists()
    query = request.GET.get("zoek", "").strip()[:200]
    hits = []
    if holder and query:
        desk = access.desk_scripts(request.user)
        result = search_scripts(query, scope=Scope.AGENT, limit=PASSAGE_RESULTS)
        found = {s.script_id: s for s in desk.filter(script_id__in=[h.key for h in result.hits])}
        hits = [
            (found[h.key], script_passages(found[h.key], request))
            for h in result.hits
            if h.key in found
        ]
    context = {
        "contact": contact,
        "reference": reference(contact),
        "history": desk_mail.history(contact),
        "citizen": desk_mail.citizen_address(contact),
        "workable": Contact.objects.filter(desk_mail.workable(), pk=contact.pk).exists(),
        "holder": holder,
        "reply_form": reply_form or ReplyForm(partner=contact.partner),
        "forward_form": forward_form or ForwardForm(),
        "preview": preview,
        "query": query,
        "hits": hits,
        "linked_scripts": list(contact.script_links.values_list("script_id", flat=True)),
    }
    return render(request, "contacts/contact_detail.html", context, status=status)


@role_required(*REGISTERING_ROLES)
def contact_detail(request: HttpRequest, contact_id: int) -> HttpResponse:
    return _detail(request, _contact(contact_id))


@require_POST
@role_required(*REGISTERING_ROLES)
def take(request: HttpRequest, contact_id: int) -> HttpResponse:
    contact = _contact(contact_id)
    try:
        desk_mail.take(contact, actor=request.user)  # type: ignore[arg-type]
    except desk_mail.DeskError as error:
        messages.error(request, str(error))
        return redirect("contacts:queue")
    return redirect("contacts:contact", contact_id=contact.pk)


@require_POST
@role_required(*REGISTERING_ROLES)
def release(request: HttpRequest, contact_id: int) -> HttpResponse:
    contact = _contact(contact_id)
    if desk_mail.release(contact, actor=request.user):  # type: ignore[arg-type]
        messages.success(request, f"{reference(contact)} staat terug in de wachtrij.")
    return redirect("contacts:queue")


@require_POST
@role_required(*REGISTERING_ROLES)
def reply(request: HttpRequest, contact_id: int) -> HttpResponse:
    """One form, four buttons: insert a passage or a template, preview, or send."""
    contact = _contact(contact_id)
    form = ReplyForm(request.POST, partner=contact.partner)
    if not form.is_valid():
        return _detail(request, contact, reply_form=form, status=400)
    action = request.POST.get("action", "")
    body = form.cleaned_data["body"]
    scripts = form.script_ids()
    if action in ("passage", "template"):
        added, script_id = _insertion(request, form, contact)
        if added is None:
            form.add_error(None, "Kies eerst een passage of een sjabloon om in te voegen.")
            return _detail(request, contact, reply_form=form, status=400)
        if script_id and script_id not in scripts:
            scripts.append(script_id)
        data = {"body": f"{body.rstrip()}\n\n{added}".strip(), "scripts": ",".join(scripts)}
        return _detail(request, contact, reply_form=ReplyForm(data, partner=contact.partner))
    if action == "preview":
        return _detail(request, contact, reply_form=form, preview=body)
    try:
        sent = desk_mail.send_reply(
            contact,
            actor=request.user,  # type: ignore[arg-type]
            body=body,
            script_ids=scripts,
        )
    except desk_mail.DeskError as error:
        form.add_error("body", str(error))
        return _detail(request, contact, reply_form=form, status=400)
    if sent.delivered:
        messages.success(request, f"Antwoord op {reference(contact)} verstuurd.")
    else:
        messages.warning(
            request,
            f"Het antwoord op {reference(contact)} is bewaard, maar de mailserver weigerde het. "
            "We proberen het automatisch opnieuw.",
        )
    return redirect("contacts:queue")


def _insertion(
    request: HttpRequest, form: ReplyForm, contact: Contact
) -> tuple[str | None, str | None]:
    if request.POST.get("action") == "template":
        template = form.cleaned_data["template"]
        if template is None:
            return None, None
        name = ""
        web_form = getattr(contact, "web_form", None)
        if web_form is not None and web_form.erased_at is None:
            name = web_form.name
        return template.body.replace("{naam}", name).strip(), None
    passage = find_passage(access.desk_scripts(request.user), form.cleaned_data["passage"], request)
    if passage is None:
        return None, None
    return passage.text, passage.script_id


@require_POST
@role_required(*REGISTERING_ROLES)
def forward(request: HttpRequest, contact_id: int) -> HttpResponse:
    contact = _contact(contact_id)
    form = ForwardForm(request.POST)
    if not form.is_valid():
        return _detail(request, contact, forward_form=form, status=400)
    try:
        desk_mail.forward_to_partner(
            contact,
            actor=request.user,  # type: ignore[arg-type]
            note=form.cleaned_data["note"],
            tell_citizen=form.cleaned_data["tell_citizen"],
        )
    except desk_mail.DeskError as error:
        form.add_error(None, str(error))
        return _detail(request, contact, forward_form=form, status=400)
    messages.success(request, f"{reference(contact)} is doorgestuurd naar {contact.partner.name}.")
    return redirect("contacts:queue")


@role_required(*REGISTERING_ROLES)
def attention(request: HttpRequest) -> HttpResponse:
    """Mail that could not be routed by itself, for a person to decide."""
    return render(
        request,
        "contacts/attention.html",
        {
            "inbox": mail_needing_attention()[:100],
            "route_form": RouteForm(),
            "dismiss_form": DismissForm(),
        },
    )


@require_POST
@role_required(*REGISTERING_ROLES)
def route(request: HttpRequest, message_id: int) -> HttpResponse:
    message = get_object_or_404(InboundMessage, pk=message_id)
    form = RouteForm(request.POST)
    if form.is_valid():
        try:
            contact = mailintake.route_manually(
                message,
                partner=form.cleaned_data["partner"],
                actor=request.user,  # type: ignore[arg-type]
            )
        except desk_mail.DeskError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"Bericht toegewezen: {reference(contact)}.")
    else:
        messages.error(request, "Kies een partner voor dit bericht.")
    return redirect(reverse("contacts:attention"))


@require_POST
@role_required(*REGISTERING_ROLES)
def dismiss(request: HttpRequest, message_id: int) -> HttpResponse:
    message = get_object_or_404(InboundMessage, pk=message_id)
    form = DismissForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Geef kort aan waarom dit geen vraag van een burger is.")
    elif mailintake.dismiss(
        message,
        actor=request.user,  # type: ignore[arg-type]
        reason=form.cleaned_data["reason"],
    ):
        messages.success(request, "Bericht nagekeken: geen contact.")
    else:
        messages.error(request, "Dit bericht werd al behandeld.")
    return redirect(reverse("contacts:attention"))


@role_required(*REGISTERING_ROLES)
def callback_list(request: HttpRequest) -> HttpResponse:
    """Calls an agent promised to call back."""
    return render(
        request,
        "contacts/callbacks.html",
        {"contacts": callbacks()[:200], "needs_attention": mail_needing_attention().count()},
    )


@require_POST
@role_required(*REGISTERING_ROLES)
def called_back(request: HttpRequest, contact_id: int) -> HttpResponse:
    contact = _contact(contact_id)
    if mark_called_back(contact=contact, actor=request.user):  # type: ignore[arg-type]
        messages.success(request, f"Gesprek #{contact.pk}: teruggebeld.")
    else:
        messages.error(request, f"Gesprek #{contact.pk} stond niet (meer) op de lijst.")
    return redirect("contacts:callbacks")
