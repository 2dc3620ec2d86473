from django import template
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page

from infolijn.knowledge.models import ScriptPage
from infolijn.website.forms import FeedbackForm
from infolijn.website.structured_data import (
    page_graph,
    script_graph,
    to_script_tag_json,
    webpage_graph,
)

register = template.Library()


@register.simple_tag(takes_context=True)
def script_json_ld(context: template.Context, page: ScriptPage) -> SafeString:
    data = to_script_tag_json(script_graph(page, context["request"]))
    return mark_safe(f'<script type="application/ld+json">{data}</script>')  # noqa: S308 - escaped JSON


@register.simple_tag(takes_context=True)
def page_json_ld(context: template.Context, page: Page) -> SafeString:
    data = to_script_tag_json(page_graph(page, context["request"]))
    return mark_safe(f'<script type="application/ld+json">{data}</script>')  # noqa: S308 - escaped JSON


@register.simple_tag(takes_context=True)
def view_json_ld(context: template.Context, name: str, description: str) -> SafeString:
    """JSON-LD for a public page that is a view, not a Wagtail page (publications, contact)."""
    request = context["request"]
    graph = webpage_graph(
        url=request.build_absolute_uri(request.path),
        name=name,
        description=description,
        request=request,
    )
    data = to_script_tag_json(graph)
    return mark_safe(f'<script type="application/ld+json">{data}</script>')  # noqa: S308 - escaped JSON


@register.inclusion_tag("website/_feedback.html", takes_context=True)
def feedback_form(context: template.Context, page: ScriptPage) -> dict:
    request = context["request"]
    return {"page": page, "form": FeedbackForm(), "thanks": request.GET.get("bedankt") == "1"}
