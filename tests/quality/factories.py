"""Factories for the quality app's tests (built through the app's actions where there is one)."""

import datetime as dt
import struct

from django.core.files.uploadedfile import SimpleUploadedFile

from infolijn.calendar import BRUSSELS
from infolijn.quality.evaluations import save_evaluation
from infolijn.quality.models import EvaluationForm, EvaluationQuestion
from infolijn.quality.recordings import add_recording
from tests.factories import make_contact

AT = dt.datetime(2026, 3, 10, 10, 0, tzinfo=BRUSSELS)


def wav_bytes(seconds: float = 0.1, rate: int = 8000) -> bytes:
    frames = int(seconds * rate)
    data = b"\x00\x00" * frames
    header = b"RIFF" + struct.pack("<I", 36 + len(data)) + b"WAVE"
    fmt = b"fmt " + struct.pack("<IHHIIHH", 16, 1, 1, rate, rate * 2, 2, 16)
    return header + fmt + b"data" + struct.pack("<I", len(data)) + data


def make_form(name: str = "Standaard beluistering") -> EvaluationForm:
    form = EvaluationForm.objects.create(name=name, pass_percentage=60)
    EvaluationQuestion.objects.create(form=form, position=1, text="Begroeting", weight=1)
    EvaluationQuestion.objects.create(
        form=form,
        position=2,
        text="Juiste informatie gegeven",
        weight=3,
        critical=True,
        comment_rule="on_fail",
    )
    EvaluationQuestion.objects.create(
        form=form, position=3, text="Klare taal", kind="scale", max_score=4, weight=2
    )
    EvaluationQuestion.objects.create(
        form=form, position=4, text="Doorverwezen waar nodig", weight=1, na_allowed=True
    )
    return form


def good_answers(form: EvaluationForm) -> dict[str, dict]:
    answers = {}
    for q in form.questions.all():
        value: bool | int = q.max_score if q.kind == "scale" else True
        answers[q.key] = {"value": value, "na": False, "comment": ""}
    return answers


def post_data(form: EvaluationForm, **overrides: str) -> dict[str, str]:
    """POST fields of the scoring form with every question passed; overrides by question text."""
    data = {}
    for q in form.questions.all():
        data[f"q{q.key}"] = str(q.max_score) if q.kind == "scale" else "ja"
        data[f"c{q.key}"] = ""
    for text, value in overrides.items():
        q = form.questions.get(text=text.replace("_", " "))
        data[f"q{q.key}"] = value
    return data


def make_call(partner, agent=None, received_at=AT, **fields):
    values = {
        "outcome": "answered",
        "answered_at": received_at + dt.timedelta(seconds=15),
        "closed_at": received_at + dt.timedelta(minutes=4),
    }
    values.update(fields)
    contact = make_contact(partner, received_at, **values)
    if agent is not None:
        contact.handled_by = agent
        contact.save(update_fields=["handled_by"])
    return contact


def make_evaluation(contact, form, evaluator, *, submit: bool = True, answers=None):
    evaluation, result = save_evaluation(
        contact=contact,
        form=form,
        answers=answers if answers is not None else good_answers(form),
        submit=submit,
        actor=evaluator,
    )
    assert evaluation is not None, result.issues
    return evaluation


def make_recording(contact, actor, data: bytes | None = None):
    upload = SimpleUploadedFile("gesprek.wav", data or wav_bytes(), content_type="audio/wav")
    return add_recording(contact=contact, upload=upload, duration_seconds=1, actor=actor)
