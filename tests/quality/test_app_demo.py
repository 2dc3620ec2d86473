"""The quality demo: works with or without contacts, and a second call adds nothing."""

import datetime as dt

from django.utils import timezone

from infolijn.demo.quality import FORM_NAME, load_quality
from infolijn.partners.roles import Role
from infolijn.quality.models import (
    CalibrationSession,
    DailyContactFact,
    Evaluation,
    EvaluationForm,
    EvaluationStatus,
    MysteryCall,
    ScriptFlag,
)
from tests.factories import make_script, make_user
from tests.quality.factories import make_call


def test_demo_without_contacts_adds_the_form_and_skips_the_rest(partner_a):
    make_script("groeipakket", partner=partner_a.name)
    added = load_quality(timezone.now())
    form = EvaluationForm.objects.get(name=FORM_NAME)
    assert form.questions.count() == 8
    assert form.questions.filter(text="Juiste informatie gegeven", critical=True).exists()
    assert ScriptFlag.objects.count() == 1
    assert "evaluations" not in added
    assert not Evaluation.objects.exists()


def test_demo_with_contacts(partner_a, partner_b):
    make_user(Role.QUALITY_MONITOR, username="kwaliteit")
    make_user(Role.TEAM_LEAD, username="teamleider")
    make_user(Role.AGENT, username="voorlichter")
    make_script("groeipakket", partner=partner_a.name)
    make_script("belastingen", partner=partner_b.name)
    now = timezone.now()
    for day in range(1, 60):
        for partner in (partner_a, partner_b):
            make_call(partner, received_at=now - dt.timedelta(days=day, hours=day % 5))
    added = load_quality(now)
    assert Evaluation.objects.regular().filter(status=EvaluationStatus.DISPUTED).count() == 1
    session = CalibrationSession.objects.get()
    assert session.evaluations.count() == 3
    assert MysteryCall.objects.exists()
    assert MysteryCall.objects.filter(called_at__isnull=False).count() == added["mystery_calls"] > 0
    assert DailyContactFact.objects.exists()
    assert load_quality(now) == {}
    assert EvaluationForm.objects.count() == 1
