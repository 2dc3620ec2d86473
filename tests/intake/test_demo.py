"""The intake demo: a dossier in every state on top of a small demo world."""

import pytest
from django.utils import timezone

from infolijn.demo.intake import load_intake
from infolijn.intake.briefing import unread_overview
from infolijn.intake.models import BriefingRead, Dossier, DossierStatus, TrainingInvitation
from infolijn.intake.readiness import readiness_of
from infolijn.partners.roles import Role
from tests.factories import make_script, make_user


@pytest.mark.django_db
def test_demo_without_staff_creates_nothing(partner_a):
    assert load_intake(timezone.now()) == 0
    assert not Dossier.objects.exists()


@pytest.mark.django_db
def test_demo_has_every_state_training_and_briefings(partner_a, partner_b, reviewer_a, reviewer_b):
    for username, role in (
        ("redacteur", Role.EDITOR),
        ("redacteur2", Role.EDITOR),
        ("teamleider", Role.TEAM_LEAD),
        ("voorlichter", Role.AGENT),
        ("voorlichter2", Role.AGENT),
    ):
        make_user(role, username=username)
    for script_id in ("groeipakket-basisbedrag", "groeipakket-zorgtoeslag", "groeipakket-adoptie"):
        make_script(script_id, partner=partner_a.name)
    make_script("aanslagbiljet", partner=partner_b.name, themes=("Belastingen",))
    now = timezone.now()
    assert load_intake(now) == 6
    assert set(Dossier.objects.values_list("status", flat=True)) == set(DossierStatus.values)
    live = Dossier.objects.get(status=DossierStatus.LIVE)
    assert readiness_of(live, timezone.now()).complete
    accepted = Dossier.objects.get(status=DossierStatus.ACCEPTED)
    codes = [p.status for p in readiness_of(accepted, timezone.now()).scripts]
    assert "Wacht op goedkeuring van de partner" in codes
    assert TrainingInvitation.objects.filter(attended=True).exists()
    assert TrainingInvitation.objects.filter(attended__isnull=True).exists()
    assert BriefingRead.objects.count() == 2
    unread = {s.agent.get_username(): s.unread for s in unread_overview(timezone.now())}
    assert unread["voorlichter"] == 0 and unread["voorlichter2"] > 0
