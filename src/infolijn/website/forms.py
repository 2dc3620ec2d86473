from django import forms
from django.utils.translation import gettext_lazy as _


class FeedbackForm(forms.Form):
    useful = forms.TypedChoiceField(
        label=_("Was deze informatie nuttig?"),
        choices=[("ja", _("Ja")), ("nee", _("Nee"))],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies ja of nee.")},
    )
    comment = forms.CharField(
        label=_("Wat kunnen we beter doen? (optioneel, geen persoonsgegevens)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Je opmerking is te lang (hoogstens 1000 tekens).")},
    )
    # A field people do not see and bots fill in.
    website = forms.CharField(
        required=False, widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"})
    )
