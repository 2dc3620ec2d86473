"""Closing days are managed in the Wagtail admin, by administrators only."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.urls import reverse

from infolijn.partners.models import ClosingDay
from infolijn.partners.roles import Role
from tests.factories import make_user

CLOSING_DAY_PERMISSIONS = {
    "add_closingday",
    "change_closingday",
    "delete_closingday",
    "view_closingday",
}


@pytest.mark.django_db
def test_only_administrators_hold_the_closing_day_permissions():
    for role in Role:
        codenames = set(
            Group.objects.get(name=role.value)
            .permissions.filter(content_type__app_label="partners")
            .values_list("codename", flat=True)
        )
        if role == Role.ADMINISTRATOR:
            assert codenames >= CLOSING_DAY_PERMISSIONS
        else:
            assert not CLOSING_DAY_PERMISSIONS & codenames, role


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status"),
    [(Role.ADMINISTRATOR, 200), (Role.EDITOR, 302), (Role.PLANNER, 302), (Role.TEAM_LEAD, 302)],
)
def test_closing_day_admin_list(client, role, status):
    ClosingDay.objects.create(date=dt.date(2026, 11, 2), reason="Allerzielen")
    client.force_login(make_user(role))
    response = client.get(reverse("wagtailsnippets_partners_closingday:list"))
    assert response.status_code == status
    if status == 200:
        assert "Allerzielen" in response.content.decode()


@pytest.mark.django_db
def test_an_administrator_adds_a_closing_day(client):
    client.force_login(make_user(Role.ADMINISTRATOR))
    response = client.post(
        reverse("wagtailsnippets_partners_closingday:add"),
        {"date": "2026-12-28", "reason": "Brugdag"},
    )
    assert response.status_code == 302
    day = ClosingDay.objects.get()
    assert (day.date, day.reason) == (dt.date(2026, 12, 28), "Brugdag")
    assert str(day) == "28-12-2026 – Brugdag"


@pytest.mark.django_db
def test_an_editor_cannot_add_a_closing_day(client):
    client.force_login(make_user(Role.EDITOR))
    client.post(
        reverse("wagtailsnippets_partners_closingday:add"),
        {"date": "2026-12-28", "reason": "Brugdag"},
    )
    assert not ClosingDay.objects.exists()


@pytest.mark.django_db
def test_a_date_is_closed_once():
    ClosingDay.objects.create(date=dt.date(2026, 11, 2), reason="Allerzielen")
    with pytest.raises(IntegrityError), transaction.atomic():
        ClosingDay.objects.create(date=dt.date(2026, 11, 2), reason="Nog eens")
    assert ClosingDay.objects.count() == 1
