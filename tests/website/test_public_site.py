"""The public script page: structured data, canonical link, robots.txt and citizens' feedback."""

import json
import re

import pytest
from django.urls import reverse

from infolijn.knowledge.actions import revise_script
from infolijn.knowledge.models import Visibility
from infolijn.website.models import PageFeedback
from tests.factories import make_script

pytestmark = pytest.mark.django_db


def json_ld(html: str) -> dict:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_script_page_structured_data_follows_our_rules(client):
    make_script(
        "startbedrag", title="Startbedrag", summary="Geld bij de geboorte.", audience=("burger",)
    )
    html = client.get("/info/startbedrag/").content.decode()
    graph = {node["@type"]: node for node in json_ld(html)["@graph"]}
    service = graph["GovernmentService"]
    assert service["name"] == "Startbedrag"
    assert service["description"] == "Geld bij de geboorte."
    assert service["provider"] == {
        "@type": "GovernmentOrganization",
        "name": "Agentschap Opgroeien",
    }
    assert service["areaServed"]["name"] == "Vlaanderen"
    assert graph["WebPage"]["lastReviewed"]
    assert graph["WebPage"]["inLanguage"] == "nl-BE"
    crumbs = graph["BreadcrumbList"]["itemListElement"]
    assert [c["position"] for c in crumbs] == [1, 2, 3]
    assert [c["name"] for c in crumbs] == ["Startpagina", "Gezin en kinderen", "Startbedrag"]
    assert '<link rel="canonical" href="http://' in html
    assert html.count("<h1>") == 1


def test_structured_data_cannot_break_out_of_its_script_tag(client):
    make_script("kwaad", title="</script><script>alert(1)</script>")
    html = client.get("/info/kwaad/").content.decode()
    data = json_ld(html)
    assert data["@graph"][0]["name"] == "</script><script>alert(1)</script>"
    assert "<script>alert(1)" not in html


def test_robots_txt_names_the_sitemap(client):
    response = client.get("/robots.txt")
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def test_feedback_yes_and_no_with_comment(client):
    make_script("huurpremie")
    url = reverse("website:feedback", args=["huurpremie"])
    response = client.post(
        url, {"useful": "nee", "comment": "Het bedrag klopt niet, mail me op jan@voorbeeld.be"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("/info/huurpremie/?bedankt=1#feedback")
    client.post(url, {"useful": "ja"})
    rows = list(PageFeedback.objects.order_by("created_at").values_list("useful", "comment"))
    assert rows == [(False, "Het bedrag klopt niet, mail me op [e-mail]"), (True, "")]
    assert "Bedankt voor je reactie" in client.get("/info/huurpremie/?bedankt=1").content.decode()


def test_feedback_bad_input_and_bots(client):
    make_script("huurpremie")
    url = reverse("website:feedback", args=["huurpremie"])
    response = client.post(url, {"useful": "misschien"})
    assert response.status_code == 400
    assert "Je reactie is nog niet verstuurd" in response.content.decode()
    assert client.post(url, {"useful": "ja", "comment": "x" * 1001}).status_code == 400
    client.post(url, {"useful": "ja", "website": "http://spam.example"})  # honeypot filled in
    assert not PageFeedback.objects.exists()
    assert client.get(url).status_code == 405


def test_feedback_is_rate_limited(client):
    make_script("huurpremie")
    url = reverse("website:feedback", args=["huurpremie"])
    for _ in range(25):
        client.post(url, {"useful": "ja"})
    assert PageFeedback.objects.count() == 20


def test_no_feedback_on_scripts_that_are_not_public(client, editor):
    script = make_script("intern")
    revise_script(
        script=script, actor=editor, changes={"visibility": Visibility.AGENTS_ONLY}
    ).publish(user=editor, skip_permission_checks=True)
    assert (
        client.post(reverse("website:feedback", args=["intern"]), {"useful": "ja"}).status_code
        == 404
    )


def test_editors_see_feedback_per_script(client, editor):
    make_script("huurpremie", title="Huurpremie")
    url = reverse("website:feedback", args=["huurpremie"])
    client.post(url, {"useful": "nee", "comment": "Te vaag"})
    client.post(url, {"useful": "ja"})
    client.force_login(editor)
    html = client.get("/admin/paginafeedback/").content.decode()
    assert "Huurpremie" in html
    assert "50%" in html
    assert "Te vaag" in html


def test_every_sitemap_page_passes_our_seo_checks(client):
    make_script("startbedrag", title="Startbedrag")
    make_script("huurpremie", title="Huurpremie", themes=("Wonen en verbouwen",))
    sitemap = client.get("/sitemap.xml").content.decode()
    urls = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert len(urls) >= 5  # home, themes, scripts
    assert "<lastmod>" in sitemap
    for url in urls:
        path = re.sub(r"^https?://[^/]+", "", url)
        response = client.get(path)
        html = response.content.decode()
        assert response.status_code == 200, path
        assert '<html lang="nl">' in html, path
        assert re.search(r"<title>[^<]+</title>", html), path
        assert re.search(r'<meta name="description" content="[^"]+">', html), path
        assert '<link rel="canonical" href="' in html, path
        assert html.count("<h1>") == 1, path
        json_ld(html)  # exactly one block, parseable
        assert not re.search(r'src="(https?:)?//', html), path
        assert not re.search(r'<link rel="stylesheet" href="(https?:)?//', html), path


def test_a_changed_slug_keeps_the_old_address_working(
    client, editor, django_capture_on_commit_callbacks
):
    script = make_script("oude-naam", title="Oude naam")
    page = script.get_latest_revision_as_object()
    page.slug = "nieuwe-naam"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=editor).publish(user=editor, skip_permission_checks=True)
    response = client.get("/info/oude-naam/")
    assert response.status_code == 301
    assert response["Location"].endswith("/info/nieuwe-naam/")


def test_related_scripts_and_most_read_topics(client):
    from infolijn.website import visits

    make_script("startbedrag", title="Startbedrag")
    make_script("schoolbonus", title="Schoolbonus")
    make_script("verkeersbelasting", title="Verkeersbelasting", themes=("Mobiliteit",))
    page = client.get("/info/startbedrag/").content.decode()
    assert "Meer over dit thema" in page
    assert "Schoolbonus" in page
    assert "Verkeersbelasting" not in page
    browser = {"User-Agent": "Mozilla/5.0 Firefox/140.0"}
    for _ in range(2):
        client.get("/info/verkeersbelasting/", headers=browser)
    visits.flush()
    home = client.get("/").content.decode()
    assert "Meest gelezen" in home
    assert home.index("Meest gelezen") < home.index("Verkeersbelasting")
