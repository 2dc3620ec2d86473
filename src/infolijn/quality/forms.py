"""Forms of the quality screens; Dutch messages tied to fields."""

import datetime as dt

from django import forms
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import UploadedFile

from infolijn.partners.roles import Role
from infolijn.quality.models import EvaluationForm
from infolijn.quality.models.flags import COMMENT_MAX_LENGTH, FlagReason
from infolijn.quality.models.mystery import AllocationMethod
from infolijn.quality.mystery import MAX_UPLOAD_BYTES
from infolijn.quality.recordings import recording_problem

MAX_DURATION_SECONDS = 6 * 3600


class RecordingForm(forms.Form):
    file = forms.FileField(label="Opname (WAV, MP3 of OGG, max. 50 MB)")
    duration_seconds = forms.IntegerField(
        label="Duur in seconden (niet verplicht)",
        required=False,
        min_value=1,
        max_value=MAX_DURATION_SECONDS,
    )

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        problem = recording_problem(upload)
        if problem:
            raise forms.ValidationError(problem)
        return upload


class SampleForm(forms.Form):
    week = forms.CharField(
        label="Week (bv. 2026-W47)", max_length=8, help_text="ISO-jaar en weeknummer."
    )
    per_agent = forms.IntegerField(label="Gesprekken per voorlichter", min_value=1, max_value=50)
    per_partner = forms.IntegerField(
        label="Minimum per partner", min_value=0, max_value=100, initial=0
    )

    def clean_week(self) -> tuple[int, int]:
        text = self.cleaned_data["week"].strip().upper()
        try:
            year, week = text.split("-W")
            monday = dt.date.fromisocalendar(int(year), int(week), 1)
        except ValueError:
            raise forms.ValidationError("Geef een week als 2026-W47.") from None
        return monday.isocalendar().year, monday.isocalendar().week


class DisputeForm(forms.Form):
    text = forms.CharField(
        label="Waarom ben je het niet eens?", widget=forms.Textarea, max_length=4000
    )


class ResolveForm(forms.Form):
    reply = forms.CharField(label="Beslissing en uitleg", widget=forms.Textarea, max_length=4000)


def _evaluators() -> forms.ModelMultipleChoiceField:
    people = (
        get_user_model()
        .objects.filter(
            groups__name__in=[Role.QUALITY_MONITOR.value, Role.TEAM_LEAD.value], is_active=True
        )
        .distinct()
        .order_by("username")
    )
    return forms.ModelMultipleChoiceField(
        queryset=people, label="Beoordelaars", widget=forms.CheckboxSelectMultiple
    )


class CalibrationForm(forms.Form):
    title = forms.CharField(label="Titel", max_length=200)
    contact = forms.IntegerField(label="Nummer van het gesprek", min_value=1)
    form = forms.ModelChoiceField(
        queryset=EvaluationForm.objects.filter(active=True), label="Formulier"
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["evaluators"] = _evaluators()

    def clean_evaluators(self) -> list:
        people = list(self.cleaned_data["evaluators"])
        if len(people) < 2:
            raise forms.ValidationError("Kies minstens twee beoordelaars.")
        return people


class CampaignForm(forms.Form):
    name = forms.CharField(label="Naam", max_length=200)
    year = forms.IntegerField(label="Jaar", min_value=2000, max_value=2100)
    margin = forms.DecimalField(
        label="Foutenmarge (bv. 0,05 voor ±5 procentpunt)",
        min_value=0.01,
        max_value=0.5,
        decimal_places=3,
        localize=True,
    )
    confidence = forms.TypedChoiceField(
        label="Betrouwbaarheid",
        choices=[("0.90", "90 %"), ("0.95", "95 %"), ("0.99", "99 %")],
        initial="0.95",
    )
    method = forms.ChoiceField(label="Verdeling", choices=AllocationMethod.choices)
    minimum_per_stratum = forms.IntegerField(
        label="Minimum per stratum", min_value=0, max_value=50, initial=0
    )
    starts_on = forms.DateField(label="Eerste dag (JJJJ-MM-DD)")
    ends_on = forms.DateField(label="Laatste dag (JJJJ-MM-DD)")

    def clean(self) -> dict:
        data = super().clean() or {}
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", "De laatste dag ligt voor de eerste dag.")
        if start and end and (end - start).days > 366:
            self.add_error("ends_on", "Een campagne duurt hoogstens een jaar.")
        return data


class ResultsUploadForm(forms.Form):
    file = forms.FileField(label="Resultaten (CSV)")

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        if not upload.size:
            raise forms.ValidationError("Het bestand is leeg.")
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("Het bestand is groter dan 5 MB.")
        return upload


class FlagForm(forms.Form):
    reason = forms.ChoiceField(label="Wat is er mis?", choices=FlagReason.choices)
    comment = forms.CharField(
        label="Toelichting", widget=forms.Textarea, max_length=COMMENT_MAX_LENGTH
    )
