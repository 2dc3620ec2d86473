"""Krippendorff's alpha against the published examples, and the calibration report."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infolijn.quality.engine.agreement import (
    LEVELS,
    AlphaUndefinedError,
    calibration_report,
    krippendorff_alpha,
    reading,
    units_from_raters,
)

N = None

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example C:
# four observers, twelve units, values 1..5, missing ratings.
EXAMPLE_C = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]
# Same paper, example B: two observers, ten units, binary.
EXAMPLE_B = [
    [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
    [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
]


@pytest.mark.parametrize(
    ("level", "expected"),
    [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)],
)
def test_published_four_observers_twelve_units(level, expected):
    alpha = krippendorff_alpha(units_from_raters(EXAMPLE_C), level=level)
    assert alpha == pytest.approx(expected, abs=5e-4)


def test_published_nominal_example_is_exact():
    # The paper prints 0.743 (example C) and 0.095 (example B); to more digits they are
    # 1 − 39/152 and 2/21.
    assert krippendorff_alpha(units_from_raters(EXAMPLE_C)) == pytest.approx(0.7434210526)
    assert krippendorff_alpha(units_from_raters(EXAMPLE_B)) == pytest.approx(0.0952380952)


def test_units_with_one_rating_are_ignored():
    units = units_from_raters(EXAMPLE_C)
    with_lonely_units = [*units, [7, N, N, N], [N, N, "x", N], [N, N, N, N]]
    for level in ("nominal", "ordinal"):
        assert krippendorff_alpha(with_lonely_units, level=level) == pytest.approx(
            krippendorff_alpha(units, level=level)
        )


@pytest.mark.parametrize("level", LEVELS)
def test_perfect_agreement_is_one(level):
    units = [[1, 1, 1], [2, 2, N], [5, 5, 5], [3, N, 3]]
    assert krippendorff_alpha(units, level=level) == 1.0


def test_systematic_disagreement_is_negative():
    assert krippendorff_alpha([[0, 1], [1, 0], [0, 1], [1, 0]]) < 0


def test_nominal_takes_labels():
    units = [["goed", "goed"], ["fout", "goed"], ["fout", "fout"], ["goed", "goed"]]
    numbers = [[1, 1], [0, 1], [0, 0], [1, 1]]
    assert krippendorff_alpha(units) == krippendorff_alpha(numbers)


def test_no_pairable_values_is_an_error():
    with pytest.raises(AlphaUndefinedError, match="nothing to pair"):
        krippendorff_alpha([[1, N], [N, 2], [N, N]])
    with pytest.raises(AlphaUndefinedError):
        krippendorff_alpha([])


def test_no_variation_is_undefined_not_perfect():
    with pytest.raises(AlphaUndefinedError, match="same value"):
        krippendorff_alpha([[1, 1], [1, 1, 1]])


def test_bad_arguments():
    with pytest.raises(ValueError, match="unknown level"):
        krippendorff_alpha([[1, 2]], level="cardinal")
    with pytest.raises(ValueError, match="numbers"):
        krippendorff_alpha([["a", "b"]], level="interval")
    with pytest.raises(ValueError, match="negative"):
        krippendorff_alpha([[-1, 2]], level="ratio")
    with pytest.raises(ValueError, match="one entry"):
        units_from_raters([[1, 2], [1]])


def test_reading_thresholds():
    assert [reading(a) for a in (0.9, 0.8, 0.7, 0.667, 0.5)] == [
        "reliable",
        "reliable",
        "tentative",
        "tentative",
        "unreliable",
    ]


ratings = st.lists(
    st.lists(st.one_of(st.none(), st.integers(1, 5)), min_size=2, max_size=5),
    min_size=2,
    max_size=15,
)


@settings(max_examples=150, deadline=None)
@given(ratings)
def test_alpha_does_not_depend_on_order(units):
    for level in LEVELS:
        try:
            alpha = krippendorff_alpha(units, level=level)
        except AlphaUndefinedError:
            continue
        shuffled = [list(reversed(unit)) for unit in reversed(units)]
        assert krippendorff_alpha(shuffled, level=level) == pytest.approx(alpha)
        assert alpha <= 1.0 + 1e-12


# -- calibration report -------------------------------------------------------------------


def evaluations():
    # Three evaluators (the quality monitor as expert, two team leads) on four calls.
    return [
        ("call-1", "expert", {"q1": 1, "q2": 4, "q3": None}),
        ("call-1", "an", {"q1": 1, "q2": 4, "q3": 2}),
        ("call-1", "bram", {"q1": 1, "q2": 3, "q3": 2}),
        ("call-2", "expert", {"q1": 0, "q2": 1, "q3": 1}),
        ("call-2", "an", {"q1": 0, "q2": 2, "q3": 1}),
        ("call-3", "expert", {"q1": 1, "q2": 5, "q3": 1}),
        ("call-3", "bram", {"q1": 1, "q2": 5, "q3": 1}),
        ("call-4", "an", {"q1": 0, "q2": 2, "q3": 2}),  # scored once: ignored
    ]


def test_report_per_question_matches_alpha_on_the_same_units():
    report = calibration_report(evaluations(), levels={"q1": "nominal"})
    assert list(report.questions) == ["q1", "q2", "q3"]
    q2 = report.questions["q2"]
    assert q2.level == "ordinal"
    assert q2.units == 3
    assert q2.values == 7
    assert q2.alpha == pytest.approx(
        krippendorff_alpha([[4, 4, 3], [1, 2], [5, 5], [2]], level="ordinal")
    )
    q3 = report.questions["q3"]
    assert q3.values == 6  # the expert's N/A on call-1 is a missing rating
    assert q3.alpha == pytest.approx(krippendorff_alpha([[2, 2], [1, 1], [1, 1]], level="ordinal"))
    assert q3.alpha == 1.0
    assert q3.reading == "reliable"


def test_report_q1_with_no_disagreement_on_two_values_is_one():
    report = calibration_report(evaluations(), levels={"q1": "nominal"})
    assert report.questions["q1"].alpha == 1.0
    assert report.questions["q1"].level == "nominal"


def test_report_total_uses_the_given_total():
    def total(scores):
        return sum(v for v in scores.values() if v is not None)

    report = calibration_report(evaluations(), total=total)
    expected = krippendorff_alpha([[5, 7, 6], [2, 3], [7, 7], [4]], level="interval")
    assert report.total.alpha == pytest.approx(expected)
    assert report.total.level == "interval"


def test_report_undefined_alpha_is_reported_not_raised():
    report = calibration_report(
        [("c1", "an", {"q1": 1}), ("c1", "bram", {"q1": 1}), ("c2", "an", {"q1": 1})]
    )
    q1 = report.questions["q1"]
    assert q1.alpha is None
    assert q1.reading is None
    assert "same value" in q1.reason
    assert (q1.units, q1.values) == (1, 2)


def test_report_without_double_scored_calls():
    report = calibration_report([("c1", "an", {"q1": 1}), ("c2", "an", {"q1": 0})])
    assert report.questions["q1"].alpha is None
    assert "nothing to pair" in report.questions["q1"].reason
    assert report.total.alpha is None


def test_report_refuses_the_same_evaluator_twice_on_a_call():
    with pytest.raises(ValueError, match="more than once"):
        calibration_report([("c1", "an", {"q1": 1}), ("c1", "an", {"q1": 0})])
