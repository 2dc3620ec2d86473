from typing import Any

from django import forms
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from wagtail.admin.panels import FieldPanel


class BodyWithPlainLanguagePanel(FieldPanel):
    """The script body with, beside it, the plain-language panel that follows the typing:
    level, scores and findings; a click selects the passage, another applies a suggestion."""

    class BoundPanel(FieldPanel.BoundPanel):
        def render_html(self, parent_context: Any = None) -> SafeString:
            field_html = super().render_html(parent_context)
            panel_html = render_to_string(
                "knowledge/panels/plain_language.html",
                {
                    "endpoint": reverse("plain_language_check"),
                    "source_id": self.bound_field.id_for_label,
                },
            )
            return format_html(
                '<div class="pl-layout"><div class="pl-field">{}</div>{}</div>',
                field_html,
                mark_safe(panel_html),  # noqa: S308 - our own template, rendered above
            )

        @property
        def media(self) -> forms.Media:
            return super().media + forms.Media(
                js=["infolijn/plain-language-panel.js"],
                css={"all": ["infolijn/plain-language-panel.css"]},
            )
