from django import forms
from django.utils.translation import gettext_lazy as _


class CitizenForm(forms.Form):
    """Ties each field's error message to the field (`aria-describedby`), for screen readers."""

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["aria-describedby"] = f"{self[name].auto_id}-fout"


class FeedbackForm(CitizenForm):
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


class ContactForm(CitizenForm):
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


class OrderForm(CitizenForm):
    quantity = forms.TypedChoiceField(label=_("Aantal exemplaren"), coerce=int)
    name = forms.CharField(
        label=_("Je naam"), max_length=200, error_messages={"required": _("Vul je naam in.")}
    )
    street = forms.CharField(
        label=_("Straat en huisnummer"),
        max_length=200,
        error_messages={"required": _("Vul je straat en huisnummer in.")},
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=4,
        min_length=4,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code"}),
        error_messages={
            "required": _("Vul je postcode in."),
            "min_length": _("Een Belgische postcode heeft 4 cijfers, bv. 1000."),
            "max_length": _("Een Belgische postcode heeft 4 cijfers, bv. 1000."),
        },
    )
    municipality = forms.CharField(
        label=_("Gemeente"),
        max_length=100,
        error_messages={"required": _("Vul je gemeente in.")},
    )
    website = forms.CharField(
        required=False, widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"})
    )

    def __init__(self, *args, max_quantity: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        quantity = self.fields["quantity"]
        quantity.choices = [(n, str(n)) for n in range(1, max_quantity + 1)]  # type: ignore[attr-defined]
        quantity.error_messages["invalid_choice"] = f"Kies een aantal van 1 tot {max_quantity}."
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["street"].widget.attrs["autocomplete"] = "street-address"
        self.fields["municipality"].widget.attrs["autocomplete"] = "address-level2"

    def clean_postcode(self) -> str:
        postcode = self.cleaned_data["postcode"].strip()
        if not postcode.isascii() or not postcode.isdigit() or not 1000 <= int(postcode) <= 9999:
            raise forms.ValidationError(_("Een Belgische postcode heeft 4 cijfers, bv. 1000."))
        return postcode
