"""'Wat is nieuw': the change highlighted, everything else escaped, the watermark moves."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from infolijn.intake.briefing import briefing_for, unread_overview, word_diff
from infolijn.intake.models import BriefingRead
from infolijn.intake.training_actions import confirm_briefing
from infolijn.knowledge.actions import revise_script
from infolijn.knowledge.models import ScriptPage
from tests.factories import make_script


def test_word_diff_marks_words_and_escapes_the_rest():
    html = word_diff("Je krijgt <b>100</b> euro.", "Je krijgt <b>120</b> euro & meer.")
    assert html == (
        "Je krijgt <del>&lt;b&gt;100&lt;/b&gt;</del><ins>&lt;b&gt;120&lt;/b&gt;</ins> "
        "<del>euro.</del><ins>euro &amp; meer.</ins>"
    )
    assert word_diff("", "") == ""
    assert word_diff("zelfde tekst", "zelfde tekst") == "zelfde tekst"
    assert "<script>" not in word_diff("<script>x</script>", "<script>y</script>")


@pytest.mark.django_db
def test_changed_script_shows_only_the_change_escaped(client, editor, agent, partner_a):
    script = make_script(
        "schoolbonus", partner=partner_a.name, summary="Oud bedrag <script>alert(1)</script>."
    )
    confirm_briefing(agent=agent, until=timezone.now(), now=timezone.now())
    revise_script(
        script=script, actor=editor, changes={"summary": "Nieuw bedrag <img src=x onerror=y>."}
    ).publish(user=editor, skip_permission_checks=True)
    client.force_login(agent)
    page = client.get(reverse("intake:briefing")).content.decode()
    assert "<del>Oud</del><ins>Nieuw</ins>" in page
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;img src=x onerror=y&gt;" in page


@pytest.mark.django_db
def test_confirming_moves_the_watermark_never_back_or_past_now(editor, agent, partner_a):
    make_script("schoolbonus", partner=partner_a.name)
    now = timezone.now()
    assert [i.script.script_id for i in briefing_for(agent, now).items] == ["schoolbonus"]
    assert briefing_for(agent, now).items[0].is_new
    confirm_briefing(agent=agent, until=now + dt.timedelta(days=3), now=now)
    assert BriefingRead.objects.get().read_at == now
    confirm_briefing(agent=agent, until=now - dt.timedelta(days=3), now=now)
    assert BriefingRead.objects.get().read_at == now
    assert briefing_for(agent, now).items == []


@pytest.mark.django_db
def test_confirm_with_a_tampered_moment_changes_nothing(client, agent):
    client.force_login(agent)
    response = client.post(reverse("intake:briefing_confirm"), {"until": "niet-een-datum"})
    assert response.status_code == 302
    assert not BriefingRead.objects.exists()


@pytest.mark.django_db
def test_team_lead_sees_who_has_not_read(agent, editor, partner_a):
    make_script("schoolbonus", partner=partner_a.name)
    now = timezone.now()
    assert [(s.agent, s.unread) for s in unread_overview(now)] == [(agent, 1)]
    published = ScriptPage.objects.get().last_published_at
    confirm_briefing(agent=agent, until=published, now=now)
    assert [(s.agent, s.unread) for s in unread_overview(now)] == [(agent, 0)]
