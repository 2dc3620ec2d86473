"""Scoring a listening evaluation: weights, N/A, knock-out questions and Dutch form errors."""

import pytest

from infolijn.quality.engine.scoring import (
    Answer,
    CommentRule,
    EvaluationForm,
    IssueCode,
    Question,
    QuestionKind,
    score_evaluation,
)

SCALE = QuestionKind.SCALE


def form(pass_percentage=None):
    """A form in the spirit of GAO-06-270: a knock-out on correctness, then soft items."""
    return EvaluationForm(
        questions=(
            Question("greeting", "Begroeting volgens de afspraken", weight=1, na_allowed=True),
            Question(
                "correct",
                "Juiste en volledige informatie gegeven",
                weight=4,
                critical=True,
                comment=CommentRule.ON_FAIL,
            ),
            Question(
                "plain",
                "Klare taal",
                kind=SCALE,
                max_score=4,
                weight=2,
                comment=CommentRule.ON_FAIL,
            ),
            Question(
                "referral",
                "Correct doorverwezen",
                weight=2,
                na_allowed=True,
                critical=True,
                comment=CommentRule.BELOW_MAX,
            ),
        ),
        pass_percentage=pass_percentage,
    )


def test_full_marks():
    result = score_evaluation(
        form(),
        {
            "greeting": Answer(True),
            "correct": Answer(True),
            "plain": Answer(4),
            "referral": Answer(True),
        },
    )
    assert result.percentage == 100.0
    assert (result.points, result.max_points) == (9.0, 9.0)
    assert result.passed
    assert result.valid
    assert result.reasons == ()


def test_weighted_percentage_with_not_applicable_left_out():
    # greeting no (0 of 1), correct yes (4 of 4), plain 3 of 4 (1.5 of 2), referral N/A.
    result = score_evaluation(
        form(),
        {
            "greeting": Answer(False),
            "correct": Answer(True),
            "plain": Answer(3),
            "referral": Answer(not_applicable=True),
        },
    )
    assert result.points == 5.5
    assert result.max_points == 7.0
    assert result.percentage == pytest.approx(100 * 5.5 / 7)
    assert result.passed


def test_critical_fail_fails_the_evaluation_but_keeps_the_score():
    result = score_evaluation(
        form(),
        {
            "greeting": Answer(True),
            "correct": Answer(False, comment="Verkeerd startbedrag genoemd."),
            "plain": Answer(4),
            "referral": Answer(True),
        },
    )
    assert result.percentage == pytest.approx(100 * 5 / 9)
    assert not result.passed
    assert result.valid
    assert result.critical_failures == ("correct",)
    assert result.reasons == (
        "Vraag 2 is een knock-outvraag en werd niet behaald: "
        "Juiste en volledige informatie gegeven",
    )


def test_threshold_below_pass_percentage():
    answers = {
        "greeting": Answer(False),
        "correct": Answer(True),
        "plain": Answer(2),
        "referral": Answer(True),
    }
    result = score_evaluation(form(pass_percentage=85), answers)
    assert result.percentage == pytest.approx(700 / 9)
    assert not result.passed
    assert result.reasons == ("De score van 77,8 % ligt onder de drempel van 85 %.",)
    assert score_evaluation(form(pass_percentage=75), answers).passed


def test_scale_fail_below_half_on_a_critical_scale_question():
    critical_scale = EvaluationForm(
        (Question("q", "Correct", kind=SCALE, max_score=4, critical=True),)
    )
    assert score_evaluation(critical_scale, {"q": Answer(2)}).passed  # half is not a fail
    failed = score_evaluation(critical_scale, {"q": Answer(1)})
    assert failed.critical_failures == ("q",)
    assert failed.percentage == 25.0
    with_mark = EvaluationForm(
        (Question("q", "Correct", kind=SCALE, max_score=4, critical=True, pass_mark=3),)
    )
    assert not score_evaluation(with_mark, {"q": Answer(2)}).passed


def test_validation_errors_in_dutch_per_question():
    result = score_evaluation(
        form(),
        {
            "greeting": Answer(),
            "correct": Answer(False),
            "plain": Answer(5),
            "referral": Answer(False, comment="   "),
        },
    )
    assert not result.valid
    assert not result.passed
    assert [(i.question_id, i.number, i.code) for i in result.issues] == [
        ("greeting", 1, IssueCode.MISSING_ANSWER),
        ("correct", 2, IssueCode.COMMENT_REQUIRED),
        ("plain", 3, IssueCode.OUT_OF_RANGE),
        ("referral", 4, IssueCode.COMMENT_REQUIRED),
    ]
    assert [i.message for i in result.issues] == [
        "Vraag 1: kies een antwoord.",
        "Vraag 2: een toelichting is verplicht bij een onvoldoende.",
        "Vraag 3: geef een score van 0 tot en met 4.",
        "Vraag 4: een toelichting is verplicht als je niet de maximumscore geeft.",
    ]
    assert result.reasons[-1] == "De beluistering is nog niet volledig of bevat fouten."
    # Provisional score over the valid answers: correct (0 of 4) and referral (0 of 2).
    assert result.percentage == 0.0
    assert result.critical_failures == ("correct", "referral")


def test_comment_rule_example_from_the_brief():
    third = EvaluationForm(
        (
            Question("a", "A"),
            Question("b", "B"),
            Question("c", "C", kind=SCALE, max_score=5, comment=CommentRule.ON_FAIL),
        )
    )
    result = score_evaluation(third, {"a": Answer(True), "b": Answer(True), "c": Answer(1)})
    assert [i.message for i in result.issues] == [
        "Vraag 3: een toelichting is verplicht bij een onvoldoende."
    ]
    fixed = score_evaluation(
        third, {"a": Answer(True), "b": Answer(True), "c": Answer(1, comment="Te veel jargon.")}
    )
    assert fixed.valid
    # A 3 of 5 is no fail, so no comment is needed under ON_FAIL.
    assert score_evaluation(third, {"a": Answer(1), "b": Answer(0), "c": Answer(3)}).valid


def test_not_applicable_where_not_allowed():
    result = score_evaluation(
        form(),
        {
            "greeting": Answer(True),
            "correct": Answer(not_applicable=True),
            "plain": Answer(4),
            "referral": Answer(not_applicable=True),
        },
    )
    assert [(i.question_id, i.code) for i in result.issues] == [
        ("correct", IssueCode.NA_NOT_ALLOWED)
    ]
    assert result.issues[0].message == "Vraag 2: ‘niet van toepassing’ is hier niet toegelaten."
    assert result.max_points == 3.0  # greeting and plain only


@pytest.mark.parametrize(
    ("question", "value", "code"),
    [
        (Question("q", "Q"), 2, IssueCode.INVALID_VALUE),
        (Question("q", "Q"), "ja", IssueCode.INVALID_VALUE),
        (Question("q", "Q", kind=SCALE, max_score=3), -1, IssueCode.OUT_OF_RANGE),
        (Question("q", "Q", kind=SCALE, max_score=3), 2.5, IssueCode.OUT_OF_RANGE),
        (Question("q", "Q", kind=SCALE, max_score=3), True, IssueCode.OUT_OF_RANGE),
    ],
)
def test_invalid_values(question, value, code):
    result = score_evaluation(EvaluationForm((question,)), {"q": Answer(value)})
    assert [i.code for i in result.issues] == [code]
    assert result.percentage is None


def test_yes_no_accepts_one_and_zero():
    yes_no = EvaluationForm((Question("q", "Q", weight=3),))
    assert score_evaluation(yes_no, {"q": Answer(1)}).percentage == 100.0
    assert score_evaluation(yes_no, {"q": Answer(0)}).percentage == 0.0


def test_answer_to_unknown_question():
    result = score_evaluation(
        EvaluationForm((Question("q", "Q"),)), {"q": Answer(True), "oud": Answer(True)}
    )
    assert [(i.question_id, i.number, i.code) for i in result.issues] == [
        ("oud", 0, IssueCode.UNKNOWN_QUESTION)
    ]
    assert result.issues_for("oud")[0].message == (
        "Het antwoord op ‘oud’ hoort niet bij dit formulier."
    )


def test_everything_not_applicable_has_no_percentage():
    result = score_evaluation(
        EvaluationForm((Question("q", "Q", na_allowed=True),)),
        {"q": Answer(not_applicable=True)},
    )
    assert result.percentage is None
    assert result.valid
    assert result.passed


def test_badly_defined_forms_raise():
    with pytest.raises(ValueError, match="unique"):
        EvaluationForm((Question("q", "Q"), Question("q", "R")))
    with pytest.raises(ValueError, match="weight"):
        Question("q", "Q", weight=0)
    with pytest.raises(ValueError, match="max_score 1"):
        Question("q", "Q", max_score=5)
    with pytest.raises(ValueError, match="pass_mark"):
        Question("q", "Q", kind=SCALE, max_score=4, pass_mark=5)
    with pytest.raises(ValueError, match="pass_percentage"):
        EvaluationForm((), pass_percentage=120)
