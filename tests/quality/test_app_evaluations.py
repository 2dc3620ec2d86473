"""Listening evaluations: scoring through the form, the agent's view, disputes, samples."""

import datetime as dt

import pytest
from django.urls import reverse

from infolijn.partners.roles import Role
from infolijn.quality.errors import QualityError
from infolijn.quality.evaluations import draw_weekly_sample, save_evaluation
from infolijn.quality.models import Evaluation, EvaluationStatus, SampleItem
from tests.factories import make_user
from tests.quality.factories import (
    AT,
    good_answers,
    make_call,
    make_evaluation,
    make_form,
    post_data,
)


@pytest.fixture
def form(db):
    return make_form()


def test_evaluator_submits_a_complete_form(client, monitor, agent, partner_a, form):
    contact = make_call(partner_a, agent)
    client.force_login(monitor)
    response = client.post(
        reverse("quality:evaluate", args=[contact.pk]), {**post_data(form), "indienen": "1"}
    )
    evaluation = Evaluation.objects.get()
    assert response.status_code == 302
    assert (evaluation.status, evaluation.score, evaluation.passed) == ("submitted", 100.0, True)
    assert evaluation.agent == agent


def test_missing_answer_is_named_and_nothing_is_stored(client, monitor, agent, partner_a, form):
    contact = make_call(partner_a, agent)
    client.force_login(monitor)
    data = post_data(form)
    del data[f"q{form.questions.get(position=2).key}"]
    response = client.post(
        reverse("quality:evaluate", args=[contact.pk]), {**data, "indienen": "1"}
    )
    assert response.status_code == 400
    assert "Vraag 2: kies een antwoord." in response.content.decode()
    assert not Evaluation.objects.exists()


def test_critical_fail_needs_a_comment_and_fails_the_evaluation(
    client, monitor, agent, partner_a, form
):
    contact = make_call(partner_a, agent)
    client.force_login(monitor)
    url = reverse("quality:evaluate", args=[contact.pk])
    data = {**post_data(form, Juiste_informatie_gegeven="nee"), "indienen": "1"}
    response = client.post(url, data)
    assert "toelichting is verplicht bij een onvoldoende" in response.content.decode()
    critical = form.questions.get(critical=True)
    data[f"c{critical.key}"] = "<script>alert(1)</script> Verkeerd bedrag genoemd."
    client.post(url, data)
    evaluation = Evaluation.objects.get()
    assert evaluation.passed is False
    assert evaluation.score == pytest.approx(100 * 4 / 7)
    page = client.get(reverse("quality:evaluation", args=[evaluation.pk])).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "knock-outvraag en werd niet behaald" in page


def test_scale_out_of_range_is_reported(client, monitor, agent, partner_a, form):
    contact = make_call(partner_a, agent)
    client.force_login(monitor)
    data = {**post_data(form, Klare_taal="9"), "indienen": "1"}
    response = client.post(reverse("quality:evaluate", args=[contact.pk]), data)
    assert "geef een score van 0 tot en met 4" in response.content.decode()
    assert not Evaluation.objects.exists()


def test_draft_is_kept_incomplete_and_finished_later(client, monitor, agent, partner_a, form):
    contact = make_call(partner_a, agent)
    client.force_login(monitor)
    url = reverse("quality:evaluate", args=[contact.pk])
    client.post(url, {f"q{form.questions.first().key}": "ja", "concept": "1"})
    draft = Evaluation.objects.get()
    assert draft.status == EvaluationStatus.DRAFT
    client.force_login(agent)
    assert client.get(reverse("quality:evaluation", args=[draft.pk])).status_code == 404
    client.force_login(monitor)
    client.post(url, {**post_data(form), "indienen": "1"})
    assert Evaluation.objects.get().status == EvaluationStatus.SUBMITTED


def test_nobody_evaluates_their_own_call(partner_a, form):
    lead = make_user(Role.TEAM_LEAD)
    contact = make_call(partner_a, lead)
    with pytest.raises(QualityError, match="zelf hebt gevoerd"):
        save_evaluation(
            contact=contact, form=form, answers=good_answers(form), submit=True, actor=lead
        )


def test_an_agent_cannot_evaluate(partner_a, agent, form):
    contact = make_call(partner_a, None)
    with pytest.raises(QualityError):
        save_evaluation(
            contact=contact, form=form, answers=good_answers(form), submit=True, actor=agent
        )


def test_agents_see_only_their_own_evaluations(
    client, monitor, agent, other_agent, partner_a, form
):
    mine = make_evaluation(make_call(partner_a, agent), form, monitor)
    theirs = make_evaluation(make_call(partner_a, other_agent), form, monitor)
    client.force_login(agent)
    listing = client.get(reverse("quality:my_evaluations")).content.decode()
    assert f"#{mine.pk}<" in listing
    assert f"#{theirs.pk}<" not in listing
    assert client.get(reverse("quality:evaluation", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("quality:acknowledge", args=[theirs.pk])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == EvaluationStatus.SUBMITTED


def test_agent_acknowledges(client, monitor, agent, partner_a, form):
    evaluation = make_evaluation(make_call(partner_a, agent), form, monitor)
    client.force_login(agent)
    client.post(reverse("quality:acknowledge", args=[evaluation.pk]))
    evaluation.refresh_from_db()
    assert evaluation.status == EvaluationStatus.ACKNOWLEDGED
    # Once acknowledged it can no longer be disputed.
    client.post(reverse("quality:dispute", args=[evaluation.pk]), {"text": "Toch niet."})
    evaluation.refresh_from_db()
    assert (evaluation.status, evaluation.dispute_text) == ("acknowledged", "")


def test_dispute_and_resolution(client, monitor, agent, partner_a, form):
    evaluation = make_evaluation(make_call(partner_a, agent), form, monitor)
    client.force_login(agent)
    url = reverse("quality:dispute", args=[evaluation.pk])
    assert client.get(url).status_code == 405
    client.post(url, {"text": "   "})
    evaluation.refresh_from_db()
    assert evaluation.status == EvaluationStatus.SUBMITTED
    client.post(url, {"text": "De klant vroeg niet naar het bedrag."})
    evaluation.refresh_from_db()
    assert evaluation.status == EvaluationStatus.DISPUTED
    assert (
        client.post(reverse("quality:resolve", args=[evaluation.pk]), {"reply": "x"}).status_code
        == 403
    )
    client.force_login(monitor)
    page = client.get(reverse("quality:evaluations")).content.decode()
    assert f"Beluistering #{evaluation.pk}" in page
    client.post(reverse("quality:resolve", args=[evaluation.pk]), {"reply": "Score blijft."})
    evaluation.refresh_from_db()
    assert (evaluation.status, evaluation.reply, evaluation.resolved_by) == (
        "resolved",
        "Score blijft.",
        monitor,
    )


def test_weekly_sample_is_reproducible(monitor, agent, other_agent, partner_a, partner_b):
    for i in range(6):
        make_call(partner_a, agent, received_at=AT + dt.timedelta(hours=i))
        make_call(partner_b, other_agent, received_at=AT + dt.timedelta(hours=i, minutes=5))
    make_call(partner_a, None, received_at=AT)  # no agent: not in the population
    year, week, _ = AT.isocalendar()
    sample = draw_weekly_sample(
        iso_year=year, iso_week=week, per_agent=2, per_partner=0, actor=monitor
    )
    first = sorted(sample.items.values_list("contact_id", "agent_id"))
    assert len(first) == 4
    assert {a for _, a in first} == {agent.pk, other_agent.pk}
    again = draw_weekly_sample(
        iso_year=year, iso_week=week, per_agent=2, per_partner=0, actor=monitor
    )
    assert again.pk == sample.pk
    assert sorted(SampleItem.objects.values_list("contact_id", "agent_id")) == first


def test_sample_form_rejects_a_bad_week(client, monitor):
    client.force_login(monitor)
    response = client.post(
        reverse("quality:draw_sample"),
        {"week": "2026-W60", "per_agent": 3, "per_partner": 0},
        follow=True,
    )
    assert "Geef een week als 2026-W47." in response.content.decode()
