import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from infolijn.partners.actions import ensure_partner
from infolijn.partners.models import Agreement, OpeningHours, Partner


@pytest.mark.django_db
def test_partner_is_found_by_name_or_code():
    partner = ensure_partner(name="Wonen in Vlaanderen", actor=None)
    assert partner.code == "wonen-in-vlaanderen"
    assert ensure_partner(name="wonen-in-vlaanderen", actor=None) == partner
    assert ensure_partner(name="  WONEN IN VLAANDEREN ", actor=None) == partner
    assert Partner.objects.count() == 1


@pytest.mark.django_db
def test_current_agreement_and_defaults():
    partner = ensure_partner(name="VDAB", actor=None)
    old = Agreement.objects.create(
        partner=partner, valid_from=dt.date(2025, 1, 1), valid_until=dt.date(2025, 12, 31)
    )
    new = Agreement.objects.create(
        partner=partner, valid_from=dt.date(2026, 1, 1), channels=["phone"]
    )
    assert partner.current_agreement(dt.date(2025, 6, 1)) == old
    assert partner.current_agreement(dt.date(2026, 6, 1)) == new
    assert partner.current_agreement(dt.date(2024, 6, 1)) is None
    assert new.email_deadline_working_days == 2
    assert new.service_level_threshold_seconds == 20
    assert new.handles("phone") and not new.handles("email")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fields",
    [
        {"valid_from": dt.date(2026, 1, 1), "valid_until": dt.date(2025, 1, 1)},
        {"valid_from": dt.date(2026, 1, 1), "service_level_target": 1.5},
        {"valid_from": dt.date(2026, 1, 1), "email_deadline_working_days": 0},
    ],
)
def test_agreement_invariants_are_enforced_by_the_database(fields):
    partner = ensure_partner(name="VLAIO", actor=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Agreement.objects.create(partner=partner, **fields)
    assert not Agreement.objects.exists()


@pytest.mark.django_db
def test_opening_hours_must_close_after_opening():
    partner = ensure_partner(name="VLAIO", actor=None)
    agreement = Agreement.objects.create(partner=partner, valid_from=dt.date(2026, 1, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        OpeningHours.objects.create(
            agreement=agreement, weekday=0, opens=dt.time(19), closes=dt.time(9)
        )


@pytest.mark.django_db
def test_a_reviewer_belongs_to_one_partner(reviewer_a, partner_b):
    from infolijn.partners.actions import assign_partner_reviewer

    assign_partner_reviewer(user=reviewer_a, partner=partner_b, actor=None)
    reviewer_a.refresh_from_db()
    assert reviewer_a.partner_membership.partner == partner_b
