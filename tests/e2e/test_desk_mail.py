"""The e-mail desk in a real browser: two agents, one e-mail; compose from a script passage;
send; the citizen gets the answer with the reference."""

import pytest
from django.core import mail

from infolijn.contacts.mailintake import take_in_message
from infolijn.contacts.models import Contact
from infolijn.partners.models import Partner
from infolijn.partners.roles import Role
from infolijn.search import service
from tests.contacts.test_desk_mail import citizen_mail
from tests.e2e.test_editorial_lifecycle import login
from tests.factories import make_partner, make_script, make_user


@pytest.mark.django_db(transaction=True)
def test_two_agents_one_email_and_an_answer_from_a_passage(live_server, new_page, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    partner = make_partner("Agentschap Opgroeien")
    Partner.objects.filter(pk=partner.pk).update(email="info@opgroeien.test")
    make_user(Role.AGENT, username="yasmine")
    make_user(Role.AGENT, username="lars")
    make_script(
        "startbedrag",
        partner=partner.name,
        title="Startbedrag van het Groeipakket",
        summary="Je krijgt een startbedrag van 1.214 euro bij de geboorte.",
    )
    service.reset()
    take_in_message(raw=citizen_mail(subject="Startbedrag", body="Hoeveel is het startbedrag?"))
    contact = Contact.objects.get()
    base = live_server.url

    yasmine, lars = new_page(), new_page()
    login(yasmine, base, "yasmine")
    login(lars, base, "lars")
    for page in (yasmine, lars):
        page.goto(f"{base}/balie/")
        assert page.get_by_role("link", name=f"IL-{contact.pk}").is_visible()
    yasmine.get_by_role("button", name=f"Neem IL-{contact.pk}").click()
    lars.get_by_role("button", name=f"Neem IL-{contact.pk}").click()
    assert lars.get_by_text(f"behandelt IL-{contact.pk} al").is_visible()

    yasmine.get_by_label("Zoek een script om passages in te voegen").fill("startbedrag")
    yasmine.get_by_role("button", name="Zoek", exact=True).click()
    yasmine.get_by_label("Samenvatting", exact=False).first.check()
    yasmine.get_by_role("button", name="Voeg de gekozen passage in").click()
    body = yasmine.get_by_label("Je antwoord")
    assert "1.214 euro" in body.input_value()
    body.fill("Dag Els,\n\n" + body.input_value() + "\n\nMet vriendelijke groeten")
    yasmine.get_by_role("button", name="Verstuur het antwoord").click()
    assert yasmine.get_by_text(f"Antwoord op IL-{contact.pk} verstuurd.").is_visible()

    contact.refresh_from_db()
    assert contact.outcome == "answered"
    assert list(contact.script_links.values_list("script_id", flat=True)) == ["startbedrag"]
    [answer] = mail.outbox
    assert answer.subject.startswith(f"[IL-{contact.pk}]") and "1.214 euro" in answer.body
