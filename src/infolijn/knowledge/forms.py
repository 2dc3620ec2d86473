from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

AUDIENCE_CHOICES = [
    ("burger", _("burger")),
    ("onderneming", _("onderneming")),
    ("organisatie", _("organisatie")),
]

MAX_KEYWORDS = 30
MAX_KEYWORD_LENGTH = 60


class KeywordsField(forms.CharField):
    """Keywords typed as a comma-separated line, stored as a list in their order."""

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return ", ".join(value)
        return value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        if isinstance(value, list):
            return value
        text = super().to_python(value) or ""
        keywords: list[str] = []
        for part in text.split(","):
            word = part.strip()
            if word and word not in keywords:
                keywords.append(word)
        return keywords

    def validate(self, value: Any) -> None:
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        if len(value) > MAX_KEYWORDS:
            raise forms.ValidationError(
                _("Geef hoogstens %(max)d trefwoorden."),
                params={"max": MAX_KEYWORDS},
                code="too_many",
            )
        too_long = [word for word in value if len(word) > MAX_KEYWORD_LENGTH]
        if too_long:
            raise forms.ValidationError(
                _("Dit trefwoord is te lang (hoogstens %(max)d tekens): %(word)s"),
                params={"max": MAX_KEYWORD_LENGTH, "word": too_long[0][:80]},
                code="too_long",
            )


class ScriptPageForm(WagtailAdminPageForm):
    audience = forms.MultipleChoiceField(
        label=_("doelgroep"),
        choices=AUDIENCE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    keywords = KeywordsField(
        label=_("trefwoorden"),
        required=False,
        help_text=_(
            "Woorden die burgers gebruiken, gescheiden door komma's "
            "(bv. kindergeld, kinderbijslag)."
        ),
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        submitting = "action-submit" in self.data or "action-publish" in self.data
        body = cleaned.get("body")
        if submitting and body and not (cleaned.get("plain_language_reason") or "").strip():
            from infolijn.knowledge.plain import TARGET_LEVEL, level_needing_reason

            if level := level_needing_reason(body):
                self.add_error(
                    "plain_language_reason",
                    _(
                        "Dit script is moeilijker dan %(target)s (niveau %(level)s). Maak de tekst "
                        "eenvoudiger, of leg hier uit waarom dat niet kan."
                    )
                    % {"target": TARGET_LEVEL, "level": level},
                )
        return cleaned

    def clean_body(self) -> str:
        body: str = self.cleaned_data["body"].replace("\r\n", "\n")
        if not body.strip():
            raise forms.ValidationError(_("Het script heeft nog geen inhoud."))
        # Like a text file: one final newline, so exported script files end cleanly.
        return body.rstrip() + "\n"
