"""The public contact form: stored first, a web-form contact with its due moment, a reference."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from infolijn.contacts.models import Contact
from infolijn.website.actions import erase_old_contact_form_data
from infolijn.website.models import ContactFormMessage

pytestmark = pytest.mark.django_db


def test_a_question_becomes_a_webform_contact_with_a_reference(client, partner_a):
    response = client.post(
        reverse("website:contact"),
        {
            "partner": partner_a.pk,
            "name": "Els",
            "email": "els@voorbeeld.be",
            "question": "Wanneer krijg ik het startbedrag?",
        },
    )
    html = response.content.decode()
    contact = Contact.objects.get()
    assert (contact.channel, contact.partner, contact.outcome) == ("webform", partner_a, "open")
    assert contact.due_at is not None
    assert f"IL-{contact.pk}" in html
    assert ContactFormMessage.objects.get().contact == contact


def test_without_a_partner_the_message_is_kept_for_a_team_lead(client):
    response = client.post(
        reverse("website:contact"),
        {
            "partner": "",
            "name": "Jan",
            "email": "jan@voorbeeld.be",
            "question": "Ik heb een vraag over mijn rijbewijs.",
        },
    )
    message = ContactFormMessage.objects.get()
    assert message.contact is None
    assert f"WF-{message.pk}" in response.content.decode()
    assert not Contact.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "", "email": "a@b.be", "question": "Een echte vraag hier."}, "Vul je naam in."),
        (
            {"name": "An", "email": "geen-adres", "question": "Een echte vraag hier."},
            "Dit e-mailadres klopt niet",
        ),
        ({"name": "An", "email": "a@b.be", "question": "kort"}, "Je vraag is wat kort"),
        ({"name": "An", "email": "a@b.be", "question": "x" * 5001}, "te lang"),
        (
            {
                "name": "An",
                "email": "a@b.be",
                "question": "Een echte vraag hier.",
                "partner": "9999",
            },
            "Selecteer een geldige keuze",
        ),
    ],
)
def test_bad_input_is_explained_and_nothing_is_stored(client, data, message):
    response = client.post(reverse("website:contact"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ContactFormMessage.objects.exists()


def test_script_injection_is_stored_as_text_and_escaped(client, partner_a):
    client.post(
        reverse("website:contact"),
        {
            "partner": partner_a.pk,
            "name": "<script>alert(1)</script>",
            "email": "x@voorbeeld.be",
            "question": "<b>vet</b> en <script>x</script>",
        },
    )
    assert ContactFormMessage.objects.get().name == "<script>alert(1)</script>"


def test_bots_and_floods_are_stopped(client, partner_a):
    data = {
        "partner": partner_a.pk,
        "name": "An",
        "email": "an@voorbeeld.be",
        "question": "Een echte vraag hier.",
    }
    client.post(reverse("website:contact"), {**data, "website": "spam"})
    assert not ContactFormMessage.objects.exists()
    for _ in range(7):
        client.post(reverse("website:contact"), data)
    assert ContactFormMessage.objects.count() == 5


def test_personal_data_is_erased_after_the_retention_period(partner_a):
    old = ContactFormMessage.objects.create(name="An", email="an@voorbeeld.be", question="Vraag")
    ContactFormMessage.objects.filter(pk=old.pk).update(
        received_at=timezone.now() - dt.timedelta(days=800)
    )
    ContactFormMessage.objects.create(name="Bo", email="bo@voorbeeld.be", question="Nieuw")
    assert erase_old_contact_form_data() == 1
    assert erase_old_contact_form_data() == 0
    old.refresh_from_db()
    assert (old.name, old.question) == ("", "")


def test_the_form_page_works_without_javascript(client):
    html = client.get(reverse("website:contact")).content.decode()
    assert "<script" not in html.replace('<script type="application/ld+json">', "")
    assert 'name="csrfmiddlewaretoken"' in html
