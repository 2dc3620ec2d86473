"""Intake in a real browser: a partner asks, the line asks for more, the partner resubmits,
the line accepts (draft script, planning event), an agent confirms the briefing; another
partner sees nothing of it."""

import pytest

from infolijn.intake.models import Dossier
from infolijn.knowledge.models import ScriptPage
from infolijn.partners.roles import Role
from infolijn.planning.models import PartnerEvent
from tests.e2e.test_editorial_lifecycle import login
from tests.factories import make_partner, make_script, make_user
from tests.intake.factories import future_working_day


@pytest.mark.django_db(transaction=True)
def test_a_request_from_the_partner_to_an_accepted_dossier(live_server, new_page):
    partner = make_partner("Agentschap Opgroeien")
    other = make_partner("Vlaamse Belastingdienst")
    make_user(Role.PARTNER_REVIEWER, username="sofie", partner=partner)
    make_user(Role.PARTNER_REVIEWER, username="koen", partner=other)
    make_user(Role.EDITOR, username="an")
    make_user(Role.AGENT, username="yasmine")
    make_script("startbedrag", partner=partner.name, title="Startbedrag")
    base = live_server.url

    sofie = new_page()
    login(sofie, base, "sofie")
    sofie.goto(f"{base}/partner/dossiers/")
    sofie.get_by_role("link", name="Nieuwe aanvraag").click()
    sofie.get_by_label("Titel").fill("Nieuwe schoolbonus")
    sofie.get_by_label("Wat verandert er?").select_option("new_rule")
    sofie.get_by_label("Beschrijving").fill("Vanaf september verandert de schoolbonus.")
    sofie.get_by_label("Go-live", exact=True).fill(future_working_day(25).isoformat())
    sofie.get_by_label("telefoon 1700").check()
    sofie.get_by_label("website", exact=True).check()
    sofie.get_by_label("Verwachte extra contacten", exact=True).fill("140")
    sofie.get_by_label("Contactpersonen").fill("Sofie Maes, 02 000 11 11")
    sofie.get_by_label("Vraag van burgers (1)").fill("Hoeveel bedraagt de nieuwe schoolbonus?")
    sofie.get_by_role("button", name="Bewaar als ontwerp").click()
    sofie.get_by_role("button", name="Indienen bij de lijn").click()
    dossier = Dossier.objects.get()
    assert dossier.status == "submitted"

    an = new_page()
    login(an, base, "an")
    an.goto(f"{base}/intake/{dossier.reference}/")
    an.get_by_label("Toelichting voor de partner").fill("Welke bedragen gelden per leeftijd?")
    an.get_by_role("button", name="Meer informatie vragen").click()
    sofie.goto(f"{base}/partner/dossiers/{dossier.reference}/")
    assert sofie.get_by_text("Welke bedragen gelden per leeftijd?").first.is_visible()
    sofie.get_by_role("button", name="Indienen bij de lijn").click()

    an.goto(f"{base}/intake/{dossier.reference}/")
    an.get_by_role("link", name="Aanvaarden…").click()
    an.get_by_label("Toelichting voor de partner").fill("Akkoord, we schrijven het script.")
    an.get_by_label("Eigenaar bij de lijn").select_option(index=1)
    an.get_by_label("Redacteur die de scripts schrijft").select_option(index=1)
    an.get_by_role("button", name="Aanvaarden").click()
    dossier.refresh_from_db()
    assert dossier.status == "accepted"
    assert PartnerEvent.objects.filter(dossier_ref=dossier.reference).exists()
    assert ScriptPage.objects.filter(partner=partner, live=False).exists()  # the draft to write

    sofie.goto(f"{base}/partner/dossiers/{dossier.reference}/")
    assert sofie.get_by_text("aanvaard").first.is_visible()
    koen = new_page()
    login(koen, base, "koen")
    response = koen.goto(f"{base}/partner/dossiers/{dossier.reference}/")
    assert response is not None and response.status == 404
    koen.goto(f"{base}/partner/dossiers/")
    assert koen.get_by_text("Nieuwe schoolbonus").count() == 0

    yasmine = new_page()
    login(yasmine, base, "yasmine")
    yasmine.goto(f"{base}/wat-is-nieuw/")
    assert yasmine.get_by_text("Startbedrag").first.is_visible()
    yasmine.get_by_role("button", name="Gelezen").click()
    yasmine.goto(f"{base}/wat-is-nieuw/")
    assert yasmine.get_by_role("button", name="Gelezen").count() == 0
