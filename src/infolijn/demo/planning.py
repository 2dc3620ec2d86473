"""Demo planning data: partner events, published forecasts, a staffing plan and an old
forecast for the accuracy review. Forecasts need contact history; without it only the
events are created."""

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Count

from infolijn.calendar import local_date
from infolijn.contacts.models import Contact
from infolijn.partners.models import Channel, Partner
from infolijn.planning.actions import (
    create_event,
    make_forecast,
    make_staffing_plan,
    publish_forecast,
)
from infolijn.planning.errors import PlanningError
from infolijn.planning.models import ForecastSnapshot, Freq, PartnerEvent
from infolijn.planning.staffing_plans import PlanParameters

DEMO_PREFIX = "DEMO-"
HORIZON_DAYS = 28
REVIEW_WEEKS_AGO = 6
BIG_PARTNERS = 2

# (partner, kind, name, days from today, expected extra, channel, days)
EVENTS = (
    (
        "Agentschap Opgroeien",
        "mailing",
        "Brief jaarlijkse herberekening Groeipakket",
        7,
        1200,
        Channel.PHONE,
        7,
    ),
    ("Agentschap Opgroeien", "mailing", "Mailing schooltoeslag", -40, 800, Channel.PHONE, 7),
    (
        "Vlaamse Belastingdienst",
        "deadline",
        "Uiterste datum bezwaar onroerende voorheffing",
        18,
        900,
        Channel.PHONE,
        10,
    ),
    ("Vlaamse Belastingdienst", "campaign", "Campagne digitale aanslag", 3, 300, Channel.EMAIL, 14),
    (
        "Wonen in Vlaanderen",
        "deadline",
        "Einde aanvraagperiode Mijn VerbouwPremie",
        25,
        400,
        Channel.PHONE,
        7,
    ),
)


def load_planning(now: dt.datetime) -> None:
    """Build the demo once (a second call changes nothing)."""
    if PartnerEvent.objects.filter(dossier_ref__startswith=DEMO_PREFIX).exists():
        return
    today = local_date(now)
    planner = get_user_model().objects.filter(username="planner").first()
    _events(today)
    if not Contact.objects.phone().received_between(today - dt.timedelta(weeks=8), today).exists():
        return
    start = today + dt.timedelta(days=1)
    line = _forecast(None, Channel.PHONE, start, planner)
    for partner in _big_partners(today):
        _forecast(partner, Channel.PHONE, start, planner)
    _forecast(None, Channel.PHONE, today - dt.timedelta(weeks=REVIEW_WEEKS_AGO), planner)
    if line is not None:
        written = _forecast(None, Channel.EMAIL, start, planner)
        try:
            make_staffing_plan(
                snapshot=line,
                written_snapshot=written,
                parameters=PlanParameters(
                    aht_seconds=330,
                    target_service_level=Decimal("0.8"),
                    threshold_seconds=20,
                    shrinkage=Decimal("0.3"),
                    max_occupancy=Decimal("0.9"),
                    email_handle_seconds=540,
                    cost_per_agent_hour=Decimal("38.50"),
                ),
                actor=planner,
            )
        except PlanningError:
            return


def _events(today: dt.date) -> None:
    for n, (name, kind, title, offset, extra, channel, days) in enumerate(EVENTS, 1):
        partner = Partner.objects.filter(name=name).first()
        if partner is None:
            continue
        create_event(
            partner=partner,
            values={
                "kind": kind,
                "name": title,
                "day": today + dt.timedelta(days=offset),
                "expected_extra": extra,
                "channel": channel,
                "days": days,
                "dossier_ref": f"{DEMO_PREFIX}{n}",
            },
            actor=None,
        )


def _big_partners(today: dt.date) -> list[Partner]:
    busiest = (
        Contact.objects.phone()
        .received_between(today - dt.timedelta(weeks=8), today)
        .values("partner")
        .annotate(n=Count("id"))
        .order_by("-n")[:BIG_PARTNERS]
    )
    return list(Partner.objects.filter(pk__in=[row["partner"] for row in busiest]))


def _forecast(
    partner: Partner | None, channel: str, start: dt.date, planner: object
) -> ForecastSnapshot | None:
    try:
        snapshot = make_forecast(
            partner=partner,
            channel=channel,
            start=start,
            horizon_days=HORIZON_DAYS,
            freq=Freq.HALF_HOUR,
            actor=planner,  # type: ignore[arg-type]
        )
    except PlanningError:
        return None
    publish_forecast(snapshot=snapshot, actor=planner)  # type: ignore[arg-type]
    return snapshot
