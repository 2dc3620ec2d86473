"""Erlang B, C and A against reference values and independent high-precision computations.

The references: planning.md §9 (tables re-derived by the research notes), an Erlang B sum in
60-digit decimal arithmetic, the Poisson form of Erlang B, and for Erlang A the closed forms
of Garnett, Mandelbaum & Reiman in the incomplete gamma function (planning.md §8), which the
engine does not use for anything but the service level.
"""

import math
from decimal import Decimal, localcontext

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy import integrate, special, stats

from infolijn.planning.engine import erlang
from infolijn.planning.engine.erlang import (
    erlang_a_metrics,
    erlang_b,
    erlang_c,
    erlang_c_metrics,
    offered_load,
)


def erlang_b_decimal(agents: int, load: float) -> Decimal:
    """Erlang B as ``(Aⁿ/n!) / Σ Aᵏ/k!`` in 60-digit decimals: no overflow, no recursion."""
    with localcontext() as ctx:
        ctx.prec = 60
        a, term, total = Decimal(load), Decimal(1), Decimal(1)
        for k in range(1, agents + 1):
            term = term * a / k
            total += term
        return term / total


def erlang_a_closed(agents, load, aht, threshold, patience):
    """The reference's closed forms (planning.md §8), in terms of 1/A to avoid overflow."""
    theta, mu = 1 / patience, 1 / aht
    x, y = agents * mu / theta, load * mu / theta
    rho = load / agents
    log_a = (
        math.log(x) + y - x * math.log(y) + special.gammaln(x) + math.log(special.gammainc(x, y))
    )
    inv_a = math.exp(-log_a)  # 1/A(x, y): A itself overflows when the line is overloaded
    e = float(erlang_b_decimal(agents, load))
    p_wait = e / (inv_a + (1 - inv_a) * e)  # = A·E / (1 + (A − 1)·E)
    p_ab = p_wait * (inv_a / rho + 1 - 1 / rho)
    lower = y * math.exp(-theta * threshold)
    p_longer = p_wait * special.gammainc(x, lower) / special.gammainc(x, y)
    prefactor = math.exp(math.log(x) + y - (x + 1) * math.log(y) + special.gammaln(x + 1) - log_a)
    sl = (
        1
        - p_wait
        + p_wait * prefactor * (special.gammainc(x + 1, y) - special.gammainc(x + 1, lower))
    )
    return {
        "p_wait": p_wait,
        "abandonment": p_ab,
        "mean_wait": p_ab / theta,
        "p_longer": p_longer,
        "service_level": sl,
    }


# planning.md §9, Erlang C with AHT 180 s.
@pytest.mark.parametrize(
    ("agents", "load", "blocking", "waiting"),
    [
        (10, 8, 0.1216611, 0.4091802),
        (1000, 950, 0.0036493, 0.0682534),
        (5000, 4900, 0.0022158, 0.0999379),
    ],
)
def test_erlang_b_and_c_match_the_reference_table(agents, load, blocking, waiting):
    assert erlang_b(agents, load) == pytest.approx(blocking, abs=5e-8)
    assert erlang_c(agents, load) == pytest.approx(waiting, abs=5e-8)


def test_erlang_c_metrics_match_the_reference_example():
    metrics = erlang_c_metrics(10, 8.0, aht=180, threshold=20)
    assert metrics.service_level == pytest.approx(0.672354, abs=5e-7)
    assert metrics.asa == pytest.approx(36.83, abs=5e-3)
    assert metrics.occupancy == pytest.approx(0.80)
    assert metrics.abandonment == 0.0


@pytest.mark.parametrize(
    ("agents", "load"),
    [(1, 0.5), (10, 8), (57, 48.3), (1000, 950), (5000, 4900), (20000, 19750), (300, 10)],
)
def test_erlang_b_recursion_is_exact_against_60_digit_decimals(agents, load):
    assert erlang_b(agents, load) == pytest.approx(float(erlang_b_decimal(agents, load)), rel=1e-12)


@pytest.mark.parametrize(("agents", "load"), [(10, 8), (200, 180.5), (5000, 4900)])
def test_erlang_b_agrees_with_the_poisson_form(agents, load):
    poisson = math.exp(stats.poisson.logpmf(agents, load) - stats.poisson.logcdf(agents, load))
    assert erlang_b(agents, load) == pytest.approx(poisson, rel=1e-11)


def test_erlang_b_step_continues_the_recursion():
    assert erlang.erlang_b_step(erlang_b(41, 37.2), 42, 37.2) == pytest.approx(
        erlang_b(42, 37.2), rel=1e-15
    )


def test_erlang_c_published_worked_example():
    # Call Centre Helper's worked example: 100 calls per half hour, AHT 180 s → 10 Erlangs.
    # 13 agents miss 80 % in 20 s (79.6 %), 14 agents make it (88.8 %, ASA 7.8 s).
    load = offered_load(200, 180)
    assert load == 10.0
    assert erlang_c_metrics(13, load, 180, 20).service_level == pytest.approx(0.7956, abs=1e-4)
    fourteen = erlang_c_metrics(14, load, 180, 20)
    assert fourteen.p_wait == pytest.approx(0.1741, abs=1e-4)
    assert fourteen.service_level == pytest.approx(0.8884, abs=1e-4)
    assert fourteen.asa == pytest.approx(7.8, abs=0.05)


def test_erlang_c_without_enough_agents_never_answers_in_time():
    metrics = erlang_c_metrics(8, 8.0, 180, 20)
    assert (metrics.p_wait, metrics.service_level, metrics.asa, metrics.occupancy) == (
        1.0,
        0.0,
        math.inf,
        1.0,
    )


def test_no_calls_means_an_idle_line():
    for metrics in (erlang_c_metrics(3, 0.0, 180, 20), erlang_a_metrics(3, 0.0, 180, 20, 60)):
        assert (metrics.p_wait, metrics.service_level, metrics.asa, metrics.occupancy) == (
            0.0,
            1.0,
            0.0,
            0.0,
        )


# planning.md §9, Erlang A per minute: AHT 3 min, t = 20 s = 1/3 min.
ERLANG_A_TABLE = [
    # n, λ/min, θ/min, P(W>0), P(Ab), E[W] (min), P(V>t), SL(20 s)
    (10, 3, 1 / 2, 0.379262, 0.097091, 0.194183, 0.250824, 0.739354),
    (50, 15, 1 / 2, 0.226285, 0.024030, 0.048061, 0.057153, 0.931484),
    (500, 160, 1 / 3, 0.186282, 0.004558, 0.013673, 0.000486, 0.995013),
    (2000, 700, 1 / 5, 0.997893, 0.047635, 0.238177, 0.153111, 0.810421),
]


@pytest.mark.parametrize(
    ("agents", "rate", "theta", "p_wait", "p_ab", "mean_wait", "p_longer", "sl"), ERLANG_A_TABLE
)
def test_erlang_a_matches_the_reference_table(
    agents, rate, theta, p_wait, p_ab, mean_wait, p_longer, sl
):
    metrics = erlang_a_metrics(agents, rate * 3, aht=3, threshold=1 / 3, patience=1 / theta)
    assert metrics.p_wait == pytest.approx(p_wait, abs=1e-6)
    assert metrics.abandonment == pytest.approx(p_ab, abs=1e-6)
    assert metrics.abandonment / theta == pytest.approx(mean_wait, abs=1e-6)  # E[W] = P(Ab)/θ
    assert metrics.service_level == pytest.approx(sl, abs=1e-6)
    assert metrics.occupancy == pytest.approx(rate * 3 * (1 - p_ab) / agents, abs=1e-6)
    # The test oracle itself reproduces the table, P(V > t) included.
    closed = erlang_a_closed(agents, rate * 3, 3, 1 / 3, 1 / theta)
    assert closed["p_longer"] == pytest.approx(p_longer, abs=1e-6)
    assert closed["service_level"] == pytest.approx(sl, abs=1e-6)


@settings(max_examples=60, deadline=None)
@given(
    agents=st.integers(1, 400),
    rho=st.floats(0.3, 1.6),
    patience_ratio=st.floats(0.05, 20),
    threshold_ratio=st.floats(0, 2),
)
def test_erlang_a_series_agrees_with_the_closed_forms(agents, rho, patience_ratio, threshold_ratio):
    aht = 180.0
    load, patience, threshold = rho * agents, patience_ratio * aht, threshold_ratio * aht
    # The closed forms divide by P(x, y), which underflows when y ≪ x (the engine's series
    # does not); compare where the oracle itself is usable.
    assume(special.gammainc(agents * patience_ratio, load * patience_ratio) > 1e-250)
    metrics = erlang_a_metrics(agents, load, aht, threshold, patience)
    closed = erlang_a_closed(agents, load, aht, threshold, patience)
    assert metrics.p_wait == pytest.approx(closed["p_wait"], rel=1e-9, abs=1e-12)
    assert metrics.abandonment == pytest.approx(closed["abandonment"], rel=1e-7, abs=1e-12)
    assert metrics.service_level == pytest.approx(closed["service_level"], abs=1e-9)


@pytest.mark.parametrize(
    ("x", "y", "s"), [(30.0, 20.0, 0.9), (500.0, 520.0, 0.5), (5.0, 9.0, 0.99), (80.0, 79.0, 0.2)]
)
def test_both_service_level_routes_agree(x, y, s):
    m, log_w = erlang._queue_weights(x, y)
    ahead = [math.exp(v - max(log_w)) for v in log_w]
    total = sum(ahead)
    series = erlang._in_time_series(x, m, [a / total for a in ahead], s)
    assert series == pytest.approx(erlang._in_time_closed(x, y, s), rel=1e-10)


def test_erlang_a_falls_back_to_the_series_when_the_gamma_function_underflows():
    # 1 call an hour, 100 agents, 2 h patience: P(x, y) ≈ 1e-2000, the closed form is useless.
    assert erlang._in_time_closed(4000.0, 2.0, 0.5) is None
    metrics = erlang_a_metrics(100, offered_load(1, 180), 180, 20, 7200)
    assert metrics.p_wait < 1e-100
    assert metrics.service_level == 1.0


@pytest.mark.parametrize(
    ("agents", "load", "patience"),
    [(10, 9.0, 30), (12, 10.0, 120), (60, 57.0, 600), (500, 480.0, 300)],
)
def test_erlang_a_asa_is_the_mean_wait_of_answered_calls(agents, load, patience):
    # E[V·e^{−θV}] = ∫ (1 − θv)·e^{−θv}·P(V > v) dv, with P(V > v) from the closed form.
    aht = 180.0
    metrics = erlang_a_metrics(agents, load, aht, 20, patience)
    theta = 1 / patience

    def integrand(v):
        return (
            (1 - theta * v)
            * math.exp(-theta * v)
            * erlang_a_closed(agents, load, aht, v, patience)["p_longer"]
        )

    wait_of_answered, _ = integrate.quad(integrand, 0, math.inf, limit=200)
    assert metrics.asa == pytest.approx(wait_of_answered / (1 - metrics.abandonment), rel=1e-7)


def test_erlang_a_tends_to_erlang_c_as_patience_grows():
    c = erlang_c_metrics(10, 8.0, 180, 20)
    a = erlang_a_metrics(10, 8.0, 180, 20, patience=180e6)
    assert a.p_wait == pytest.approx(c.p_wait, rel=1e-5)
    assert a.service_level == pytest.approx(c.service_level, rel=1e-5)
    assert a.asa == pytest.approx(c.asa, rel=1e-5)
    assert a.abandonment < 1e-6


def test_erlang_a_stays_finite_when_overloaded():
    metrics = erlang_a_metrics(100, 130.0, 180, 20, 60)
    assert 0 < metrics.service_level < 1
    assert metrics.asa < 60
    # Agents answer at most 100 of every 130 offered: abandonment ≥ 30/130.
    assert metrics.abandonment >= 30 / 130
    # Agents still idle now and then: the queue empties when waiting callers hang up.
    assert 0.99 < metrics.occupancy < 1


@settings(max_examples=40, deadline=None)
@given(
    load=st.floats(0.2, 3000), threshold=st.floats(0, 120), patience=st.none() | st.floats(10, 1200)
)
def test_more_agents_never_hurt(load, threshold, patience):
    first = math.floor(load) + 1 if patience is None else max(1, math.floor(0.8 * load))
    previous = None
    for agents in range(first, first + 12):
        if patience is None:
            metrics = erlang_c_metrics(agents, load, 180, threshold)
        else:
            metrics = erlang_a_metrics(agents, load, 180, threshold, patience)
        if previous is not None:
            assert metrics.service_level >= previous.service_level - 1e-12
            assert metrics.asa <= previous.asa * (1 + 1e-12)
            assert metrics.occupancy <= previous.occupancy * (1 + 1e-12)
            assert metrics.abandonment <= previous.abandonment + 1e-12
        previous = metrics


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: erlang_b(-1, 3.0), "agents must be"),
        (lambda: erlang_b(2.5, 3.0), "agents must be"),
        (lambda: erlang_c(3, -1.0), "load must be"),
        (lambda: erlang_c(3, math.nan), "load must be"),
        (lambda: erlang_c_metrics(3, 1.0, 0, 20), "aht must be"),
        (lambda: erlang_c_metrics(3, 1.0, 180, -1), "threshold must be"),
        (lambda: erlang_a_metrics(3, 1.0, 180, 20, 0), "patience must be"),
        (lambda: erlang_a_metrics(3, 3.5, 180, 20, 1e15), "patience is too long"),
    ],
)
def test_bad_input_is_rejected_with_a_clear_message(call, message):
    with pytest.raises(ValueError, match=message):
        call()
