"""Search in the product: the index follows publishing, the pages, the commands, the log."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from infolijn.knowledge.actions import revise_script, withdraw_script
from infolijn.knowledge.models import Visibility
from infolijn.search.actions import log_search, purge_old_search_logs, scrub
from infolijn.search.engine.index import Scope
from infolijn.search.models import SearchLog, SearchScope, Synonym
from infolijn.search.service import search_scripts
from tests.factories import make_script

pytestmark = pytest.mark.django_db


def found(query, scope=Scope.PUBLIC):
    return [hit.key for hit in search_scripts(query, scope=scope).hits]


def test_index_follows_publishing_and_withdrawal(editor):
    script = make_script(
        "zonnepanelen", title="Premie voor zonnepanelen", body="## Wat?\n\nEen premie.\n"
    )
    assert found("zonnepanelen") == ["zonnepanelen"]
    withdraw_script(script=script, actor=editor, reason="Afgeschaft")
    assert found("zonnepanelen") == []


def test_drafts_are_not_searchable_until_published(editor):
    make_script("warmtepomp", publish=False, title="Premie voor een warmtepomp")
    assert found("warmtepomp", Scope.AGENT) == []


def test_agent_only_scripts_only_for_agents(editor):
    script = make_script("storing-formulier", title="Storing bij het formulier")
    revise_script(
        script=script, actor=editor, changes={"visibility": Visibility.AGENTS_ONLY}
    ).publish(user=editor, skip_permission_checks=True)
    assert found("storing formulier", Scope.AGENT) == ["storing-formulier"]
    assert found("storing formulier", Scope.PUBLIC) == []


def test_editor_synonyms_take_effect():
    make_script(
        "verbouwpremie", title="Mijn VerbouwPremie", body="## Wat?\n\nGeld voor renovatie.\n"
    )
    assert found("knuffelbonus") == []
    Synonym.objects.create(term="knuffelbonus", replacement="verbouwpremie")
    assert found("knuffelbonus") == ["verbouwpremie"]


def test_public_search_page_works_without_javascript(client):
    make_script("huurpremie", title="Huurpremie", summary="Geld als je huurt.")
    response = client.get("/zoeken/", {"q": "huurprmie"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bedoelde je" in html
    assert "huurpremie" in html
    assert "<script" not in html
    log = SearchLog.objects.get()
    assert (log.query, log.scope, log.results) == ("huurprmie", "public", 1)
    click = client.get(f"/zoeken/ga/{log.pk}/huurpremie/")
    assert click.status_code == 302
    assert click["Location"].endswith("/info/huurpremie/")
    assert SearchLog.objects.get().clicked_script_id == "huurpremie"


def test_public_search_rejects_huge_queries_politely(client):
    response = client.get("/zoeken/", {"q": "premie " * 100})
    assert response.status_code == 200
    assert "te lang" in response.content.decode()
    assert not SearchLog.objects.exists()


def test_agent_desk_live_search_returns_a_fragment(client, agent):
    make_script("huurpremie", title="Huurpremie")
    client.force_login(agent)
    full = client.get("/kennisbank/", {"q": "huur premie"})
    assert "<html" in full.content.decode()
    fragment = client.get("/kennisbank/", {"q": "huur premie"}, headers={"HX-Request": "true"})
    body = fragment.content.decode()
    assert "<html" not in body
    assert "Huurpremie" in body
    panel = client.get("/kennisbank/huurpremie/", headers={"HX-Request": "true"})
    assert "<html" not in panel.content.decode()
    assert SearchLog.objects.get().clicked_script_id == "huurpremie"


def test_typing_collapses_into_one_log_row():
    first = log_search(query="huurp", scope=SearchScope.AGENT, results=0)
    second = log_search(
        query="huurpremie", scope=SearchScope.AGENT, results=1, previous_id=first.pk
    )
    assert first.pk == second.pk
    assert SearchLog.objects.get().query == "huurpremie"
    other = log_search(
        query="startbedrag", scope=SearchScope.AGENT, results=1, previous_id=first.pk
    )
    assert other.pk != first.pk


def test_personal_data_never_reaches_the_log():
    assert (
        scrub("rijksregisternummer 85.07.30-033.61 jan@voorbeeld.be")
        == "rijksregisternummer [nummer] [e-mail]"
    )
    assert scrub("bel 0470 12 34 56") == "bel [nummer]"
    assert scrub("huurpremie 2026") == "huurpremie 2026"


def test_old_logs_are_purged():
    SearchLog.objects.create(
        query="oud",
        scope="public",
        results=0,
        created_at=timezone.now() - timezone.timedelta(days=500),
    )
    SearchLog.objects.create(query="nieuw", scope="public", results=0)
    assert purge_old_search_logs() == 1
    assert list(SearchLog.objects.values_list("query", flat=True)) == ["nieuw"]


def test_search_command_contract(monkeypatch):
    make_script("huurpremie", title="Huurpremie")
    make_script("startbedrag", title="Startbedrag")
    out = StringIO()
    call_command("search", "huurpremie", "--json", stdout=out)
    rows = json.loads(out.getvalue())
    assert rows[0]["id"] == "huurpremie"
    assert set(rows[0]) == {"id", "title", "score"}
    monkeypatch.setattr("sys.stdin", StringIO("huurpremie\nstartbedrag\n\n"))
    out = StringIO()
    call_command("search", "-", "--limit", "1", stdout=out)
    lines = out.getvalue().splitlines()
    assert [json.loads(line)[0]["id"] if json.loads(line) else None for line in lines] == [
        "huurpremie",
        "startbedrag",
        None,
    ]


def test_search_eval_command(tmp_path):
    make_script("huurpremie", title="Huurpremie")
    judged = tmp_path / "judged.tsv"
    judged.write_text("q1\thuurprmie\thuurpremie:3\n", encoding="utf-8")
    out = StringIO()
    call_command("search_eval", str(judged), "--json", stdout=out)
    assert json.loads(out.getvalue()) == {
        "queries": 1,
        "ndcg@10": 1.0,
        "mrr": 1.0,
        "recall@10": 1.0,
    }
    judged.write_text("kapot", encoding="utf-8")
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match=r"judged\.tsv:1"):
        call_command("search_eval", str(judged))


def test_search_analytics_for_editors(client, editor):
    for query, results in [("rijbewijs", 0), ("rijbewijs", 0), ("huurpremie", 1)]:
        log_search(query=query, scope=SearchScope.PUBLIC, results=results)
    client.force_login(editor)
    html = client.get("/admin/zoekanalyse/").content.decode()
    assert "rijbewijs (2)" in html
    assert "huurpremie (1)" in html
