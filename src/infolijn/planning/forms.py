"""Planning forms: Dutch messages tied to the field at fault; they return domain values."""

import datetime as dt
from decimal import Decimal
from typing import Any, cast

from django import forms

from infolijn.partners.models import Channel, Partner
from infolijn.planning.models import (
    MAX_HORIZON_DAYS,
    EventKind,
    ForecastSnapshot,
    Freq,
    PartnerEvent,
)
from infolijn.planning.staffing_plans import PlanParameters

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_ERRORS = {"invalid": "Geef een geldige datum, bv. 2026-03-02.", "required": "Geef een datum."}


def _whole(label: str, low: int, high: int, **kwargs: Any) -> forms.IntegerField:
    name = label.replace("%", "%%")  # Django %-formats these messages
    return forms.IntegerField(
        label=label,
        min_value=low,
        max_value=high,
        error_messages={
            "invalid": f"Geef een geheel getal voor ‘{name.lower()}’.",
            "required": f"Vul ‘{name.lower()}’ in.",
            "min_value": f"‘{name}’ moet minstens {low} zijn.",
            "max_value": f"‘{name}’ mag hoogstens {high} zijn.",
        },
        **kwargs,
    )


class ForecastForm(forms.Form):
    partner = forms.ModelChoiceField(
        label="Partner",
        queryset=Partner.objects.filter(active=True),
        required=False,
        empty_label="Hele lijn (alle partners)",
        error_messages={"invalid_choice": "Kies een partner uit de lijst."},
    )
    channel = forms.ChoiceField(
        label="Kanaal",
        choices=Channel.choices,
        error_messages={"invalid_choice": "Kies een kanaal uit de lijst."},
    )
    start = forms.DateField(label="Eerste dag", widget=DATE_INPUT, error_messages=DATE_ERRORS)
    horizon_days = _whole("Aantal dagen", 1, MAX_HORIZON_DAYS, initial=28)
    freq = forms.ChoiceField(
        label="Interval",
        choices=Freq.choices,
        initial=Freq.HALF_HOUR,
        error_messages={"invalid_choice": "Kies per dag of per half uur."},
    )

    def clean_start(self) -> dt.date:
        start: dt.date = self.cleaned_data["start"]
        if not 2000 <= start.year <= 2100:
            raise forms.ValidationError("Kies een eerste dag tussen 2000 en 2100.")
        return start


class EventForm(forms.ModelForm):
    """Partner reviewers get no partner field: their events are always their own partner's."""

    class Meta:
        model = PartnerEvent
        fields = [
            "partner",
            "kind",
            "name",
            "day",
            "expected_extra",
            "channel",
            "days",
            "decay",
            "dossier_ref",
        ]
        widgets = {"day": DATE_INPUT}
        error_messages = {
            "name": {"required": "Geef de gebeurtenis een naam."},
            "day": DATE_ERRORS,
            "expected_extra": {
                "required": "Hoeveel extra contacten verwacht je?",
                "invalid": "Geef een geheel aantal contacten.",
                "min_value": "Verwacht minstens 1 extra contact.",
            },
            "kind": {"invalid_choice": "Kies een soort uit de lijst."},
            "channel": {"invalid_choice": "Kies een kanaal uit de lijst."},
            "partner": {"invalid_choice": "Kies een partner uit de lijst."},
            "days": {
                "min_value": "Het aantal dagen moet minstens 1 zijn.",
                "max_value": "Het aantal dagen mag hoogstens 60 zijn.",
            },
            "decay": {
                "min_value": "De afname per dag moet minstens 0,05 zijn.",
                "max_value": "De afname per dag mag hoogstens 1 zijn.",
                "invalid": "Geef een getal, bv. 0,60.",
            },
        }

    def __init__(self, *args: Any, partner: Partner | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["kind"]).choices = EventKind.choices
        if partner is not None:
            del self.fields["partner"]
        else:
            field = cast(forms.ModelChoiceField, self.fields["partner"])
            field.queryset = Partner.objects.filter(active=True)
            field.error_messages["required"] = "Kies de partner."

    def clean_day(self) -> dt.date:
        day: dt.date = self.cleaned_data["day"]
        if not 2000 <= day.year <= 2100:
            raise forms.ValidationError("Kies een datum tussen 2000 en 2100.")
        return day


def _percent(label: str, low: int, high: int, **kwargs: Any) -> forms.DecimalField:
    name = label.replace("%", "%%")
    return forms.DecimalField(
        label=label,
        min_value=low,
        max_value=high,
        decimal_places=1,
        error_messages={
            "invalid": f"Geef een getal voor ‘{name.lower()}’, bv. 80.",
            "required": f"Vul ‘{name.lower()}’ in.",
            "min_value": f"‘{name}’ moet minstens {low} zijn.",
            "max_value": f"‘{name}’ mag hoogstens {high} zijn.",
            "max_decimal_places": f"‘{name}’: hoogstens één cijfer na de komma.",
        },
        **kwargs,
    )


class StaffingForm(forms.Form):
    snapshot = forms.ModelChoiceField(
        label="Prognose (per half uur)",
        queryset=ForecastSnapshot.objects.none(),
        error_messages={
            "required": "Kies een prognose.",
            "invalid_choice": "Kies een prognose per half uur uit de lijst.",
        },
    )
    written_snapshot = forms.ModelChoiceField(
        label="Prognose e-mail of webformulier (optioneel)",
        queryset=ForecastSnapshot.objects.none(),
        required=False,
        error_messages={"invalid_choice": "Kies een prognose voor e-mail uit de lijst."},
    )
    aht_seconds = _whole("Gemiddelde gespreksduur (seconden)", 10, 7200, initial=300)
    target_percent = _percent("Doel servicelevel (%)", 1, 100, initial=80)
    threshold_seconds = _whole("Drempel (seconden)", 0, 3600, initial=20)
    patience_seconds = _whole(
        "Gemiddeld geduld van bellers (seconden, optioneel)", 1, 7200, required=False
    )
    shrinkage_percent = _percent("Shrinkage: afwezig, pauze, opleiding (%)", 0, 90, initial=30)
    max_occupancy_percent = _percent("Maximale bezetting (%, optioneel)", 1, 100, required=False)
    email_handle_seconds = _whole("Behandeltijd per e-mail (seconden)", 10, 7200, initial=600)
    cost_per_agent_hour = forms.DecimalField(
        label="Kost per uur van een voorlichter (euro)",
        min_value=0,
        max_value=1000,
        decimal_places=2,
        initial=Decimal("38.00"),
        error_messages={
            "invalid": "Geef een bedrag, bv. 38,00.",
            "required": "Vul de kost per uur in.",
            "min_value": "De kost per uur kan niet negatief zijn.",
            "max_value": "De kost per uur mag hoogstens 1000 euro zijn.",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        half_hours = ForecastSnapshot.objects.filter(freq=Freq.HALF_HOUR).select_related("partner")
        cast(forms.ModelChoiceField, self.fields["snapshot"]).queryset = half_hours
        cast(forms.ModelChoiceField, self.fields["written_snapshot"]).queryset = half_hours.filter(
            channel__in=[Channel.EMAIL, Channel.WEBFORM]
        )

    def parameters(self, *, volume_factor: float = 1.0) -> PlanParameters:
        data = self.cleaned_data
        occupancy = data.get("max_occupancy_percent")
        return PlanParameters(
            aht_seconds=data["aht_seconds"],
            target_service_level=data["target_percent"] / 100,
            threshold_seconds=data["threshold_seconds"],
            patience_seconds=data.get("patience_seconds"),
            shrinkage=data["shrinkage_percent"] / 100,
            max_occupancy=occupancy / 100 if occupancy is not None else None,
            email_handle_seconds=data["email_handle_seconds"],
            cost_per_agent_hour=data["cost_per_agent_hour"],
            volume_factor=volume_factor,
        )


class WhatIfForm(forms.Form):
    volume_percent = _whole("Volume t.o.v. de prognose (%)", 10, 500, initial=100)
    aht_seconds = _whole("Gemiddelde gespreksduur (seconden)", 10, 7200)
    target_percent = _percent("Doel servicelevel (%)", 1, 100)


class TrainingForm(forms.Form):
    session_minutes = _whole("Duur van een sessie (minuten)", 30, 480, initial=120)
    trainees = _whole("Aantal deelnemers", 1, 500, initial=6)
    capacity = _whole("Maximum per sessie", 1, 100, initial=6)
