"""Partner events as forecast uplift, and learning how far partners' estimates are off."""

import datetime as dt

import pytest

from infolijn.planning.engine.events import (
    CalibrationFactor,
    PartnerEvent,
    apply_events,
    calibrated,
    calibration_factors,
    event_window,
    realised_uplift,
    uplift_profile,
)

MONDAY = dt.date(2026, 3, 2)
DAY = dt.timedelta(days=1)


def days(first, count):
    return [first + k * DAY for k in range(count)]


def weekdays(first, count):
    return {d for d in days(first, count) if d.weekday() < 5}


def test_mailing_spreads_after_the_send_date_and_decays():
    mailing = PartnerEvent("mailing", MONDAY, expected_extra=700, days=5, decay=0.5, lag_days=1)
    profile = uplift_profile(mailing)
    assert list(profile) == days(MONDAY + DAY, 5)
    values = list(profile.values())
    assert sum(values) == pytest.approx(700)
    assert values == pytest.approx([700 * w / 1.9375 for w in (1, 0.5, 0.25, 0.125, 0.0625)])


def test_deadline_concentrates_before_the_deadline():
    friday = MONDAY + 4 * DAY
    deadline = PartnerEvent("deadline", friday, expected_extra=300, days=3, decay=0.5)
    profile = uplift_profile(deadline)
    assert list(profile) == [friday - 2 * DAY, friday - DAY, friday]
    assert list(profile.values()) == pytest.approx([300 / 7, 600 / 7, 1200 / 7])


def test_campaign_is_flat_and_closed_days_are_skipped():
    campaign = PartnerEvent("campaign", MONDAY, expected_extra=500, days=7)
    profile = uplift_profile(campaign, open_days=weekdays(MONDAY, 14))
    assert list(profile) == days(MONDAY, 5)
    assert list(profile.values()) == pytest.approx([100] * 5)


def test_applied_uplift_sums_to_the_expected_extra():
    forecast = dict.fromkeys(days(MONDAY, 21), 1000.0)
    events = [
        PartnerEvent("mailing", MONDAY, expected_extra=450, days=6),
        PartnerEvent("deadline", MONDAY + 10 * DAY, expected_extra=120, days=4, decay=0.8),
    ]
    result = apply_events(forecast, events)
    assert sum(result.forecast.values()) - sum(forecast.values()) == pytest.approx(570)
    assert sum(result.uplift.values()) == pytest.approx(570)
    assert result.outside == 0
    assert result.forecast[MONDAY] == 1000.0  # the send date itself: letters not there yet


def test_uplift_outside_the_forecast_is_reported():
    forecast = dict.fromkeys(days(MONDAY, 3), 10.0)
    campaign = PartnerEvent("campaign", MONDAY, expected_extra=60, days=6)
    result = apply_events(forecast, [campaign])
    assert sum(result.uplift.values()) == pytest.approx(30)
    assert result.outside == pytest.approx(30)


def synthetic_outcome(kind, expected, realised_share, start):
    """A past event whose actuals are the baseline plus ``realised_share`` of its profile."""
    event = PartnerEvent(kind, start, expected_extra=expected, days=5)
    baseline = dict.fromkeys(days(start - 5 * DAY, 20), 200.0)
    actuals = dict(baseline)
    for day, extra in uplift_profile(event).items():
        actuals[day] += realised_share * extra
    return realised_uplift(event, actuals, baseline)


def test_realised_uplift_and_ratio():
    outcome = synthetic_outcome("mailing", 1000, 0.6, MONDAY)
    assert outcome.realised_extra == pytest.approx(600)
    assert outcome.ratio == pytest.approx(0.6)
    assert (outcome.days_used, outcome.days_missing) == (5, 0)


def test_missing_days_are_skipped_and_counted():
    event = PartnerEvent("campaign", MONDAY, expected_extra=100, days=3)
    actuals = {MONDAY: 150.0, MONDAY + DAY: 130.0}
    baseline = dict.fromkeys(days(MONDAY, 3), 100.0)
    outcome = realised_uplift(event, actuals, baseline)
    assert outcome.realised_extra == pytest.approx(80)
    assert (outcome.days_used, outcome.days_missing) == (2, 1)


def test_calibration_factor_is_a_shrunk_median():
    # Mailings brought 50 %, 60 % and 400 % (one wild one) of the estimate: median 0.6,
    # shrunk with 3 prior events at 1.0 → (3·0.6 + 3) / 6 = 0.8.
    outcomes = [
        synthetic_outcome("mailing", 1000, share, MONDAY + 30 * k * DAY)
        for k, share in enumerate([0.5, 4.0, 0.6])
    ] + [synthetic_outcome("deadline", 200, 2.0, MONDAY)]
    factors = calibration_factors(outcomes)
    assert factors["mailing"] == CalibrationFactor(
        "mailing", pytest.approx(0.8), pytest.approx(0.6), 3
    )
    assert factors["deadline"].factor == pytest.approx((2.0 + 3) / 4)
    assert "campaign" not in factors
    # Without shrinkage the factor is the median itself.
    assert calibration_factors(outcomes, prior_events=0)["mailing"].factor == pytest.approx(0.6)


def test_calibration_corrects_new_estimates():
    factors = {"mailing": CalibrationFactor("mailing", 0.8, 0.6, 3)}
    mailing = PartnerEvent("mailing", MONDAY, expected_extra=1000, days=4)
    assert calibrated(mailing, factors).expected_extra == pytest.approx(800)
    forecast = dict.fromkeys(days(MONDAY, 10), 50.0)
    result = apply_events(forecast, [mailing], calibration=factors)
    assert sum(result.uplift.values()) == pytest.approx(800)
    campaign = PartnerEvent("campaign", MONDAY, expected_extra=10, days=1)
    assert calibrated(campaign, factors) is campaign


@pytest.mark.parametrize(
    ("event", "message"),
    [
        (PartnerEvent("mailing", MONDAY, expected_extra=-5), "expected_extra"),
        (PartnerEvent("mailing", MONDAY, expected_extra=5, days=0), "days must be"),
        (PartnerEvent("party", MONDAY, expected_extra=5), "kind must be"),  # type: ignore[arg-type]
        (PartnerEvent("campaign", MONDAY, expected_extra=5, days=2, profile=(1.0,)), "profile has"),
        (PartnerEvent("campaign", MONDAY, expected_extra=5, days=1, profile=(0.0,)), "not all 0"),
    ],
)
def test_bad_events_are_rejected(event, message):
    with pytest.raises(ValueError, match=message):
        event_window(event)


def test_negative_forecast_is_rejected():
    with pytest.raises(ValueError, match="forecast for"):
        apply_events({MONDAY: -1.0}, [])
