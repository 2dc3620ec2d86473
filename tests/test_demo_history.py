"""The demo history: a living contact center, the same every time for the same ``now``."""

import datetime as dt
from collections import Counter, defaultdict

import pytest
import yaml
from django.db.models import Sum

from infolijn.calendar import BRUSSELS, local_date
from infolijn.contacts.kpis import SHORT_ABANDON
from infolijn.contacts.models import (
    Contact,
    InboundMessage,
    MailKind,
    QueueIntervalStat,
    SlaState,
    TelephonyQueue,
)
from infolijn.contacts.queries import kpis_for
from infolijn.demo import history
from infolijn.demo.loader import add_weekday_agreement
from infolijn.partners.calendar import working_calendar
from infolijn.partners.models import ClosingDay, Partner
from infolijn.partners.roles import Role
from tests.factories import make_partner, make_script, make_user

# A Tuesday afternoon: the line is open, so some e-mails can be at risk today.
NOW = dt.datetime(2026, 11, 24, 15, 10, tzinfo=BRUSSELS)
ALL_SOULS = dt.date(2026, 11, 2)  # an administrator's closing day (a Monday)
ARMISTICE = dt.date(2026, 11, 11)  # a public holiday (a Wednesday)
SHORT = 5  # weeks: enough for the four weeks of interval figures, quick to load


def _demo_partners() -> list[Partner]:
    """The seven partners as the demo loader makes them: address, agreement, 9–19 on weekdays."""
    partners = []
    entries = yaml.safe_load((history.MAIL_FOLDER.parent / "partners.yaml").read_text("utf-8"))
    for entry in entries:
        partner = make_partner(entry["name"])
        partner.email = entry["email"]
        partner.save()
        add_weekday_agreement(partner, valid_from=dt.date(2026, 1, 1))
        partners.append(partner)
    return partners


@pytest.fixture
def demo_world(db):
    partners = _demo_partners()
    ClosingDay.objects.create(date=ALL_SOULS, reason="Allerzielen")
    agents = [make_user(Role.AGENT, username=name) for name in ("voorlichter", "voorlichter2")]
    make_user(Role.PLANNER, username="planner")
    for script_id in ("onroerende-voorheffing", "verkeersbelasting", "erfbelasting"):
        make_script(script_id, partner="Vlaamse Belastingdienst")
    return {"partners": partners, "agents": agents}


def _snapshot() -> list[tuple]:
    return list(
        Contact.objects.filter(source=history.SOURCE)
        .order_by("external_id")
        .values_list(
            "external_id",
            "channel",
            "partner__name",
            "received_at",
            "answered_at",
            "closed_at",
            "outcome",
            "topic",
            "due_at",
            "handled_by__username",
        )
    )


def _stored() -> dict[str, int]:
    return {
        "contacts": Contact.objects.count(),
        "intervals": QueueIntervalStat.objects.count(),
        "queues": TelephonyQueue.objects.count(),
        "messages": InboundMessage.objects.count(),
    }


def test_sixteen_weeks_are_a_realistic_line_and_a_second_load_adds_nothing(demo_world):
    counts = history.load_history(NOW)

    assert counts == {
        "phone": 28581,
        "email": 2900,
        "webform": 1930,
        "open": 17,
        "queues": 7,
        "intervals": 2450,
        "mail_messages": 12,
        "mail_contacts": 9,
        "mail_threaded": 1,
        "mail_auto_replies": 1,
        "mail_needs_attention": 1,
    }
    total = Contact.objects.count()
    assert 25_000 <= total <= 40_000

    phone = Contact.objects.phone()
    outcomes = Counter(phone.values_list("outcome", flat=True))
    assert 0.86 <= outcomes["answered"] / counts["phone"] <= 0.90
    assert 0.06 <= outcomes["abandoned"] / counts["phone"] <= 0.10
    assert 0.03 <= outcomes["forwarded"] / counts["phone"] <= 0.05
    assert 0.13 <= (counts["email"] + counts["webform"]) / counts["phone"] <= 0.18

    kpis = kpis_for(start=local_date(NOW) - dt.timedelta(weeks=16), end=local_date(NOW))
    assert 0.75 <= kpis.service_level <= 0.85
    assert kpis.emails_on_time > 0.85
    # Busy Monday mornings and campaign weeks make the service level move from week to week.
    weekly = [
        kpis_for(start=monday, end=monday + dt.timedelta(days=6)).service_level
        for monday in (dt.date(2026, 10, 19), dt.date(2026, 9, 14))
    ]
    assert weekly[0] < weekly[1] - 0.03

    by_partner = Counter(phone.values_list("partner__name", flat=True))
    assert by_partner.most_common(2)[0][0] == "Agentschap Opgroeien"
    assert by_partner.most_common()[-1][0] == "Departement Omgeving"
    assert by_partner["Vlaamse Belastingdienst"] > 5 * by_partner["Departement Omgeving"]

    assert _second_load_is_a_no_op()


def _second_load_is_a_no_op() -> bool:
    before, rows = _stored(), _snapshot()
    again = history.load_history(NOW)
    return set(again.values()) == {0} and _stored() == before and _snapshot() == rows


def test_calls_follow_the_week_the_day_and_the_campaigns(demo_world):
    history.load_history(NOW, weeks=SHORT)
    calls = list(
        Contact.objects.phone().values_list("received_at", "partner__name", "topic", "outcome")
    )
    local = [(moment.astimezone(BRUSSELS), partner, topic) for moment, partner, topic, _ in calls]

    per_weekday = Counter(moment.weekday() for moment, _, _ in local)
    open_days = Counter(day.weekday() for day in {moment.date() for moment, _, _ in local})
    per_open_day = {weekday: per_weekday[weekday] / open_days[weekday] for weekday in open_days}
    assert max(per_open_day, key=per_open_day.__getitem__) == 0  # Monday
    assert per_open_day[0] > 1.3 * per_open_day[4]
    per_hour = Counter(moment.hour for moment, _, _ in local)
    assert per_hour[10] > per_hour[12] < per_hour[14]
    assert per_hour[10] > 2 * per_hour[18]

    # The tax bills campaign (3 to 5 weeks ago) is mostly about the onroerende voorheffing.
    tax = Counter(
        (local_date(NOW) - moment.date()).days // 7
        for moment, partner, _ in local
        if partner == "Vlaamse Belastingdienst"
    )
    assert tax[4] > 1.5 * tax[1]
    topics = Counter(topic for _, partner, topic in local if partner == "Vlaamse Belastingdienst")
    assert topics.most_common(1)[0][0] == "onroerende-voorheffing"
    assert set(topics) == {"onroerende-voorheffing", "verkeersbelasting", "erfbelasting"}
    # A partner without scripts gets contacts without a topic.
    assert set(topic for _, partner, topic in local if partner == "VDAB") == {""}


def test_no_call_on_a_closing_day_or_outside_the_opening_hours(demo_world):
    history.load_history(NOW, weeks=SHORT)
    calendar = working_calendar()
    calls = Contact.objects.phone()

    received = [
        moment.astimezone(BRUSSELS) for moment in calls.values_list("received_at", flat=True)
    ]
    assert received
    assert all(calendar.is_working_day(moment.date()) for moment in received)
    assert all(dt.time(9) <= moment.time() < dt.time(19) for moment in received)
    assert not calls.received_between(ALL_SOULS, ALL_SOULS).exists()
    assert not calls.received_between(ARMISTICE, ARMISTICE).exists()
    assert all(
        moment <= NOW
        for row in calls.values_list("received_at", "answered_at", "closed_at")
        for moment in row
        if moment is not None
    )
    # Written contacts may arrive any day, but replies go out on working days only.
    replies = (
        Contact.objects.written().exclude(answered_at=None).values_list("answered_at", flat=True)
    )
    assert all(calendar.is_working_day(local_date(moment)) for moment in replies)
    assert Contact.objects.written().received_between(ARMISTICE, ARMISTICE).exists()


def test_calls_are_consistent_contacts(demo_world):
    history.load_history(NOW, weeks=SHORT)
    agents = {agent.pk for agent in demo_world["agents"]}
    calls = Contact.objects.phone()

    assert set(calls.exclude(outcome="abandoned").values_list("handled_by", flat=True)) == agents
    assert set(calls.filter(outcome="abandoned").values_list("handled_by", flat=True)) == {None}
    assert not calls.exclude(due_at=None).exists()
    short = [
        closed - received
        for received, closed in calls.filter(outcome="abandoned").values_list(
            "received_at", "closed_at"
        )
        if closed - received < SHORT_ABANDON
    ]
    assert 0.15 < len(short) / calls.filter(outcome="abandoned").count() < 0.35
    handles = [
        (closed - answered).total_seconds()
        for answered, closed in calls.exclude(outcome="abandoned").values_list(
            "answered_at", "closed_at"
        )
    ]
    assert 240 <= sum(handles) / len(handles) <= 420
    ids = list(Contact.objects.filter(source=history.SOURCE).values_list("external_id", flat=True))
    assert "" not in ids
    assert len(ids) == len(set(ids))


def test_interval_figures_agree_with_the_calls_day_by_day(demo_world):
    counts = history.load_history(NOW, weeks=SHORT)
    queues = {queue.partner.name: queue for queue in TelephonyQueue.objects.all()}
    assert {(q.source, q.queue) for q in queues.values()} >= {
        ("demo-acd", "1700-opgroeien"),
        ("demo-acd", "1700-omgeving"),
    }
    assert counts["intervals"] == QueueIntervalStat.objects.count()

    first = local_date(NOW) - dt.timedelta(days=history.INTERVAL_DAYS - 1)
    expected: dict[tuple[str, dt.date], Counter] = defaultdict(Counter)
    for partner, received, answered, closed, outcome in (
        Contact.objects.phone()
        .received_between(first, local_date(NOW))
        .values_list("partner__name", "received_at", "answered_at", "closed_at", "outcome")
    ):
        day = expected[(partner, local_date(received))]
        day["offered"] += 1
        if outcome == "abandoned":
            day["abandoned"] += 1
            day["short_abandons"] += (closed - received) < SHORT_ABANDON
        else:
            day["answered"] += 1
            day["answered_within_threshold"] += (answered - received).total_seconds() <= 20
            day["wait_seconds_sum"] += (answered - received).total_seconds()
            day["handle_seconds_sum"] += (closed - answered).total_seconds()
    reported: dict[tuple[str, dt.date], Counter] = defaultdict(Counter)
    for stat in QueueIntervalStat.objects.select_related("queue__partner"):
        assert stat.interval_seconds == 1800
        assert stat.interval_start.minute in (0, 30)
        assert stat.threshold_seconds == 20
        day = reported[(stat.queue.partner.name, local_date(stat.interval_start))]
        for name in (
            "offered",
            "answered",
            "answered_within_threshold",
            "abandoned",
            "short_abandons",
            "wait_seconds_sum",
            "handle_seconds_sum",
        ):
            day[name] += getattr(stat, name)
    assert {key: +day for key, day in reported.items() if +day} == expected
    # Every open half hour of the four weeks is reported, also the quiet ones.
    days = {day for _, day in reported}
    assert min(days) == first
    assert ARMISTICE not in days
    assert ALL_SOULS not in days
    omgeving = QueueIntervalStat.objects.filter(queue=queues["Departement Omgeving"])
    assert omgeving.filter(offered=0).exists()
    assert omgeving.filter(interval_start__gte=NOW).count() == 0
    answered = QueueIntervalStat.objects.aggregate(Sum("answered"), Sum("handle_seconds_sum"))
    average_handle = answered["handle_seconds_sum__sum"] / answered["answered__sum"]
    assert 240 <= average_handle <= 420


def test_the_desk_has_open_work_overdue_at_risk_and_on_time(demo_world):
    counts = history.load_history(NOW, weeks=SHORT)
    written = Contact.objects.written()

    demo_open = written.filter(source=history.SOURCE).open()
    assert demo_open.count() == counts["open"] == 17
    assert demo_open.overdue(NOW).count() == 3
    assert demo_open.at_risk(NOW).count() == 5
    assert Counter(demo_open.values_list("sla_state", flat=True)) == {
        SlaState.OK: 9,
        SlaState.AT_RISK: 5,
        SlaState.OVERDUE: 3,
    }
    assert not demo_open.filter(due_at=None).exists()
    assert not demo_open.exclude(answered_at=None).exists()
    assert len(set(demo_open.values_list("partner", flat=True))) >= 4
    # With the mailbox the desk has about 25 open e-mails, none of them overdue by days.
    assert 22 <= written.open().count() <= 30
    assert all(
        due > NOW - dt.timedelta(days=3) for due in written.open().values_list("due_at", flat=True)
    )
    # Answered ones: mostly within the due moment, some late and marked so.
    answered = written.filter(source=history.SOURCE).exclude(outcome="open")
    late = [a > d for a, d in answered.values_list("answered_at", "due_at")]
    assert 0.04 < sum(late) / len(late) < 0.15
    assert answered.filter(sla_state=SlaState.OVERDUE).count() == sum(late)


def test_the_mailbox_is_taken_in_through_import_mail(demo_world):
    counts = history.load_history(NOW, weeks=1)
    files = sorted(path.name for path in history.MAIL_FOLDER.glob("*.eml"))
    assert len(files) == 12
    messages = {m.filename: m for m in InboundMessage.objects.all()}

    assert sorted(messages) == files  # none lost
    assert counts["mail_messages"] == 12
    kinds = Counter(m.kind for m in messages.values())
    assert kinds == {
        MailKind.NEW_CONTACT: 9,
        MailKind.THREADED: 1,
        MailKind.AUTO_REPLY: 1,
        MailKind.NEEDS_ATTENTION: 1,
    }
    broken = messages["11-onleesbaar-bericht.eml"]
    assert broken.kind == MailKind.NEEDS_ATTENTION
    assert "recipient" in broken.problem
    assert broken.contact is None
    assert bytes(broken.raw) == (history.MAIL_FOLDER / broken.filename).read_bytes()
    assert broken.received_at == NOW  # its Date header cannot be read: the intake moment

    follow_up = messages["08-aanvulling-schoolbonus.eml"]
    assert follow_up.kind == MailKind.THREADED
    assert follow_up.contact == messages["01-groeipakket-schoolbonus.eml"].contact
    reply = messages["09-antwoord-huurpremie-referentie.eml"]
    assert reply.kind == MailKind.NEW_CONTACT  # [IL-990000017] names no stored contact
    assert reply.contact.partner.name == "Wonen in Vlaanderen"
    assert not Contact.objects.filter(pk=990000017).exists()
    assert messages["10-afwezigheidsmelding.eml"].kind == MailKind.AUTO_REPLY
    assert messages["06-kmo-portefeuille-bijlage.eml"].attachments == 1
    assert "één inkomen" in messages["03-studietoelage-latin1.eml"].text
    assert "<" not in messages["04-verbouwpremie-html.eml"].text
    assert messages["05-werkzoekende-plusadres.eml"].contact.partner.name == "VDAB"

    calendar = working_calendar()
    dated = [m for m in messages.values() if m is not broken]
    assert all(m.received_at < NOW for m in dated)
    assert all(calendar.is_working_day(local_date(m.received_at)) for m in dated)
    assert [m.filename for m in sorted(dated, key=lambda m: m.received_at)] == sorted(
        m.filename for m in dated
    )
    new = Contact.objects.filter(source="mail")
    assert new.count() == 9
    assert all(due >= NOW for due in new.values_list("due_at", flat=True))


def test_same_now_same_history(demo_world):
    history.load_history(NOW, weeks=2)
    first = _snapshot()
    Contact.objects.filter(source=history.SOURCE).delete()
    QueueIntervalStat.objects.all().delete()

    assert history.load_history(NOW, weeks=2)["phone"] > 0
    assert _snapshot() == first
    later = NOW + dt.timedelta(days=7)
    Contact.objects.filter(source=history.SOURCE).delete()
    QueueIntervalStat.objects.all().delete()
    history.load_history(later, weeks=2)
    assert _snapshot() != first


def test_only_the_demo_partners_that_exist(db):
    make_partner("Departement Omgeving")
    make_partner("Een partner buiten de demo")

    counts = history.load_history(NOW, weeks=2)

    assert counts["queues"] == 1
    assert set(Contact.objects.values_list("partner__name", flat=True)) == {"Departement Omgeving"}
    # Omgeving has no agreement: weekdays 9–19, and no agents so no one handled the calls.
    assert set(Contact.objects.values_list("handled_by", flat=True)) == {None}


def test_nothing_without_demo_partners_or_with_a_naive_now(db):
    make_partner("Een partner buiten de demo")

    assert set(history.load_history(NOW).values()) == {0}
    assert not InboundMessage.objects.exists()  # the mailbox waits for the partners
    with pytest.raises(ValueError, match="timezone-aware"):
        history.load_history(dt.datetime(2026, 11, 24, 15, 10))  # noqa: DTZ001
    with pytest.raises(ValueError, match="weeks"):
        history.load_history(NOW, weeks=0)
