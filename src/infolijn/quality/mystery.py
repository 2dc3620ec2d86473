"""Mystery-call campaigns: strata from call volumes, the plan, its CSV, results and the report.

Results import is all-or-nothing per upload: a file with any bad row changes nothing and the
report lists every bad row with its line; a clean file is applied in one transaction. A
result for a call that already has one replaces it (the company corrects its file).
"""

import datetime as dt
import secrets
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from infolijn.calendar import to_local
from infolijn.contacts.models import Contact
from infolijn.partners.calendar import working_calendar
from infolijn.partners.models import Partner
from infolijn.partners.roles import Role, has_role
from infolijn.quality import engine
from infolijn.quality.engine.estimates import Interval
from infolijn.quality.engine.sampling import PlannedCall, Scenario, Stratum
from infolijn.quality.errors import QualityError, QualityErrorCode
from infolijn.quality.models import MysteryCall, MysteryCampaign, MysteryScenario, MysteryStratum
from infolijn.quality.models.mystery import ALL_THEMES, Correct

CAMPAIGN_ROLES = (Role.QUALITY_MONITOR, Role.ADMINISTRATOR)
#: Time blocks of a working day, by the local hour a call starts.
TIME_BLOCKS = (("09-12", 12), ("12-14", 14), ("14-17", 24))
HISTORY_DAYS = 365
MAX_UPLOAD_BYTES = 5 * 1024 * 1024


def time_block(moment: dt.datetime) -> str:
    hour = to_local(moment).hour
    return next(label for label, before in TIME_BLOCKS if hour < before)


def _require(actor: User) -> None:
    if not has_role(actor, *CAMPAIGN_ROLES):
        raise QualityError(QualityErrorCode.NOT_ALLOWED)


def create_campaign(
    *,
    name: str,
    year: int,
    margin: Decimal,
    confidence: Decimal,
    method: str,
    minimum_per_stratum: int,
    starts_on: dt.date,
    ends_on: dt.date,
    actor: User,
) -> MysteryCampaign:
    _require(actor)
    with transaction.atomic():
        campaign = MysteryCampaign.objects.create(
            name=name.strip(),
            year=year,
            margin=margin,
            confidence=confidence,
            method=method,
            minimum_per_stratum=minimum_per_stratum,
            starts_on=starts_on,
            ends_on=ends_on,
            seed=secrets.randbits(62),
            created_by=actor,
        )
        log(instance=campaign, action="infolijn.mystery.create", user=actor)
    return campaign


def call_volumes(before: dt.date) -> dict[tuple[int, int, str], int]:
    """Phone calls per (partner id, ISO weekday, time block) in the year before ``before``."""
    volumes: Counter[tuple[int, int, str]] = Counter()
    calls = Contact.objects.phone().received_between(
        before - dt.timedelta(days=HISTORY_DAYS), before - dt.timedelta(days=1)
    )
    for partner_id, received_at in (
        calls.order_by().values_list("partner_id", "received_at").iterator(chunk_size=5000)
    ):
        volumes[(partner_id, to_local(received_at).isoweekday(), time_block(received_at))] += 1
    return dict(volumes)


def generate_plan(*, campaign: MysteryCampaign, actor: User) -> MysteryCampaign:
    """(Re)build the strata from last year's calls and draw the plan, from the stored seed."""
    _require(actor)
    if campaign.calls.filter(called_at__isnull=False).exists():
        raise QualityError(QualityErrorCode.PLAN_HAS_RESULTS)
    volumes = call_volumes(campaign.starts_on)
    if not volumes:
        raise QualityError(QualityErrorCode.NO_VOLUME)
    scenarios = list(
        MysteryScenario.objects.filter(active=True, partner_id__in={k[0] for k in volumes})
    )
    if not scenarios:
        raise QualityError(QualityErrorCode.NO_SCENARIOS)
    codes = {p.pk: p.code for p in Partner.objects.filter(pk__in={k[0] for k in volumes})}
    strata = [
        Stratum(codes[partner_id], ALL_THEMES, weekday, block, float(count))
        for (partner_id, weekday, block), count in volumes.items()
    ]
    population = sum(volumes.values())
    n = engine.sample_size(
        float(campaign.margin), confidence=float(campaign.confidence), population=population
    )
    calendar = working_calendar()
    dates = [
        campaign.starts_on + dt.timedelta(days=i)
        for i in range((campaign.ends_on - campaign.starts_on).days + 1)
        if calendar.is_working_day(campaign.starts_on + dt.timedelta(days=i))
    ]
    usable = {codes[s.partner_id] for s in scenarios}
    minimum = campaign.minimum_per_stratum
    # The minimum per stratum wins over the computed sample size.
    n = max(n, minimum * sum(1 for s in strata if s.partner in usable))
    plan = engine.plan_mystery_calls(
        strata,
        [Scenario(s.code, s.script_id, codes[s.partner_id]) for s in scenarios],
        n=n,
        seed=campaign.seed,
        method=campaign.method,  # type: ignore[arg-type]
        minimum=minimum,
        dates=dates,
        ref_prefix=f"MC{campaign.year}",
    )
    partner_ids = {code: pk for pk, code in codes.items()}
    by_code = {s.code: s for s in scenarios}
    with transaction.atomic():
        campaign.calls.all().delete()
        campaign.strata.all().delete()
        MysteryStratum.objects.bulk_create(
            MysteryStratum(
                campaign=campaign,
                partner_id=partner_ids[s.partner],
                weekday=s.weekday,
                time_block=s.time_block,
                expected_calls=s.expected_calls,
                allocated=plan.allocation.get(s.key, 0),
                weight=plan.weights.get(s.key),
            )
            for s in strata
        )
        MysteryCall.objects.bulk_create(
            MysteryCall(
                campaign=campaign,
                call_ref=call.call_ref,
                partner_id=partner_ids[call.partner],
                scenario=by_code[call.scenario_id],
                weekday=call.weekday,
                time_block=call.time_block,
                planned_date=call.planned_date,
            )
            for call in plan.calls
        )
        campaign.sample_size = len(plan.calls)
        campaign.plan_warnings = list(plan.warnings)
        campaign.planned_at = timezone.now()
        campaign.save(update_fields=["sample_size", "plan_warnings", "planned_at"])
        log(instance=campaign, action="infolijn.mystery.plan", user=actor)
    return campaign


def plan_csv(campaign: MysteryCampaign) -> str:
    calls = campaign.calls.select_related("partner", "scenario").order_by("call_ref")
    return engine.export_plan(
        PlannedCall(
            call_ref=c.call_ref,
            partner=c.partner.name,
            theme=ALL_THEMES,
            scenario_id=c.scenario.code,
            script_id=c.scenario.script_id,
            weekday=c.weekday,
            time_block=c.time_block,
            planned_date=c.planned_date,
        )
        for c in calls
    )


def import_results(*, campaign: MysteryCampaign, data: bytes, actor: User) -> engine.ResultsImport:
    """Apply a results file, all or nothing (see the module docstring)."""
    _require(actor)
    refs = set(campaign.calls.values_list("call_ref", flat=True))
    if not refs:
        raise QualityError(QualityErrorCode.NO_PLAN)
    parsed = engine.parse_results(data, known_refs=refs)
    if not parsed.ok:
        return parsed
    with transaction.atomic():
        calls = {c.call_ref: c for c in campaign.calls.select_for_update()}
        for row in parsed.rows:
            call = calls[row.call_ref]
            call.called_at = row.called_at
            call.answered = row.answered
            call.correct = row.correct or ""
            call.waited_seconds = row.waited_seconds
            call.remarks = row.remarks
        MysteryCall.objects.bulk_update(
            [calls[row.call_ref] for row in parsed.rows],
            ["called_at", "answered", "correct", "waited_seconds", "remarks"],
        )
        campaign.results_imported_at = timezone.now()
        campaign.save(update_fields=["results_imported_at"])
        log(instance=campaign, action="infolijn.mystery.results", user=actor)
    return parsed


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    successes: int
    n: int
    interval: Interval | None
    answered: int


@dataclass(frozen=True, slots=True)
class CampaignReport:
    overall: engine.WeightedEstimate | None
    partners: list[Row]
    strata: list[Row]
    planned: int
    done: int
    uncovered: int


def campaign_report(campaign: MysteryCampaign, *, partner: Partner | None = None) -> CampaignReport:
    """Correct answers (``yes``) among the calls placed: Wilson per stratum and partner, and the
    design-weighted share over all strata. An unanswered call counts as not correct."""
    confidence = float(campaign.confidence)
    calls = campaign.calls.select_related("partner")
    strata = campaign.strata.select_related("partner")
    if partner is not None:
        calls = calls.filter(partner=partner)
        strata = strata.filter(partner=partner)
    done = [c for c in calls if c.has_result]
    counts: dict[tuple[int, int, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    partner_counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for call in done:
        good = int(call.correct == Correct.YES)
        for bucket in (counts[call.stratum_key], partner_counts[call.partner.name]):
            bucket[0] += good
            bucket[1] += 1
            bucket[2] += int(bool(call.answered))
    weekdays = ("ma", "di", "wo", "do", "vr", "za", "zo")
    stratum_rows = []
    population: dict[tuple[int, int, str], engine.StratumCount] = {}
    for stratum in strata:
        key = (stratum.partner_id, stratum.weekday, stratum.time_block)
        good, n, answered = counts.get(key, [0, 0, 0])
        population[key] = engine.StratumCount(good, n, stratum.expected_calls)
        if stratum.allocated or n:
            stratum_rows.append(
                Row(
                    f"{stratum.partner.name}, {weekdays[stratum.weekday - 1]} {stratum.time_block}",
                    good,
                    n,
                    engine.wilson_interval(good, n, confidence=confidence) if n else None,
                    answered,
                )
            )
    overall = None
    if any(c.n and c.population for c in population.values()):
        overall = engine.weighted_proportion(population, confidence=confidence)
    partner_rows = [
        Row(name, good, n, engine.wilson_interval(good, n, confidence=confidence), answered)
        for name, (good, n, answered) in sorted(partner_counts.items())
    ]
    return CampaignReport(
        overall=overall,
        partners=partner_rows,
        strata=stratum_rows,
        planned=calls.count(),
        done=len(done),
        uncovered=len(overall.uncovered) if overall else 0,
    )
