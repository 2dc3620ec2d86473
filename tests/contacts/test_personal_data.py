"""Personal data of citizens: erased after the retention period and on request, exported on
request; the contacts stay (anonymised) so past KPIs do not change."""

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from infolijn.contacts import desk_mail
from infolijn.contacts.mailintake import take_in_message
from infolijn.contacts.models import Contact, InboundMessage, OutboundMessage, PersonalDataAccess
from infolijn.contacts.personal_data import apply_retention, erase_subject, export_subject
from infolijn.contacts.queries import kpis_for
from infolijn.partners.models import Partner
from tests.contacts.test_desk_mail import citizen_mail

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(partner_a, agent):
    Partner.objects.filter(pk=partner_a.pk).update(email="info@opgroeien.test")
    raw = citizen_mail(body="Mijn rijksregisternummer is 85.01.01-123.45", message_id="<m1@x>")
    take_in_message(raw=raw)
    contact = Contact.objects.get()
    desk_mail.take(contact, actor=agent)
    desk_mail.send_reply(contact, actor=agent, body="Beste Els, ...", script_ids=[])
    contact.refresh_from_db()
    return contact, raw


def test_after_the_retention_period_personal_data_is_gone_but_the_kpis_stay(
    answered, partner_a, settings
):
    contact, raw = answered
    day = timezone.localdate(contact.received_at)
    before = kpis_for(partner=partner_a, start=day, end=day)
    assert apply_retention(now=timezone.now()) == 0
    settings.CONTACT_RETENTION_DAYS = 1
    later = contact.received_at + dt.timedelta(days=2)
    assert apply_retention(now=later) == 1
    assert apply_retention(now=later) == 0
    message = InboundMessage.objects.get()
    assert (bytes(message.raw), message.text, message.from_address) == (b"", "", "")
    assert message.message_id.startswith("erased:")
    answer = OutboundMessage.objects.get()
    assert (answer.to_address, answer.body) == ("", "")
    assert kpis_for(partner=partner_a, start=day, end=day) == before
    # The same message fetched again is recognised, not a new contact.
    assert take_in_message(raw=raw) == "duplicate"
    assert Contact.objects.count() == 1


def test_a_data_subject_gets_an_export_and_can_have_it_erased(answered):
    contact, _ = answered
    data = export_subject("ELS@voorbeeld.be")
    [exported] = data.contacts
    assert exported["reference"] == f"IL-{contact.pk}"
    assert "85.01.01-123.45" in exported["messages"][0]["text"]
    assert exported["answers"][0]["text"] == "Beste Els, ..."
    assert erase_subject("els@voorbeeld.be") == 1
    assert export_subject("els@voorbeeld.be").contacts == []
    contact.refresh_from_db()
    assert contact.anonymised_at is not None and contact.outcome == "answered"


def test_the_command_validates_the_address_and_prints_json(answered):
    out = StringIO()
    call_command("personal_data", "export", "els@voorbeeld.be", stdout=out)
    assert json.loads(out.getvalue())["contacts"][0]["channel"] == "email"
    with pytest.raises(CommandError, match="not an e-mail address"):
        call_command("personal_data", "erase", "<script>")
    out = StringIO()
    call_command("personal_data", "erase", "els@voorbeeld.be", stdout=out)
    assert "erased from 1 contact" in out.getvalue()


def test_old_access_logs_are_removed_with_the_data(answered, agent, settings):
    contact, _ = answered
    PersonalDataAccess.objects.create(contact=contact, user=agent)
    settings.CONTACT_RETENTION_DAYS = 1
    apply_retention(now=timezone.now() + dt.timedelta(days=3))
    assert not PersonalDataAccess.objects.exists()
