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


class ContactForm(forms.Form):
    partner: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Over welke overheidsdienst gaat je vraag?"),
        queryset=None,
        required=False,
        empty_label=_("Ik weet het niet"),
    )
    name = forms.CharField(
        label=_("Je naam"), max_length=200, error_messages={"required": _("Vul je naam in.")}
    )
    email = forms.EmailField(
        label=_("Je e-mailadres"),
        max_length=254,
        error_messages={
            "required": _("Vul je e-mailadres in, dan kunnen we je antwoorden."),
            "invalid": _("Dit e-mailadres klopt niet. Controleer het, bv. naam@voorbeeld.be."),
        },
    )
    question = forms.CharField(
        label=_("Je vraag"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Schrijf je vraag."),
            "max_length": _("Je vraag is te lang (hoogstens 5000 tekens)."),
        },
    )
    website = forms.CharField(
        required=False, widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"})
    )

    def __init__(self, *args, **kwargs) -> None:
        from infolijn.partners.models import Partner

        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Partner.objects.filter(active=True).order_by("name")  # type: ignore[attr-defined]

    def clean_question(self) -> str:
        question = self.cleaned_data["question"].strip()
        if len(question) < 10:
            raise forms.ValidationError(
                _("Je vraag is wat kort. Beschrijf in een paar woorden waarover het gaat.")
            )
        return question
