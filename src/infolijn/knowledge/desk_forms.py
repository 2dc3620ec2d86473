"""Forms of the knowledge views (the page editor's form is in forms.py, used by the model)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from infolijn.knowledge.models import ScriptPage, ThemePage


class DeskFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Zoek een script"),
        required=False,
        max_length=200,
        error_messages={"max_length": _("Je zoekvraag is te lang (hoogstens 200 tekens).")},
    )
    theme = forms.ModelChoiceField(
        label=_("Thema"),
        queryset=ThemePage.objects.none(),
        required=False,
        empty_label=_("Alle thema's"),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = ThemePage.objects.live().order_by("title")  # type: ignore[attr-defined]

    def clean_q(self) -> str:
        return " ".join(self.cleaned_data["q"].split())


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom trek je dit script in?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": _("Geef een reden op.")},
    )
    replacement = forms.ModelChoiceField(
        label=_("Verwijs bezoekers door naar"),
        queryset=ScriptPage.objects.none(),
        required=False,
        empty_label=_("het hoofdthema van het script"),
    )

    def __init__(self, *args, exclude_pk: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["replacement"].queryset = (  # type: ignore[attr-defined]
            ScriptPage.objects.live().exclude(pk=exclude_pk).order_by("title")
        )
