"""Calibration: blind scoring by several evaluators, Krippendorff's alpha per question."""

import pytest
from django.urls import reverse

from infolijn.partners.roles import Role
from infolijn.quality.calibration import create_calibration_session, session_report
from infolijn.quality.errors import QualityError
from infolijn.quality.models import Evaluation
from tests.factories import make_user
from tests.quality.factories import make_call, make_form, post_data


@pytest.fixture
def people(db):
    return [make_user(Role.QUALITY_MONITOR, username=f"kwal{i}") for i in range(3)]


@pytest.fixture
def session(people, agent, partner_a):
    return create_calibration_session(
        title="Kalibratie maart",
        contact=make_call(partner_a, agent),
        form=make_form(),
        evaluators=people,
        actor=people[0],
    )


def test_only_line_evaluators_can_take_part(people, agent, partner_a):
    with pytest.raises(QualityError):
        create_calibration_session(
            title="x",
            contact=make_call(partner_a, agent),
            form=make_form(),
            evaluators=[people[1], agent],
            actor=people[0],
        )


def test_scores_are_blind_until_you_scored(client, people, session):
    form = session.form
    client.force_login(people[0])
    client.post(reverse("quality:calibration_score", args=[session.pk]), post_data(form))
    client.force_login(people[1])
    page = client.get(reverse("quality:calibration", args=[session.pk])).content.decode()
    assert "zodra je zelf gescoord hebt" in page
    assert "Krippendorffs alfa per vraag" not in page
    client.post(
        reverse("quality:calibration_score", args=[session.pk]),
        post_data(form, Klare_taal="2"),
    )
    page = client.get(reverse("quality:calibration", args=[session.pk])).content.decode()
    assert "Krippendorffs alfa per vraag" in page
    # Scoring twice is refused.
    client.post(reverse("quality:calibration_score", args=[session.pk]), post_data(form))
    assert Evaluation.objects.filter(session=session).count() == 2


def test_non_evaluators_cannot_score(client, session):
    client.force_login(make_user(Role.TEAM_LEAD))
    assert client.get(reverse("quality:calibration_score", args=[session.pk])).status_code == 404


def test_calibration_scores_stay_out_of_the_agents_view(client, people, session, agent):
    client.force_login(people[0])
    client.post(reverse("quality:calibration_score", args=[session.pk]), post_data(session.form))
    client.force_login(agent)
    page = client.get(reverse("quality:my_evaluations")).content.decode()
    assert "nog geen beluisteringen" in page


def test_report_gives_alpha_per_question_and_total(client, people, agent, partner_a):
    form = make_form()
    sessions = []
    # Three calls; the evaluators agree on yes/no questions, disagree a little on the scale.
    for scale in (["4", "4", "3"], ["1", "1", "1"], ["2", "3", "2"]):
        session = create_calibration_session(
            title="k",
            contact=make_call(partner_a, agent),
            form=form,
            evaluators=people,
            actor=people[0],
        )
        sessions.append(session)
        for person, value in zip(people, scale, strict=True):
            client.force_login(person)
            client.post(
                reverse("quality:calibration_score", args=[session.pk]),
                post_data(form, Klare_taal=value),
            )
    report = session_report(sessions)
    assert report is not None
    by_text = {row.question.text: row.result for row in report.questions}
    assert by_text["Klare taal"].units == 3
    assert by_text["Klare taal"].alpha is not None and by_text["Klare taal"].alpha > 0.6
    assert by_text["Begroeting"].alpha is None  # everyone said yes: no variation
    assert report.total.alpha is not None
    client.force_login(people[0])
    page = client.get(reverse("quality:calibrations")).content.decode()
    assert "Overeenstemming over alle sessies" in page


def test_create_session_form_reports_problems(client, people):
    client.force_login(people[0])
    form = make_form()
    response = client.post(
        reverse("quality:calibrations"),
        {"title": "x", "contact": "999999", "form": form.pk, "evaluators": [people[1].pk]},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Kies minstens twee beoordelaars." in page
