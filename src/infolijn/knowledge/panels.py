from typing import Any

from django import forms
from django.urls import reverse
from wagtail.admin.panels import Panel


class PlainLanguagePanel(Panel):
    """Beside the script body: level, scores and findings, updated while the editor types."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "knowledge/panels/plain_language.html"

        def get_context_data(self, parent_context: Any = None) -> dict:
            context = super().get_context_data(parent_context)
            context["endpoint"] = reverse("plain_language_check")
            return context

        @property
        def media(self) -> forms.Media:
            return forms.Media(
                js=["infolijn/plain-language-panel.js"],
                css={"all": ["infolijn/plain-language-panel.css"]},
            )
