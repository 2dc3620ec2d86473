from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from infolijn.knowledge.models import ScriptPage
from infolijn.website.actions import (
    OrderRefusedError,
    give_feedback,
    place_order,
    receive_contact_form,
)
from infolijn.website.forms import ContactForm, FeedbackForm, OrderForm
from infolijn.website.models import Publication


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /kennisbank/",
        "Disallow: /partner/",
        "Disallow: /zoeken/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@csrf_exempt  # anonymous and harmless; lets script pages be cached without a per-visitor token
@require_POST
def feedback(request: HttpRequest, script_id: str) -> HttpResponse:
    script = ScriptPage.objects.public(timezone.now()).filter(script_id=script_id).first()
    if script is None:
        raise Http404
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return render(
            request, "website/feedback_error.html", {"script": script, "form": form}, status=400
        )
    if not form.cleaned_data["website"]:  # the hidden field is empty for people, filled by bots
        give_feedback(
            script_id=script.script_id,
            useful=form.cleaned_data["useful"],
            comment=form.cleaned_data["comment"],
            client_address=request.META.get("REMOTE_ADDR", ""),
        )
    return redirect(script.get_url(request) + "?bedankt=1#feedback")


def contact_form(request: HttpRequest) -> HttpResponse:
    """The citizen's contact form: works without JavaScript, answers with a reference number."""
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["website"]:  # hidden field: only bots fill it in
            return render(request, "website/contact_thanks.html", {"reference": None})
        message = receive_contact_form(
            partner=form.cleaned_data["partner"],
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            question=form.cleaned_data["question"],
            client_address=request.META.get("REMOTE_ADDR", ""),
        )
        if message is None:
            form.add_error(
                None,
                "Je stuurde de voorbije tijd al veel berichten. "
                "Probeer het later opnieuw of bel 1700.",
            )
        else:
            return render(request, "website/contact_thanks.html", {"reference": message.reference})
    status = 400 if request.method == "POST" else 200
    return render(request, "website/contact_form.html", {"form": form}, status=status)


@require_GET
def publications(request: HttpRequest) -> HttpResponse:
    """The catalogue: every brochure in the catalogue, by partner."""
    catalogue = Publication.objects.filter(active=True, partner__active=True).select_related(
        "partner"
    )
    return render(request, "website/publications.html", {"publications": catalogue})


def order_publication(request: HttpRequest, slug: str) -> HttpResponse:
    publication = get_object_or_404(
        Publication.objects.select_related("partner"), slug=slug, active=True
    )
    if not publication.available:
        return render(
            request, "website/order_form.html", {"publication": publication, "form": None}
        )
    form = OrderForm(request.POST or None, max_quantity=publication.orderable_quantity)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["website"]:  # hidden field: only bots fill it in
            return render(request, "website/order_thanks.html", {"order": None})
        try:
            order = place_order(
                publication=publication,
                quantity=form.cleaned_data["quantity"],
                name=form.cleaned_data["name"],
                street=form.cleaned_data["street"],
                postcode=form.cleaned_data["postcode"],
                municipality=form.cleaned_data["municipality"],
                client_address=request.META.get("REMOTE_ADDR", ""),
            )
        except OrderRefusedError as refused:
            form.add_error(None, str(refused))
        else:
            return render(request, "website/order_thanks.html", {"order": order})
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "website/order_form.html",
        {"publication": publication, "form": form},
        status=status,
    )
