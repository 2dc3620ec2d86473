"""Contacts: invariants held by the database, the desk action, and the queryset vocabulary."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from wagtail.models import ModelLogEntry

from infolijn.calendar import BRUSSELS
from infolijn.contacts.errors import ContactError, ContactErrorCode
from infolijn.contacts.models import Contact, invariant_errors
from tests.factories import make_agreement, make_contact

T0 = dt.datetime(2026, 6, 15, 9, 0, tzinfo=BRUSSELS)
S = dt.timedelta(seconds=1)


def local(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=BRUSSELS)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "constraint"),
    [
        ({"answered_at": T0 - S, "outcome": "answered"}, "contact_answered_after_received"),
        ({"closed_at": T0 - S}, "contact_closed_after_received"),
        (
            {"answered_at": T0 + 2 * S, "closed_at": T0 + S, "outcome": "answered"},
            "contact_closed_after_answered",
        ),
        (
            {"answered_at": T0 + S, "closed_at": T0 + S, "outcome": "abandoned"},
            "contact_abandoned_not_answered",
        ),
        ({"outcome": "abandoned"}, "contact_abandoned_call_has_hangup"),
        ({"outcome": "answered"}, "contact_answered_has_moment"),
        (
            {"channel": "email", "answered_at": T0 + S, "due_at": T0},
            "contact_open_written_not_replied",
        ),
        ({"channel": "webform"}, "contact_written_has_due"),
        ({"channel": "fax"}, "contact_channel_valid"),
        ({"outcome": "lost"}, "contact_outcome_valid"),
        ({"sla_state": "late"}, "contact_sla_state_valid"),
    ],
)
def test_the_database_refuses_what_cannot_be(partner_a, fields, constraint):
    values = {
        "partner": partner_a,
        "channel": "phone",
        "received_at": T0,
        "outcome": "open",
    } | fields
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        Contact.objects.create(**values)
    assert not Contact.objects.exists()


@pytest.mark.django_db
def test_an_external_id_is_unique_per_source_but_desk_contacts_need_none(partner_a):
    Contact.objects.create(partner=partner_a, channel="phone", received_at=T0, external_id="7")
    Contact.objects.create(
        partner=partner_a, channel="phone", received_at=T0, external_id="7", source="avaya"
    )
    Contact.objects.create(partner=partner_a, channel="phone", received_at=T0, source="desk")
    Contact.objects.create(partner=partner_a, channel="phone", received_at=T0, source="desk")
    with pytest.raises(IntegrityError), transaction.atomic():
        Contact.objects.create(partner=partner_a, channel="phone", received_at=T0, external_id="7")


def test_invariant_errors_name_every_field_without_a_database():
    errors = invariant_errors(
        channel="phone", outcome="abandoned", received_at=T0, answered_at=T0 - S, closed_at=None
    )
    assert [(error.code, error.field) for error in errors] == [
        (ContactErrorCode.BEFORE_RECEIVED, "answered_at"),
        (ContactErrorCode.ABANDONED_BUT_ANSWERED, "answered_at"),
        (ContactErrorCode.ABANDONED_WITHOUT_HANGUP, "closed_at"),
    ]
    assert errors[2].message == "Geef het tijdstip waarop de beller ophing."
    assert (
        invariant_errors(
            channel="phone", outcome="answered", received_at=T0, answered_at=T0, closed_at=T0
        )
        == []
    )


@pytest.mark.django_db
def test_register_contact_stamps_the_due_moment_and_writes_an_audit_event(partner_a, agent):
    make_agreement(partner_a, email_deadline_working_days=1)
    contact = make_contact(partner_a, local("2026-06-12 18:00"), channel="email", actor=agent)
    assert contact.due_at == local("2026-06-15 23:59:59")  # one working day: Monday
    assert contact.source == "desk"
    entry = ModelLogEntry.objects.for_instance(contact).get()
    assert (entry.action, entry.user_id) == ("infolijn.contact.register", agent.pk)
    assert make_contact(partner_a, T0).due_at is None  # phone


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "code", "field"),
    [
        ({"received_at": dt.datetime(2026, 6, 15, 9)}, ContactErrorCode.NAIVE_TIME, "received_at"),  # noqa: DTZ001
        ({"channel": "fax"}, ContactErrorCode.UNKNOWN_CHANNEL, "channel"),
        ({"outcome": "lost"}, ContactErrorCode.UNKNOWN_OUTCOME, "outcome"),
        ({"outcome": "answered"}, ContactErrorCode.ANSWERED_WITHOUT_MOMENT, "answered_at"),
        ({"topic": "x" * 201}, ContactErrorCode.TOO_LONG, "topic"),
        ({"external_id": "dubbel"}, ContactErrorCode.DUPLICATE_ID, "external_id"),
    ],
)
def test_register_contact_refuses_bad_input_and_stores_nothing(partner_a, fields, code, field):
    Contact.objects.create(
        partner=partner_a, channel="phone", received_at=T0, external_id="dubbel", source="desk"
    )
    with pytest.raises(ContactError) as raised:
        make_contact(partner_a, fields.pop("received_at", T0), **fields)
    assert (raised.value.code, raised.value.field) == (code, field)
    assert Contact.objects.count() == 1


@pytest.mark.django_db
def test_only_the_desk_roles_register(partner_a, editor, outsider):
    for person in (editor, outsider):
        with pytest.raises(ContactError) as raised:
            make_contact(partner_a, T0, actor=person)
        assert raised.value.code == ContactErrorCode.NOT_ALLOWED
    assert not Contact.objects.exists()


@pytest.mark.django_db
def test_received_between_uses_brussels_dates_also_on_dst_days(partner_a):
    utc = dt.UTC
    moments = {
        "before": dt.datetime(2026, 3, 28, 22, 59, 59, tzinfo=utc),  # 23:59:59 CET on 28 March
        "first": dt.datetime(2026, 3, 28, 23, 0, tzinfo=utc),  # 00:00 CET on 29 March
        "last": dt.datetime(2026, 3, 29, 21, 59, 59, tzinfo=utc),  # 23:59:59 CEST on 29 March
        "after": dt.datetime(2026, 3, 29, 22, 0, tzinfo=utc),  # 00:00 CEST on 30 March
    }
    for name, moment in moments.items():
        make_contact(partner_a, moment, topic=name)
    day = dt.date(2026, 3, 29)
    found = Contact.objects.received_between(day, day).values_list("topic", flat=True)
    assert sorted(found) == ["first", "last"]
    assert Contact.objects.received_between(dt.date(2026, 3, 28), dt.date(2026, 3, 30)).count() == 4
    with pytest.raises(ValueError, match="before start"):
        Contact.objects.received_between(day, day - dt.timedelta(days=1))


@pytest.mark.django_db
def test_channel_and_state_vocabulary(partner_a, partner_b):
    friday = local("2026-06-12 18:00")  # due Tuesday 16 June 23:59:59
    open_mail = make_contact(partner_a, friday, channel="email")
    answered_form = make_contact(
        partner_a,
        friday,
        channel="webform",
        outcome="answered",
        answered_at=friday + S,
        closed_at=friday + S,
    )
    call = make_contact(partner_b, friday)
    assert set(Contact.objects.written()) == {open_mail, answered_form}
    assert list(Contact.objects.phone()) == [call]
    assert set(Contact.objects.open()) == {open_mail, call}
    assert list(Contact.objects.for_partner(partner_b)) == [call]
    tuesday_noon = local("2026-06-16 12:00")
    assert list(Contact.objects.at_risk(tuesday_noon)) == [open_mail]
    assert list(Contact.objects.at_risk(tuesday_noon, within=dt.timedelta(hours=6))) == []
    assert list(Contact.objects.overdue(tuesday_noon)) == []
    wednesday = local("2026-06-17 00:00")
    assert list(Contact.objects.overdue(wednesday)) == [open_mail]
    assert list(Contact.objects.open().overdue(wednesday)) == [open_mail]
    assert list(Contact.objects.at_risk(wednesday)) == []
    due_tuesday = Contact.objects.due_between(dt.date(2026, 6, 16), dt.date(2026, 6, 16))
    assert set(due_tuesday) == {open_mail, answered_form}
