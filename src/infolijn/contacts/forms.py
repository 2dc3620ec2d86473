from django import forms
from django.utils.translation import gettext_lazy as _

from infolijn.contacts.desk import CALL_BACK
from infolijn.contacts.models import Outcome


class DeskCallForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Resultaat"),
        choices=[
            (Outcome.ANSWERED, _("beantwoord")),
            (Outcome.FORWARDED, _("doorgestuurd naar de partner")),
            (CALL_BACK, _("terugbellen")),
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


class QueueFilterForm(forms.Form):
    view = forms.ChoiceField(required=False)
    partner: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Partner"), queryset=None, required=False, empty_label=_("Alle partners")
    )
    channel = forms.ChoiceField(
        label=_("Kanaal"),
        required=False,
        choices=[
            ("", _("E-mail en webformulier")),
            ("email", _("e-mail")),
            ("webform", _("webformulier")),
        ],
    )

    def __init__(self, *args, views: dict[str, str], **kwargs) -> None:
        from infolijn.partners.models import Partner

        super().__init__(*args, **kwargs)
        self.fields["view"].choices = list(views.items())  # type: ignore[attr-defined]
        self.fields["partner"].queryset = Partner.objects.filter(active=True).order_by("name")  # type: ignore[attr-defined]


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Je antwoord"),
        widget=forms.Textarea(attrs={"rows": 14}),
        required=False,
    )
    scripts = forms.CharField(widget=forms.HiddenInput, required=False)
    template: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Sjabloon"), queryset=None, required=False, empty_label=_("Kies een sjabloon")
    )
    passage = forms.CharField(required=False, max_length=200)

    def __init__(self, *args, partner, **kwargs) -> None:
        from django.db.models import Q

        from infolijn.contacts.models import ReplyTemplate

        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = ReplyTemplate.objects.filter(  # type: ignore[attr-defined]
            Q(partner=partner) | Q(partner__isnull=True)
        )

    def script_ids(self) -> list[str]:
        raw = self.cleaned_data.get("scripts", "") if hasattr(self, "cleaned_data") else ""
        return [item for item in raw.split(",") if item][:50]


class ForwardForm(forms.Form):
    note = forms.CharField(
        label=_("Toelichting voor de partner"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
        error_messages={"max_length": _("Hou de toelichting korter dan 2000 tekens.")},
    )
    tell_citizen = forms.BooleanField(
        label=_("Laat de burger weten dat we de vraag doorsturen"), required=False, initial=True
    )


class RouteForm(forms.Form):
    partner: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Voor welke partner is dit bericht?"),
        queryset=None,
        error_messages={"required": _("Kies een partner.")},
    )

    def __init__(self, *args, **kwargs) -> None:
        from infolijn.partners.models import Partner

        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Partner.objects.filter(active=True).order_by("name")  # type: ignore[attr-defined]


class DismissForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom is dit geen vraag van een burger?"),
        max_length=500,
        error_messages={"required": _("Geef kort aan waarom (bv. reclame, nieuwsbrief).")},
    )
