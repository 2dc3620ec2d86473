"""The desk in the browser's terms (HTTP): the queue, taking, composing with passages and
templates, preview, send, forward, mail that needs a person, and who may do what."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from infolijn.contacts.mailintake import take_in_message
from infolijn.contacts.models import (
    Contact,
    InboundMessage,
    MailKind,
    PersonalDataAccess,
    ReplyTemplate,
)
from infolijn.partners.models import Partner
from infolijn.partners.roles import Role
from infolijn.search import service
from tests.contacts.test_desk_mail import citizen_mail
from tests.factories import make_agreement, make_contact, make_script, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(client, agent, partner_a):
    Partner.objects.filter(pk=partner_a.pk).update(
        email="info@opgroeien.test", second_line_email="tweedelijn@opgroeien.test"
    )
    make_agreement(partner_a)
    client.force_login(agent)
    return client


def mail_in(subject="Vraag over het startbedrag", body="Wanneer wordt het betaald?", **kw):
    take_in_message(raw=citizen_mail(subject=subject, body=body, **kw))
    return Contact.objects.order_by("-pk").first()


def test_queue_lists_open_emails_due_first_with_their_state(desk, partner_a):
    later = mail_in(subject="Later")
    sooner = make_contact(  # the mail is dated 22 June 2026
        partner_a, dt.datetime(2026, 6, 1, 9, tzinfo=dt.UTC), channel="email", outcome="open"
    )
    make_contact(
        partner_a, timezone.now(), channel="phone", outcome="answered", answered_at=timezone.now()
    )
    html = desk.get(reverse("contacts:queue")).content.decode()
    assert html.index(f"IL-{sooner.pk}") < html.index(f"IL-{later.pk}")
    assert "te laat" in html
    fresh = make_contact(partner_a, timezone.now(), channel="webform", outcome="open")
    overdue = desk.get(reverse("contacts:queue") + "?view=te-laat").content.decode()
    assert f"IL-{sooner.pk}<" in overdue and f"IL-{fresh.pk}<" not in overdue
    webforms = desk.get(reverse("contacts:queue") + "?channel=webform").content.decode()
    assert f"IL-{fresh.pk}<" in webforms and f"IL-{later.pk}<" not in webforms


def test_take_then_compose_with_a_passage_and_a_template_preview_and_send(desk, partner_a):
    make_script("groeipakket-startbedrag", title="Startbedrag", summary="Je krijgt 1.214 euro.")
    service.reset()
    ReplyTemplate.objects.create(partner=partner_a, name="Groet", body="Met vriendelijke groeten")
    contact = mail_in()
    url = reverse("contacts:contact", args=[contact.pk])
    assert "Antwoorden" not in desk.get(url).content.decode()  # not taken yet
    desk.post(reverse("contacts:take", args=[contact.pk]))
    page = desk.get(url + "?zoek=startbedrag").content.decode()
    assert "groeipakket-startbedrag:0" in page
    reply_url = reverse("contacts:reply", args=[contact.pk])
    inserted = desk.post(
        reply_url, {"action": "passage", "passage": "groeipakket-startbedrag:0", "body": "Dag,"}
    ).content.decode()
    assert "Dag,\n\nJe krijgt 1.214 euro." in inserted
    assert 'value="groeipakket-startbedrag"' in inserted
    template = ReplyTemplate.objects.get()
    with_template = desk.post(
        reply_url,
        {
            "action": "template",
            "template": template.pk,
            "body": "Dag,",
            "scripts": "groeipakket-startbedrag",
        },
    ).content.decode()
    assert "Met vriendelijke groeten" in with_template
    preview = desk.post(reply_url, {"action": "preview", "body": "Dag, <b>1.214</b> euro."})
    assert "Voorbeeld" in preview.content.decode()
    assert "&lt;b&gt;1.214&lt;/b&gt;" in preview.content.decode()
    assert mail.outbox == []
    response = desk.post(
        reply_url,
        {"action": "send", "body": "Dag, 1.214 euro.", "scripts": "groeipakket-startbedrag"},
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.outcome == "answered"
    assert list(contact.script_links.values_list("script_id", flat=True)) == [
        "groeipakket-startbedrag"
    ]
    assert len(mail.outbox) == 1


def test_someone_elses_email_cannot_be_answered(desk, client):
    contact = mail_in()
    other = make_user(Role.AGENT, username="tom")
    client.force_login(other)
    client.post(reverse("contacts:take", args=[contact.pk]))
    desk.force_login(make_user(Role.AGENT, username="an"))
    refused = desk.post(reverse("contacts:take", args=[contact.pk]), follow=True)
    assert "behandelt IL-" in refused.content.decode()
    sent = desk.post(
        reverse("contacts:reply", args=[contact.pk]), {"action": "send", "body": "Antwoord"}
    )
    assert sent.status_code == 400 and "eerst in behandeling" in sent.content.decode()
    assert mail.outbox == []


def test_mail_text_is_shown_as_text_and_viewing_is_logged(desk, agent):
    contact = mail_in(body="<script>alert('x')</script> Mijn rijksregisternummer ...")
    html = desk.get(reverse("contacts:contact", args=[contact.pk])).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert PersonalDataAccess.objects.filter(contact=contact, user=agent).count() == 1


def test_forward_via_the_form(desk):
    contact = mail_in()
    desk.post(reverse("contacts:take", args=[contact.pk]))
    response = desk.post(
        reverse("contacts:forward", args=[contact.pk]),
        {"note": "Graag nakijken", "tell_citizen": "on"},
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.outcome == "forwarded"
    assert {m.to[0] for m in mail.outbox} == {"tweedelijn@opgroeien.test", "els@voorbeeld.be"}


def test_unroutable_mail_is_assigned_or_dismissed_by_a_person(desk, partner_b):
    take_in_message(raw=citizen_mail(to="onbekend@elders.test", subject="Welke dienst?"))
    take_in_message(raw=citizen_mail(to="onbekend@elders.test", subject="Gratis reizen!"))
    unclear, spam = InboundMessage.objects.order_by("id")
    page = desk.get(reverse("contacts:attention")).content.decode()
    assert "Welke dienst?" in page and "no partner has the address" in page
    desk.post(reverse("contacts:route", args=[unclear.pk]), {"partner": partner_b.pk})
    desk.post(reverse("contacts:dismiss", args=[spam.pk]), {"reason": ""})
    spam.refresh_from_db()
    assert spam.kind == MailKind.NEEDS_ATTENTION  # a reason is required
    desk.post(reverse("contacts:dismiss", args=[spam.pk]), {"reason": "reclame"})
    spam.refresh_from_db()
    unclear.refresh_from_db()
    assert (unclear.kind, spam.kind) == (MailKind.NEW_CONTACT, MailKind.DISMISSED)
    assert unclear.contact.partner == partner_b


@pytest.mark.parametrize("role", [Role.EDITOR, Role.PLANNER, Role.QUALITY_MONITOR])
def test_only_the_desk_may_take_answer_or_route(client, partner_a, role):
    Partner.objects.filter(pk=partner_a.pk).update(email="info@opgroeien.test")
    contact = mail_in()
    client.force_login(make_user(role))
    for name in ("take", "release", "reply", "forward"):
        assert client.post(reverse(f"contacts:{name}", args=[contact.pk])).status_code == 403
    contact.refresh_from_db()
    assert contact.assigned_to is None and contact.outcome == "open"
