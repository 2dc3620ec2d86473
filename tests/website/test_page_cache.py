"""Public pages are cached for anonymous visitors and dropped on every publish."""

import pytest

from infolijn.knowledge.actions import revise_script, withdraw_script
from tests.factories import make_script

pytestmark = pytest.mark.django_db


def test_anonymous_pages_are_cached_until_something_is_published(client, editor):
    script = make_script("huurpremie", title="Huurpremie")
    assert client.get("/info/huurpremie/")["X-Infolijn-Cache"] == "miss"
    assert client.get("/info/huurpremie/")["X-Infolijn-Cache"] == "hit"
    hit = client.get("/info/huurpremie/")
    assert "Content-Security-Policy" in hit  # headers are added on the way out, also for hits

    revise_script(script=script, actor=editor, changes={"title": "Huurpremie 2027"}).publish(
        user=editor, skip_permission_checks=True
    )
    fresh = client.get("/info/huurpremie/")
    assert fresh["X-Infolijn-Cache"] == "miss"
    assert "Huurpremie 2027" in fresh.content.decode()


def test_withdrawn_page_is_not_served_from_the_cache(client, editor):
    script = make_script("weg")
    client.get("/info/weg/")
    withdraw_script(script=script, actor=editor, reason="Afgeschaft")
    assert client.get("/info/weg/").status_code == 301


def test_signed_in_people_query_strings_and_errors_are_not_cached(client, agent):
    make_script("startbedrag")
    client.get("/info/startbedrag/")
    assert "X-Infolijn-Cache" not in client.get("/info/startbedrag/?bedankt=1")
    assert "X-Infolijn-Cache" not in client.get("/bestaat-niet/")
    client.force_login(agent)
    response = client.get("/info/startbedrag/")
    assert "X-Infolijn-Cache" not in response
    assert "Afmelden" in response.content.decode()
