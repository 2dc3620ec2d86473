from django import forms
from django.utils.translation import gettext_lazy as _


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Waar zoek je informatie over?"),
        max_length=200,
        required=False,
        error_messages={"max_length": _("Je zoekvraag is te lang (hoogstens 200 tekens).")},
        widget=forms.TextInput(
            attrs={"type": "search", "autocomplete": "off", "spellcheck": "false"}
        ),
    )

    def clean_q(self) -> str:
        return " ".join(self.cleaned_data["q"].split())
