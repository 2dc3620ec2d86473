"""Forms for intake screens: they validate in Dutch and return domain values to the actions."""

import datetime as dt
from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import QuerySet

from infolijn.intake.access import active_agents, editors, line_staff_users
from infolijn.intake.actions import DEFAULT_LEAD_DAYS, DateValues, DossierValues, QuestionValues
from infolijn.intake.models import (
    ESTIMATE_CHANNELS,
    DateKind,
    Dossier,
    DossierKind,
    EstimateUnit,
    SiteChannel,
)

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
REQUIRED = {"required": "Vul dit veld in."}
BAD_DATE = {"required": "Vul een datum in.", "invalid": "Geef een geldige datum (dd-mm-jjjj)."}


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.get_full_name() or obj.get_username()


class DossierForm(forms.Form):
    title = forms.CharField(label="Titel", max_length=200, error_messages=REQUIRED)
    kind = forms.ChoiceField(
        label="Wat verandert er?", choices=DossierKind.choices, error_messages=REQUIRED
    )
    description = forms.CharField(
        label="Beschrijving",
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages=REQUIRED,
    )
    go_live = forms.DateField(label="Go-live", widget=DATE_INPUT, error_messages=BAD_DATE)
    channels = forms.MultipleChoiceField(
        label="Kanalen",
        choices=SiteChannel.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Kies minstens één kanaal."},
    )
    estimate_number = forms.IntegerField(
        label="Verwachte extra contacten",
        min_value=0,
        max_value=1_000_000,
        initial=0,
        error_messages={
            "required": "Vul een aantal in (0 als je geen extra contacten verwacht).",
            "invalid": "Geef een geheel getal.",
            "min_value": "Het aantal kan niet negatief zijn.",
            "max_value": "Dat zijn er te veel: hoogstens 1 000 000.",
        },
    )
    estimate_unit = forms.ChoiceField(label="Per", choices=EstimateUnit.choices)
    estimate_channel = forms.ChoiceField(
        label="Kanaal van de extra contacten", choices=ESTIMATE_CHANNELS
    )
    estimate_days = forms.IntegerField(
        label="Over hoeveel dagen na de go-live",
        min_value=1,
        max_value=60,
        initial=28,
        error_messages={
            "required": "Vul een aantal dagen in.",
            "invalid": "Geef een geheel getal.",
            "min_value": "Minstens 1 dag.",
            "max_value": "Hoogstens 60 dagen.",
        },
    )
    contact_persons = forms.CharField(
        label="Contactpersonen",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    second_line = forms.CharField(
        label="Tweede lijn (voor vragen die de lijn niet kan beantwoorden)",
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DateForm(forms.Form):
    kind = forms.ChoiceField(label="Soort", choices=DateKind.choices, required=False)
    date = forms.DateField(
        label="Datum", widget=DATE_INPUT, required=False, error_messages=BAD_DATE
    )
    note = forms.CharField(label="Toelichting", max_length=200, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("note") and not data.get("date"):
            self.add_error("date", "Vul de datum in bij deze toelichting.")
        return data


class QuestionForm(forms.Form):
    text = forms.CharField(label="Vraag van burgers", max_length=500, required=False)
    existing_script_id = forms.SlugField(
        label="Bestaand script (script-id, leeg voor een nieuw script)",
        max_length=120,
        required=False,
        error_messages={"invalid": "Een script-id heeft alleen kleine letters, cijfers en -."},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("existing_script_id") and not data.get("text"):
            self.add_error("text", "Schrijf de vraag bij dit script.")
        return data


DateFormSet = forms.formset_factory(DateForm, extra=3, max_num=30, absolute_max=30)
QuestionFormSet = forms.formset_factory(QuestionForm, extra=3, max_num=50, absolute_max=50)


def dossier_initial(dossier: Dossier) -> tuple[dict[str, Any], list[dict], list[dict]]:
    initial = {
        name: getattr(dossier, name)
        for name in DossierForm.base_fields
        if name != "channels" and hasattr(dossier, name)
    }
    initial["channels"] = dossier.channels
    dates = [{"kind": d.kind, "date": d.date, "note": d.note} for d in dossier.dates.all()]
    questions = [
        {"text": q.text, "existing_script_id": q.existing_script_id}
        for q in dossier.questions.filter(origin="intake")
    ]
    return initial, dates, questions


def dossier_values(
    form: DossierForm, dates: forms.BaseFormSet, questions: forms.BaseFormSet
) -> DossierValues:
    data = form.cleaned_data
    return DossierValues(
        title=data["title"].strip(),
        kind=data["kind"],
        description=data["description"].strip(),
        go_live=data["go_live"],
        channels=tuple(data["channels"]),
        estimate_number=data["estimate_number"],
        estimate_unit=data["estimate_unit"],
        estimate_channel=data["estimate_channel"],
        estimate_days=data["estimate_days"],
        contact_persons=data["contact_persons"].strip(),
        second_line=data["second_line"].strip(),
        dates=tuple(
            DateValues(kind=d["kind"] or DateKind.OTHER, date=d["date"], note=d.get("note", ""))
            for d in dates.cleaned_data
            if d.get("date")
        ),
        questions=tuple(
            QuestionValues(text=q["text"], existing_script_id=q.get("existing_script_id", ""))
            for q in questions.cleaned_data
            if q.get("text", "").strip()
        ),
    )


class CommentForm(forms.Form):
    comment = forms.CharField(
        label="Toelichting voor de partner",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Schrijf een toelichting: de partner ziet waarom."},
    )


class SubmitForm(forms.Form):
    comment = forms.CharField(
        label="Opmerking bij het indienen (niet verplicht)",
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AcceptForm(CommentForm):
    owner = UserChoiceField(
        label="Eigenaar bij de lijn",
        queryset=line_staff_users(),
        error_messages={"required": "Kies de eigenaar.", "invalid_choice": "Kies de eigenaar."},
    )
    editor = UserChoiceField(
        label="Redacteur die de scripts schrijft",
        queryset=editors(),
        error_messages={"required": "Kies een redacteur.", "invalid_choice": "Kies een redacteur."},
    )
    lead_days = forms.IntegerField(
        label="Scripts klaar hoeveel werkdagen voor de go-live",
        min_value=0,
        max_value=60,
        initial=DEFAULT_LEAD_DAYS,
        error_messages={
            "required": "Vul een aantal werkdagen in.",
            "min_value": "Niet negatief.",
            "max_value": "Hoogstens 60 werkdagen.",
        },
    )
    training_minutes = forms.IntegerField(
        label="Duur van de opleiding (minuten)",
        min_value=30,
        max_value=480,
        initial=60,
        error_messages={"min_value": "Minstens 30 minuten.", "max_value": "Hoogstens 480."},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = line_staff_users()  # type: ignore[attr-defined]
        self.fields["editor"].queryset = editors()  # type: ignore[attr-defined]


class RevisionForm(CommentForm):
    script_id = forms.ChoiceField(label="Script")
    editor = UserChoiceField(label="Redacteur", queryset=editors())

    def __init__(self, *args: Any, script_ids: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["script_id"].choices = [(s, s) for s in script_ids]  # type: ignore[attr-defined]
        self.fields["editor"].queryset = editors()  # type: ignore[attr-defined]
        self.fields["comment"].label = "Wat moet er beter?"


class SessionForm(forms.Form):
    proposal = forms.ChoiceField(
        label="Voorgestelde momenten", required=False, widget=forms.RadioSelect
    )
    title = forms.CharField(label="Onderwerp", max_length=200, error_messages=REQUIRED)
    date = forms.DateField(
        label="Datum (als je geen voorstel kiest)",
        widget=DATE_INPUT,
        required=False,
        error_messages=BAD_DATE,
    )
    start_time = forms.TimeField(
        label="Begin (als je geen voorstel kiest)",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": "Geef een uur als 09:30."},
    )
    length_minutes = forms.IntegerField(
        label="Duur (minuten)",
        validators=[MinValueValidator(15), MaxValueValidator(480)],
        error_messages={"required": "Vul de duur in.", "invalid": "Geef een aantal minuten."},
    )
    trainer = UserChoiceField(label="Opleider", queryset=line_staff_users(), required=False)
    capacity = forms.IntegerField(
        label="Plaatsen",
        min_value=1,
        max_value=500,
        initial=12,
        error_messages={"required": "Vul het aantal plaatsen in.", "min_value": "Minstens 1."},
    )
    location = forms.CharField(label="Plaats", max_length=200, error_messages=REQUIRED)
    invite_all = forms.BooleanField(label="Alle voorlichters uitnodigen", required=False)
    agents = forms.ModelMultipleChoiceField(
        label="Of kies voorlichters",
        queryset=active_agents(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, proposals: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["proposal"].choices = proposals  # type: ignore[attr-defined]
        self.fields["trainer"].queryset = line_staff_users()  # type: ignore[attr-defined]
        self.fields["agents"].queryset = active_agents()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("proposal"):
            moment = dt.datetime.fromisoformat(data["proposal"])
            data["date"], data["start_time"] = moment.date(), moment.time()
        else:
            if not data.get("date") and "date" not in self.errors:
                self.add_error("date", "Kies een voorgesteld moment of vul een datum in.")
            if not data.get("start_time") and "start_time" not in self.errors:
                self.add_error("start_time", "Vul het beginuur in.")
        if not data.get("invite_all") and not data.get("agents"):
            self.add_error("agents", "Nodig alle voorlichters uit of kies er minstens één.")
        return data

    def invitees(self) -> list[User]:
        if self.cleaned_data.get("invite_all"):
            return list(active_agents())
        agents: QuerySet = self.cleaned_data["agents"]
        return list(agents)


class ConfirmBriefingForm(forms.Form):
    until = forms.DateTimeField(
        widget=forms.HiddenInput,
        error_messages={
            "required": "Laad de pagina opnieuw.",
            "invalid": "Laad de pagina opnieuw.",
        },
    )
