"""Which calls to evaluate, and how many mystery calls to place where.

- :func:`weekly_sample`: the listening sample of a week, ``k`` calls per agent spread over the
  partners the agent handled, topped up so every partner gets at least ``m``; reproducible from
  a stored seed (:func:`week_seed`), so a draw can be audited and re-run.
- :func:`sample_size`: mystery calls needed to estimate a proportion within ``±margin``,
  ``n₀ = z²·p(1−p)/e²`` with the finite population correction ``n = n₀ / (1 + (n₀−1)/N)``.
- :func:`allocate`: spreading ``n`` calls over strata (partner/theme × weekday × time block),
  proportionally, equally, or proportionally with a minimum per stratum; largest-remainder
  rounding, so the total is exactly ``n``. :func:`design_weights` gives ``w_h = N_h / n_h``.
- :func:`plan_mystery_calls`: the campaign plan, one row per call with its scenario and date.

Every draw uses its own ``random.Random(seed)`` and visits groups in sorted order, so the
result depends on the seed and the data, not on the order the data came in.
"""

from __future__ import annotations

import hashlib
import math
import random
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Literal, TypeVar

from infolijn.quality.engine.estimates import z_value

K = TypeVar("K", bound=Hashable)
Seed = int | str | bytes

# -- Weekly listening sample -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CallRecord:
    call_id: str
    agent: str
    partner: str


@dataclass(frozen=True, slots=True)
class Shortfall:
    wanted: int
    available: int


@dataclass(frozen=True, slots=True)
class WeeklySample:
    #: The drawn calls, by agent then call id; no call twice.
    calls: tuple[CallRecord, ...]
    #: Agents with fewer than ``per_agent`` calls in the week (all of theirs were taken).
    agent_shortfalls: dict[str, Shortfall]
    #: Partners with fewer than ``per_partner`` calls in the week (all were taken).
    partner_shortfalls: dict[str, Shortfall]


def week_seed(iso_year: int, iso_week: int, salt: str = "") -> int:
    """A stable 63-bit seed for a week (sha256, unlike ``hash()`` the same in every process)."""
    if not 1 <= iso_week <= 53:
        raise ValueError(f"ISO week must be 1..53, got {iso_week}")
    digest = hashlib.sha256(f"{salt}|{iso_year:04d}-W{iso_week:02d}".encode()).digest()
    return int.from_bytes(digest[:8], "big") >> 1


def weekly_sample(
    calls: Iterable[CallRecord | tuple[str, str, str]],
    *,
    per_agent: int,
    per_partner: int = 0,
    seed: Seed,
) -> WeeklySample:
    """Draw ``per_agent`` calls per agent, then top partners up to ``per_partner`` calls.

    Within an agent the ``per_agent`` calls are allocated over the agent's partners in
    proportion to the calls handled (largest remainder, ties broken at random), then drawn
    at random within each partner. A partner still below ``per_partner`` gets extra calls,
    each from the agent with the fewest sampled calls so far; those come on top of the agent's
    quota. Agents or partners without enough calls get all of theirs and are reported.
    A call id listed twice with different details is a ``ValueError``; exact repeats count once.
    """
    if per_agent < 0 or per_partner < 0:
        raise ValueError("per_agent and per_partner must be ≥ 0")
    records: dict[str, CallRecord] = {}
    for call in calls:
        record = call if isinstance(call, CallRecord) else CallRecord(*call)
        if records.setdefault(record.call_id, record) != record:
            raise ValueError(f"call {record.call_id!r} is listed with different details")
    rng = random.Random(seed)
    by_agent: dict[str, dict[str, list[CallRecord]]] = defaultdict(lambda: defaultdict(list))
    for record in sorted(records.values(), key=lambda r: r.call_id):
        by_agent[record.agent][record.partner].append(record)

    chosen: dict[str, CallRecord] = {}
    agent_shortfalls: dict[str, Shortfall] = {}
    for agent in sorted(by_agent):
        partners = by_agent[agent]
        available = sum(len(group) for group in partners.values())
        if available < per_agent:
            agent_shortfalls[agent] = Shortfall(per_agent, available)
        order = sorted(partners)
        rng.shuffle(order)  # random tie-break in the allocation
        quotas = _largest_remainder(
            {p: Fraction(len(partners[p])) for p in order}, min(per_agent, available)
        )
        for partner in sorted(partners):
            for record in rng.sample(partners[partner], quotas[partner]):
                chosen[record.call_id] = record

    per_agent_count = Counter(r.agent for r in chosen.values())
    partner_calls: dict[str, list[CallRecord]] = defaultdict(list)
    for record in sorted(records.values(), key=lambda r: r.call_id):
        partner_calls[record.partner].append(record)
    partner_shortfalls: dict[str, Shortfall] = {}
    for partner in sorted(partner_calls):
        have = sum(1 for r in chosen.values() if r.partner == partner)
        pool = [r for r in partner_calls[partner] if r.call_id not in chosen]
        rng.shuffle(pool)
        while have < per_partner and pool:
            pick = min(range(len(pool)), key=lambda i: (per_agent_count[pool[i].agent], i))
            record = pool.pop(pick)
            chosen[record.call_id] = record
            per_agent_count[record.agent] += 1
            have += 1
        if have < per_partner:
            partner_shortfalls[partner] = Shortfall(per_partner, len(partner_calls[partner]))
    ordered = tuple(sorted(chosen.values(), key=lambda r: (r.agent, r.call_id)))
    return WeeklySample(ordered, agent_shortfalls, partner_shortfalls)


# -- Sample size -------------------------------------------------------------------------------


def sample_size(
    margin: float,
    *,
    confidence: float = 0.95,
    proportion: float = 0.5,
    population: float | None = None,
) -> int:
    """Calls needed to estimate a proportion within ``±margin`` (0.05 = 5 pp), rounded up.

    ``proportion`` is the expected value (0.5, the worst case, when unknown); ``population``
    applies the finite population correction. ±5 pp at 95 % → 385; with N = 500 → 218.
    """
    if not 0 < margin < 1:
        raise ValueError(f"margin must be between 0 and 1, got {margin!r}")
    if not 0 < proportion < 1:
        raise ValueError(f"proportion must be between 0 and 1, got {proportion!r}")
    z = z_value(confidence)
    n0 = z * z * proportion * (1 - proportion) / (margin * margin)
    if population is not None:
        if not population >= 1:
            raise ValueError(f"population must be ≥ 1, got {population!r}")
        n0 = n0 / (1 + (n0 - 1) / population)
    # Round away float dust (384.00000000001 is 384) before rounding up.
    return max(1, math.ceil(round(n0, 9)))


# -- Allocation over strata --------------------------------------------------------------------

Method = Literal["proportional", "equal"]


def allocate(
    sizes: Mapping[K, float],
    n: int,
    *,
    method: Method = "proportional",
    minimum: int = 0,
) -> dict[K, int]:
    """Spread ``n`` calls over strata of the given population ``sizes``; the total is exactly n.

    ``proportional``: ``n·N_h/N``; ``equal``: ``n/H``. With ``minimum``, strata whose share falls
    below it get exactly ``minimum`` and the rest is shared among the others (repeated until
    stable), so no stratum gets less than ``minimum``. Remainders go to the largest fractional
    parts (ties: larger stratum, then the order of ``sizes``). Strata of size 0 get 0 calls,
    and ``n = 0`` gives 0 everywhere.
    ``ValueError`` when ``minimum`` cannot be met or there is no population.
    """
    if n < 0 or minimum < 0:
        raise ValueError("n and minimum must be ≥ 0")
    if method not in ("proportional", "equal"):
        raise ValueError(f"unknown allocation method {method!r}")
    exact = {}
    for key, size in sizes.items():
        if not (size >= 0 and math.isfinite(size)):
            raise ValueError(f"stratum {key!r}: size must be ≥ 0, got {size!r}")
        exact[key] = Fraction(size)
    live = [k for k, size in exact.items() if size > 0]
    result = dict.fromkeys(exact, 0)
    if n == 0:
        return result
    if not live:
        raise ValueError("no stratum has a population to allocate to")
    if minimum * len(live) > n:
        raise ValueError(f"{len(live)} strata × minimum {minimum} is more than n = {n}")
    weight = {k: (exact[k] if method == "proportional" else Fraction(1)) for k in live}
    fixed: set[K] = set()
    while True:
        free = [k for k in live if k not in fixed]
        rest = n - minimum * len(fixed)
        total = sum(weight[k] for k in free)
        below = {k for k in free if rest * weight[k] / total < minimum}
        if not below:
            break
        fixed |= below
    result.update(dict.fromkeys(fixed, minimum))
    if free:
        ranked = sorted(free, key=lambda k: -exact[k])  # stable: ties keep the given order
        result.update(_largest_remainder({k: weight[k] for k in ranked}, rest))
    return result


def _largest_remainder(weights: Mapping[K, Fraction], n: int) -> dict[K, int]:
    """Hamilton's method; ties go to the earlier key in ``weights``."""
    total = sum(weights.values())
    if n == 0 or total == 0:
        return dict.fromkeys(weights, 0)
    quotas = {k: n * w / total for k, w in weights.items()}
    result = {k: math.floor(q) for k, q in quotas.items()}
    left = n - sum(result.values())
    by_remainder = sorted(quotas, key=lambda k: -(quotas[k] - result[k]))
    for key in by_remainder[:left]:
        result[key] += 1
    return result


def design_weights(sizes: Mapping[K, float], allocation: Mapping[K, int]) -> dict[K, float]:
    """Design weight ``w_h = N_h / n_h`` of a call in each sampled stratum.

    Normalised so that ``Σ n_h·w_h = Σ n_h`` (an average weight of 1 per call); strata with
    no calls have no weight and are left out.
    """
    sampled = {k: c for k, c in allocation.items() if c > 0}
    if not sampled:
        return {}
    raw = {k: sizes[k] / c for k, c in sampled.items()}
    scale = sum(sampled.values()) / sum(raw[k] * c for k, c in sampled.items())
    return {k: w * scale for k, w in raw.items()}


# -- Mystery-call plan -------------------------------------------------------------------------

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True, slots=True)
class Stratum:
    partner: str
    theme: str
    #: ISO weekday, 1 = Monday … 7 = Sunday.
    weekday: int
    #: A label such as ``"09-12"``; sorted as text.
    time_block: str
    #: Expected calls in the period (the population size ``N_h``).
    expected_calls: float

    @property
    def key(self) -> tuple[str, str, int, str]:
        return (self.partner, self.theme, self.weekday, self.time_block)


@dataclass(frozen=True, slots=True)
class Scenario:
    scenario_id: str
    script_id: str
    partner: str
    #: The theme it tests; None = usable for every theme of the partner.
    theme: str | None = None


@dataclass(frozen=True, slots=True)
class PlannedCall:
    call_ref: str
    partner: str
    theme: str
    scenario_id: str
    script_id: str
    weekday: int
    time_block: str
    planned_date: date | None


@dataclass(frozen=True, slots=True)
class MysteryPlan:
    calls: tuple[PlannedCall, ...]
    allocation: dict[tuple[str, str, int, str], int]
    #: Design weights of the sampled strata (see :func:`design_weights`).
    weights: dict[tuple[str, str, int, str], float]
    #: Operator-facing notes: strata left out for lack of a scenario, weekdays without a date.
    warnings: tuple[str, ...]


def plan_mystery_calls(
    strata: Sequence[Stratum],
    scenarios: Sequence[Scenario],
    *,
    n: int,
    seed: Seed,
    method: Method = "proportional",
    minimum: int = 0,
    dates: Sequence[date] | None = None,
    ref_prefix: str = "MC",
) -> MysteryPlan:
    """Plan ``n`` mystery calls: allocate over ``strata``, then give each call a scenario and date.

    A stratum whose partner has no scenario for its theme cannot be tested: it is left out of
    the allocation (with a warning), so the plan still has ``n`` calls. Within a partner and
    theme, scenarios are used in turns from a shuffled list, so each is used about equally
    often. With ``dates`` (the campaign's open days), a stratum's calls are spread evenly over
    the dates on its weekday, from a random start, so one odd day weighs little. Calls are
    numbered ``{ref_prefix}-0001``… in order of date, weekday, time block and partner.
    """
    keys = [s.key for s in strata]
    if len(set(keys)) != len(keys):
        raise ValueError("strata must be unique by (partner, theme, weekday, time block)")
    for stratum in strata:
        if not 1 <= stratum.weekday <= 7:
            raise ValueError(f"stratum {stratum.key!r}: weekday must be 1..7 (ISO)")
    rng = random.Random(seed)
    ordered = sorted(strata, key=lambda s: s.key)
    usable: dict[tuple[str, str], list[Scenario]] = {}
    warnings: list[str] = []
    for stratum in ordered:
        group = (stratum.partner, stratum.theme)
        if group not in usable:
            usable[group] = sorted(
                (
                    s
                    for s in scenarios
                    if s.partner == stratum.partner and s.theme in (None, stratum.theme)
                ),
                key=lambda s: s.scenario_id,
            )
            if not usable[group]:
                warnings.append(
                    f"no scenario for partner {stratum.partner!r}, theme {stratum.theme!r}: "
                    "its strata are left out of the plan"
                )
    sizes = {s.key: (s.expected_calls if usable[(s.partner, s.theme)] else 0.0) for s in ordered}
    allocation = allocate(sizes, n, method=method, minimum=minimum)
    weights = design_weights(sizes, allocation)

    by_weekday: dict[int, list[date]] = defaultdict(list)
    for campaign_day in sorted(set(dates or ())):
        by_weekday[campaign_day.isoweekday()].append(campaign_day)
    rows: list[tuple[Stratum, Scenario, date | None]] = []
    turns: dict[tuple[str, str], list[Scenario]] = {}
    for stratum in ordered:
        count = allocation[stratum.key]
        if count == 0:
            continue
        group = (stratum.partner, stratum.theme)
        if group not in turns:
            turns[group] = []
        days = by_weekday.get(stratum.weekday, [])
        if dates is not None and not days:
            warnings.append(
                f"no campaign date on {WEEKDAYS[stratum.weekday - 1]} for stratum "
                f"{stratum.key!r}: its {count} call(s) have no planned date"
            )
        start = rng.random()
        for i in range(count):
            if not turns[group]:
                turns[group] = list(usable[group])
                rng.shuffle(turns[group])
            scenario = turns[group].pop()
            day = days[math.floor((start + i) * len(days) / count) % len(days)] if days else None
            rows.append((stratum, scenario, day))
    rows.sort(
        key=lambda r: (r[2] or date.max, r[0].weekday, r[0].time_block, r[0].key, r[1].scenario_id)
    )
    width = max(4, len(str(len(rows))))
    calls = tuple(
        PlannedCall(
            call_ref=f"{ref_prefix}-{number:0{width}d}",
            partner=stratum.partner,
            theme=stratum.theme,
            scenario_id=scenario.scenario_id,
            script_id=scenario.script_id,
            weekday=stratum.weekday,
            time_block=stratum.time_block,
            planned_date=day,
        )
        for number, (stratum, scenario, day) in enumerate(rows, start=1)
    )
    return MysteryPlan(calls, allocation, weights, tuple(warnings))
