"""Publications: the catalogue, the citizen's order (stock reserved at once), fulfilment."""

import datetime as dt
import threading

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from infolijn.partners.roles import Role
from infolijn.website.actions import (
    OrderRefusedError,
    cancel_order,
    erase_old_orders,
    mark_orders_sent,
    place_order,
)
from infolijn.website.models import Publication, PublicationOrder
from tests.factories import make_agreement, make_publication, make_user

pytestmark = pytest.mark.django_db

ADDRESS = {
    "name": "An Claes",
    "street": "Kerkstraat 12",
    "postcode": "9000",
    "municipality": "Gent",
}


def order(publication, quantity=1, client="1.2.3.4", **fields):
    return place_order(
        publication=publication,
        quantity=quantity,
        client_address=client,
        **{**ADDRESS, **fields},
    )


def test_catalogue_lists_brochures_per_partner_and_says_when_one_is_gone(client, partner_a):
    make_publication(partner_a, title="Het Groeipakket in een notendop")
    make_publication(partner_a, title="Kinderopvang zoeken", stock=0)
    make_publication(partner_a, title="Oude brochure", active=False)
    html = client.get(reverse("website:publications")).content.decode()
    assert "Het Groeipakket in een notendop" in html
    assert "Niet meer beschikbaar" in html
    assert "Oude brochure" not in html
    assert partner_a.name in html


def test_ordering_reserves_stock_and_shows_a_reference(client, partner_a):
    make_agreement(partner_a)
    publication = make_publication(partner_a, stock=10)
    response = client.post(
        reverse("website:order", args=[publication.slug]), {"quantity": "3", **ADDRESS}
    )
    placed = PublicationOrder.objects.get()
    assert placed.reference in response.content.decode()
    assert placed.quantity == 3
    assert placed.due_at is not None and placed.due_at > placed.received_at
    publication.refresh_from_db()
    assert publication.stock == 7


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({**ADDRESS, "quantity": "0"}, "Kies een aantal van 1 tot 5."),
        ({**ADDRESS, "quantity": "99"}, "Kies een aantal van 1 tot 5."),
        (
            {**ADDRESS, "quantity": "1", "postcode": "90a0"},
            "Een Belgische postcode heeft 4 cijfers",
        ),
        (
            {**ADDRESS, "quantity": "1", "postcode": "0999"},
            "Een Belgische postcode heeft 4 cijfers",
        ),
        ({**ADDRESS, "quantity": "1", "name": ""}, "Vul je naam in."),
        ({**ADDRESS, "quantity": "1", "street": "x" * 201}, "200"),
    ],
)
def test_bad_orders_are_refused_with_a_message_and_change_nothing(client, partner_a, data, message):
    publication = make_publication(partner_a, stock=10)
    response = client.post(reverse("website:order", args=[publication.slug]), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert 'aria-describedby="id_' in response.content.decode()
    assert not PublicationOrder.objects.exists()
    publication.refresh_from_db()
    assert publication.stock == 10


def test_script_in_a_name_is_stored_as_text_and_escaped(client, partner_a):
    publication = make_publication(partner_a)
    client.post(
        reverse("website:order", args=[publication.slug]),
        {**ADDRESS, "quantity": "1", "name": "<script>alert(1)</script>"},
    )
    placed = PublicationOrder.objects.get()
    assert placed.name == "<script>alert(1)</script>"
    staff = make_user(Role.AGENT)
    client.force_login(staff)
    html = client.get(reverse("contacts:publication_orders")).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_more_than_the_stock_is_refused_and_sold_out_cannot_be_ordered(partner_a):
    publication = make_publication(partner_a, stock=2)
    with pytest.raises(OrderRefusedError, match="nog maar 2 exemplaren"):
        order(publication, quantity=3)
    order(publication, quantity=2)
    with pytest.raises(OrderRefusedError, match="niet meer beschikbaar"):
        order(publication, quantity=1, client="5.6.7.8")
    publication.refresh_from_db()
    assert publication.stock == 0


def test_sold_out_page_says_so_without_a_form(client, partner_a):
    publication = make_publication(partner_a, stock=0)
    response = client.get(reverse("website:order", args=[publication.slug]))
    assert "niet meer beschikbaar" in response.content.decode()
    assert "<form" not in response.content.decode().split("<main", 1)[1]


def test_orders_are_rate_limited_per_address(partner_a):
    publication = make_publication(partner_a, stock=100, max_per_order=1)
    for _ in range(5):
        order(publication)
    with pytest.raises(OrderRefusedError, match="al veel publicaties"):
        order(publication)
    order(publication, client="9.9.9.9")


def test_the_hidden_field_keeps_bots_out(client, partner_a):
    publication = make_publication(partner_a)
    client.post(
        reverse("website:order", args=[publication.slug]),
        {**ADDRESS, "quantity": "1", "website": "http://spam.example"},
    )
    assert not PublicationOrder.objects.exists()


def test_unknown_or_inactive_publication_is_404(client, partner_a):
    publication = make_publication(partner_a, active=False)
    assert client.get(reverse("website:order", args=[publication.slug])).status_code == 404
    assert client.get(reverse("website:order", args=["bestaat-niet"])).status_code == 404


def test_marking_sent_is_idempotent_and_cancel_returns_stock_once(partner_a):
    agent = make_user(Role.AGENT)
    publication = make_publication(partner_a, stock=10)
    first, second = order(publication, quantity=2), order(publication, quantity=3)
    assert mark_orders_sent([first], actor=agent) == 1
    assert mark_orders_sent([first], actor=agent) == 0
    assert cancel_order(first, actor=agent) is False
    assert cancel_order(second, actor=agent) is True
    assert cancel_order(second, actor=agent) is False
    publication.refresh_from_db()
    assert publication.stock == 8
    first.refresh_from_db()
    assert (first.status, first.handled_by) == ("sent", agent)


def test_fulfilment_list_prints_and_exports_csv_without_formulas(client, partner_a):
    publication = make_publication(partner_a, title='=HYPERLINK("x")')
    order(publication, quantity=2, name="-2+3")
    client.force_login(make_user(Role.AGENT))
    page = client.get(reverse("contacts:publication_orders"))
    assert "An Claes" not in page.content.decode()  # the name was overridden
    assert "-2+3" in page.content.decode()
    response = client.get(reverse("contacts:publication_orders") + "?formaat=csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffbestelnummer,")
    assert "'-2+3" in text
    assert "'=HYPERLINK" in text


def test_fulfilment_forms_mark_sent_and_cancel(client, partner_a):
    publication = make_publication(partner_a, stock=5)
    first, second = order(publication), order(publication, quantity=2)
    client.force_login(make_user(Role.TEAM_LEAD))
    client.post(reverse("contacts:publication_orders_sent"), {"order": [first.pk, "x"]})
    client.post(reverse("contacts:publication_order_cancel", args=[second.pk]))
    assert set(PublicationOrder.objects.values_list("status", flat=True)) == {"sent", "cancelled"}
    publication.refresh_from_db()
    assert publication.stock == 4
    response = client.post(reverse("contacts:publication_orders_sent"), {})
    assert response.status_code == 302


def test_personal_data_of_old_orders_is_erased(partner_a):
    publication = make_publication(partner_a)
    old = order(publication, received_at=timezone.now() - dt.timedelta(days=200))
    recent = order(publication)
    assert erase_old_orders() == 1
    assert erase_old_orders() == 0
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.name, old.street, old.postcode, old.municipality) == ("", "", "", "")
    assert recent.name == "An Claes"


@pytest.mark.django_db(transaction=True)
def test_two_citizens_racing_for_the_last_copies_cannot_both_get_them(partner_a):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the race needs concurrent connections (PostgreSQL)")
    publication = make_publication(partner_a, stock=3)
    results: list[object] = []

    def buy(client_address: str) -> None:
        try:
            results.append(order(Publication.objects.get(pk=publication.pk), 3, client_address))
        except OrderRefusedError as refused:
            results.append(refused)
        finally:
            connection.close()

    threads = [threading.Thread(target=buy, args=(f"10.0.0.{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(isinstance(r, PublicationOrder) for r in results) == 1
    publication.refresh_from_db()
    assert publication.stock == 0


@pytest.mark.parametrize("role", [None, Role.EDITOR, Role.PLANNER, Role.QUALITY_MONITOR])
def test_only_the_desk_can_change_orders(client, partner_a, role):
    placed = order(make_publication(partner_a))
    if role is not None:
        client.force_login(make_user(role))
    sent = client.post(reverse("contacts:publication_orders_sent"), {"order": [placed.pk]})
    cancel = client.post(reverse("contacts:publication_order_cancel", args=[placed.pk]))
    assert {sent.status_code, cancel.status_code} == ({302} if role is None else {403})
    placed.refresh_from_db()
    assert placed.status == "new"
