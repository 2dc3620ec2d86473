from django import forms
from django.utils.translation import gettext_lazy as _

from infolijn.contacts.models import Outcome


class DeskCallForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Resultaat"),
        choices=[
            (Outcome.ANSWERED, _("beantwoord")),
            (Outcome.FORWARDED, _("doorgestuurd naar de partner")),
        ],
        initial=Outcome.ANSWERED,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies het resultaat van het gesprek.")},
    )
    note = forms.CharField(
        label=_("Korte nota (zonder persoonsgegevens)"),
        max_length=500,
        required=False,
        error_messages={"max_length": _("Hou de nota kort: hoogstens 500 tekens.")},
    )
