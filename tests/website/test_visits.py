"""Visit counts: server-side, per page per day, no cookies, no bots, no staff."""

import pytest
from django.urls import reverse

from infolijn.website import visits
from infolijn.website.models import PageViewDay
from tests.factories import make_script

pytestmark = pytest.mark.django_db
BROWSER = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"}


@pytest.fixture(autouse=True)
def _empty_buffer():
    visits.flush()
    PageViewDay.objects.all().delete()


def test_views_are_counted_for_citizens_only(client, agent):
    script = make_script("huurpremie", title="Huurpremie")
    for _ in range(3):
        response = client.get("/info/huurpremie/", headers=BROWSER)
        assert not response.cookies  # counting sets no cookie
    client.get("/info/huurpremie/", headers={"User-Agent": "Googlebot/2.1"})
    client.get("/info/huurpremie/")  # no user agent: not a person's browser
    client.force_login(agent)
    client.get("/info/huurpremie/", headers=BROWSER)
    assert visits.flush() == 3
    assert PageViewDay.objects.get(page_id=script.pk).views == 3
    client.logout()
    client.get("/info/huurpremie/", headers=BROWSER)
    visits.flush()
    assert PageViewDay.objects.get(page_id=script.pk).views == 4


def test_editors_and_partners_see_views(client, editor, reviewer_a, partner_a):
    make_script("startbedrag", title="Startbedrag", partner=partner_a.name)
    client.get("/info/startbedrag/", headers=BROWSER)
    client.get("/info/startbedrag/", headers=BROWSER)
    visits.flush()
    client.force_login(editor)
    html = client.get(reverse("visits_report")).content.decode()
    assert "Startbedrag" in html
    assert "Agentschap Opgroeien" in html
    assert "Gezin en kinderen" in html
    client.force_login(reviewer_a)
    listing = client.get(reverse("knowledge:partner_scripts")).content.decode()
    assert "<td>2</td>" in listing


def test_bot_detection():
    assert visits.is_bot("Mozilla/5.0 (compatible; bingbot/2.0)")
    assert visits.is_bot("curl/8.0")
    assert visits.is_bot("")
    assert not visits.is_bot("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1")
