"""Demo history: sixteen weeks of a living contact center, for the dashboards and the desk.

``load_history(now)`` adds, for the demo partners that exist:

- calls on every working day of the last 16 weeks, within each agreement's opening hours, with a
  weekday pattern (Monday busiest), an intraday profile (peaks around 10:00 and 14:00), campaign
  weeks, and waits that get longer when it is busy (service level around 80 %);
- e-mails and web forms (about 15 % of the calls) answered mostly within the agreed working
  days, some late, and a few still open: overdue, at risk and on time;
- the telephony platform's 30-minute interval figures of the last four weeks, computed from those
  calls so the two always agree;
- the citizen e-mails of ``content/mail`` taken in by ``import_mail_folder`` (what
  ``infolijn import-mail`` runs), their Date headers moved to the last working days.

Everything is drawn from seeded generators (one per partner), so the same ``now`` gives the same
rows. The rows follow the rules real work follows: due moments from ``DeadlineRules``, the
invariants of ``Contact`` and the SLA sweeper. A second call finds the demo rows and adds nothing.
"""

import datetime as dt
import math
import random
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from infolijn.calendar import (
    OpeningHours,
    OpeningWindow,
    WorkingCalendar,
    local_date,
    local_moment,
    require_aware,
)
from infolijn.contacts.actions import sweep_sla
from infolijn.contacts.deadlines import DeadlineRules, agreement_in_force, service_level_threshold
from infolijn.contacts.kpis import SHORT_ABANDON
from infolijn.contacts.mailintake import import_mail_folder
from infolijn.contacts.models import (
    AT_RISK_WINDOW,
    Contact,
    Outcome,
    QueueIntervalStat,
    SlaState,
    TelephonyQueue,
    invariant_errors,
)
from infolijn.knowledge.models import ScriptPage
from infolijn.partners.calendar import opening_hours, working_calendar
from infolijn.partners.models import Channel, Partner
from infolijn.partners.roles import Role

SOURCE = "demo"
QUEUE_SOURCE = "demo-acd"
MAIL_FOLDER = Path(__file__).parent / "content" / "mail"
WEEKS = 16
INTERVAL_DAYS = 28
INTERVAL_SECONDS = 1800
SLOT = dt.timedelta(seconds=INTERVAL_SECONDS)
MAX_WAIT = 900
MAX_HANDLE = 1800
# A call is only made up when it surely ended before ``now`` (no moment lies in the future).
SETTLE = dt.timedelta(seconds=MAX_WAIT + MAX_HANDLE)
BATCH_SIZE = 2000
KINDS = (
    "phone", "email", "webform", "open", "queues", "intervals", "mail_messages",
    "mail_contacts", "mail_threaded", "mail_auto_replies", "mail_needs_attention",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Profile:
    """How busy a partner's line is: calls on an average working day, handle time, topics."""

    name: str
    queue: str
    calls_per_day: float
    handle_seconds: float
    leading_topics: tuple[str, ...]


PROFILES = (
    Profile("Agentschap Opgroeien", "1700-opgroeien", 105, 285,
            ("groeipakket-basisbedrag", "groeipakket-schoolbonus",
             "groeipakket-kinderopvangtoeslag")),
    Profile("Vlaamse Belastingdienst", "1700-belastingdienst", 90, 360,
            ("onroerende-voorheffing", "verkeersbelasting", "aanslagbiljet-online-bekijken")),
    Profile("Departement Onderwijs en Vorming", "1700-onderwijs", 48, 300,
            ("studietoelage-hoger-onderwijs", "schooltoelage")),
    Profile("Wonen in Vlaanderen", "1700-wonen", 42, 390,
            ("mijn-verbouwpremie", "huurpremie", "mijn-verbouwlening")),
    Profile("VDAB", "1700-vdab", 38, 320, ("inschrijven-als-werkzoekende", "opleidingscheques")),
    Profile("Agentschap Innoveren en Ondernemen", "1700-vlaio", 22, 410,
            ("kmo-portefeuille", "starten-als-zelfstandige")),
    Profile("Departement Omgeving", "1700-omgeving", 12, 400, ("omgevingsvergunning-aanvragen",)),
)  # fmt: skip

# Extra calls about one topic in some weeks, counted back from ``now`` (0 = this week):
# partner → (topic, {weeks ago: volume factor}).
CAMPAIGNS: dict[str, tuple[str, dict[int, float]]] = {
    # The tax bills of the onroerende voorheffing go out: busy weeks up to the deadline.
    "Vlaamse Belastingdienst": ("onroerende-voorheffing", {5: 1.35, 4: 1.8, 3: 1.45}),
    # Start of the academic year: questions about study grants.
    "Departement Onderwijs en Vorming": (
        "studietoelage-hoger-onderwijs",
        {13: 1.3, 12: 1.6, 11: 1.3},
    ),
}
WEEKDAY_FACTOR = (1.28, 1.06, 0.97, 0.92, 0.77, 0.0, 0.0)
# Relative call volume per half hour (local start time); peaks around 10:00 and 14:00.
INTRADAY = {
    (9, 0): 0.70, (9, 30): 1.00, (10, 0): 1.25, (10, 30): 1.22, (11, 0): 1.10,
    (11, 30): 0.95, (12, 0): 0.75, (12, 30): 0.70, (13, 0): 0.85, (13, 30): 1.02,
    (14, 0): 1.15, (14, 30): 1.10, (15, 0): 0.95, (15, 30): 0.85, (16, 0): 0.75,
    (16, 30): 0.60, (17, 0): 0.45, (17, 30): 0.35, (18, 0): 0.25, (18, 30): 0.18,
}  # fmt: skip
AVERAGE_SLOT_WEIGHT = sum(INTRADAY.values()) / len(INTRADAY)
OTHER_SLOT_WEIGHT = 0.3
# When e-mails and web forms arrive (hour of the day, every day of the week).
ARRIVAL_BY_HOUR = (
    0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.2, 2.0, 2.4, 2.5, 2.3,
    1.9, 2.1, 2.3, 2.1, 1.8, 1.5, 1.2, 1.3, 1.5, 1.4, 0.9, 0.5,
)  # fmt: skip
WRITTEN_SHARE = 0.15
NON_WORKING_DAY_WRITTEN = 0.3
EMAIL_SHARE = 0.6
# Working days after arrival on which the reply goes out, and how often (the last two are late).
REPLY_DAYS = (0, 1, 2, 3, 4)
REPLY_DAY_WEIGHTS = (0.30, 0.42, 0.19, 0.06, 0.03)
OPEN_TARGETS = (("overdue", 3), ("at_risk", 5), ("ok", 9))
DAY_START, DAY_END = dt.time(9), dt.time(19)


@dataclass(slots=True)
class _Interval:
    offered: int = 0
    answered: int = 0
    within: int = 0
    abandoned: int = 0
    short: int = 0
    wait: float = 0.0
    handle: float = 0.0
    abandon_wait: float = 0.0


@dataclass
class _Line:
    """One partner's line while its history is made up."""

    profile: Profile
    partner: Partner
    rng: random.Random  # volumes, moments and outcomes
    pick: random.Random  # topics and agents, so volumes do not depend on the scripts or staff
    topics: list[str]
    topic_weights: list[float]
    hours: OpeningHours
    threshold: int
    agents: list[int]
    intervals: dict[dt.datetime, _Interval] = field(default_factory=dict)
    campaign: tuple[str, float] = ("", 1.0)

    def topic(self) -> str:
        """A topic for one contact: the campaign's topic brings the campaign's extra volume."""
        topic, factor = self.campaign
        if factor > 1 and self.pick.random() < 1 - 1 / factor:
            return topic
        if not self.topics:
            return ""
        return self.pick.choices(self.topics, weights=self.topic_weights)[0]

    def agent(self) -> int | None:
        return self.pick.choice(self.agents) if self.agents else None

    def contact(
        self,
        *,
        channel: str,
        received: dt.datetime,
        outcome: str,
        answered: dt.datetime | None = None,
        closed: dt.datetime | None = None,
        due: dt.datetime | None = None,
    ) -> Contact:
        errors = invariant_errors(
            channel=channel,
            outcome=outcome,
            received_at=received,
            answered_at=answered,
            closed_at=closed,
        )
        if errors:
            raise RuntimeError(f"demo history made an invalid contact: {errors[0]}")
        return Contact(
            source=SOURCE,
            channel=channel,
            partner=self.partner,
            received_at=received,
            answered_at=answered,
            closed_at=closed,
            outcome=outcome,
            topic=self.topic(),
            due_at=due,
            handled_by_id=self.agent() if answered is not None else None,
        )


def load_history(now: dt.datetime, *, weeks: int = WEEKS) -> dict[str, int]:
    """Add the demo history of the ``weeks`` weeks up to ``now`` (aware); returns how many rows
    of each kind were added: ``phone``, ``email`` and ``webform`` are the handled contacts,
    ``open`` the e-mails and web forms left for the desk, ``queues`` and ``intervals`` the
    telephony figures, ``mail_*`` what the intake of ``content/mail`` did.

    Demo partners that do not exist are left out (and the mailbox waits until one does).
    Nothing is added when demo contacts exist already; the mail folder is taken in again, which
    adds nothing for messages already in.
    """
    require_aware(now, "now")
    if weeks < 1:
        raise ValueError(f"weeks must be at least 1, got {weeks}")
    counts = dict.fromkeys(KINDS, 0)
    if not Partner.objects.filter(name__in=[profile.name for profile in PROFILES]).exists():
        return counts
    with transaction.atomic():
        if not Contact.objects.filter(source=SOURCE).exists():
            counts.update(_contacts_and_intervals(now, weeks))
    counts.update(_mail(now))
    sweep_sla(now=now)
    return counts


# -- calls, e-mails, web forms and intervals ------------------------------------------------


def _contacts_and_intervals(now: dt.datetime, weeks: int) -> dict[str, int]:
    calendar = working_calendar()
    rules = DeadlineRules(calendar)
    today = local_date(now)
    first_day = today - dt.timedelta(days=weeks * 7 - 1)
    interval_from = today - dt.timedelta(days=INTERVAL_DAYS - 1)
    counts = dict.fromkeys(KINDS, 0)
    contacts: list[Contact] = []
    lines = _lines(calendar, today)
    for line in lines:
        topic, factors = CAMPAIGNS.get(line.profile.name, ("", {}))
        day = first_day
        while day <= today:
            line.campaign = (topic, factors.get((today - day).days // 7, 1.0))
            calls = _calls(line, day, now, keep_intervals=day >= interval_from)
            written = _written(line, rules, calendar, day, now)
            contacts += calls + written
            counts["phone"] += len(calls)
            for contact in written:
                counts[contact.channel] += 1
            day += dt.timedelta(days=1)
        line.campaign = ("", 1.0)
    opened = _open_contacts(lines, rules, now)
    counts["open"] = len(opened)
    Contact.objects.bulk_create(contacts + opened, batch_size=BATCH_SIZE)
    counts["queues"], counts["intervals"] = _store_intervals(lines)
    return counts


def _lines(calendar: WorkingCalendar, today: dt.date) -> list[_Line]:
    partners = {p.name: p for p in Partner.objects.filter(name__in=[p.name for p in PROFILES])}
    agents = list(
        get_user_model()
        .objects.filter(groups__name=Role.AGENT.value, is_active=True)
        .order_by("username")
        .values_list("pk", flat=True)
    )
    lines = []
    for profile in PROFILES:
        partner = partners.get(profile.name)
        if partner is None:
            continue
        scripts = ScriptPage.objects.filter(partner=partner).values_list("script_id", flat=True)
        topics = sorted(set(scripts))
        lines.append(
            _Line(
                profile=profile,
                partner=partner,
                rng=random.Random(f"infolijn-demo-history-{profile.queue}"),
                pick=random.Random(f"infolijn-demo-history-{profile.queue}-pick"),
                topics=topics,
                topic_weights=_topic_weights(topics, profile.leading_topics),
                hours=_hours(partner, calendar, today),
                threshold=service_level_threshold(partner, today),
                agents=agents,
            )
        )
    return lines


def _topic_weights(topics: list[str], leading: tuple[str, ...]) -> list[float]:
    """A few topics dominate (the partner's leading ones), the rest follow a Zipf tail."""
    ranked = [t for t in leading if t in topics] + [t for t in topics if t not in leading]
    weight = {topic: 1 / (rank + 1) ** 1.1 for rank, topic in enumerate(ranked)}
    return [weight[topic] for topic in topics]


def _hours(partner: Partner, calendar: WorkingCalendar, today: dt.date) -> OpeningHours:
    """The opening hours of the agreement in force today; weekdays 9–19 when it has none."""
    agreement = agreement_in_force(partner, today)
    hours = opening_hours(agreement, calendar) if agreement is not None else None
    if hours is None or not hours.windows:
        default = [OpeningWindow(weekday=d, opens=DAY_START, closes=DAY_END) for d in range(5)]
        hours = OpeningHours(default, calendar)
    return hours


def _slots(hours: OpeningHours, day: dt.date) -> Iterator[tuple[dt.datetime, dt.datetime, float]]:
    """(from, until, weight) of each half hour the line is open on ``day`` (none when closed)."""
    for window in hours.windows_on(day):
        opens = local_moment(day, window.opens)
        if window.closes == dt.time(0):
            closes = local_moment(day + dt.timedelta(days=1), dt.time(0))
        else:
            closes = local_moment(day, window.closes)
        start = opens.replace(minute=opens.minute // 30 * 30, second=0, microsecond=0)
        while start < closes:
            weight = INTRADAY.get((start.hour, start.minute), OTHER_SLOT_WEIGHT)
            yield max(start, opens), min(start + SLOT, closes), weight
            start += SLOT


def _calls(line: _Line, day: dt.date, now: dt.datetime, *, keep_intervals: bool) -> list[Contact]:
    rng = line.rng
    slots = [slot for slot in _slots(line.hours, day) if slot[1] + SETTLE <= now]
    if not slots:
        return []
    load = WEEKDAY_FACTOR[day.weekday()] * line.campaign[1] * rng.gauss(1.0, 0.06)
    mean = line.profile.calls_per_day * load
    count = max(0, round(rng.gauss(mean, math.sqrt(mean))))
    drawn = sorted(rng.choices(slots, weights=[slot[2] for slot in slots], k=count))
    if keep_intervals:
        for start, _, _ in slots:
            line.intervals[_grid(start)] = _Interval()
    calls = []
    for number, (start, until, weight) in enumerate(drawn):
        seconds = rng.randrange(int((until - start).total_seconds()))
        busy = load * (0.55 + 0.45 * weight / AVERAGE_SLOT_WEIGHT)
        call = _call(line, start + dt.timedelta(seconds=seconds), busy)
        call.external_id = f"demo-{line.partner.code}-{day:%Y%m%d}-t{number:04d}"
        calls.append(call)
        if keep_intervals:
            _count(line.intervals[_grid(start)], call, line.threshold)
    return calls


def _grid(moment: dt.datetime) -> dt.datetime:
    return moment.replace(minute=moment.minute // 30 * 30, second=0, microsecond=0)


def _call(line: _Line, received: dt.datetime, busy: float) -> Contact:
    """One call; the busier the half hour, the longer callers wait and the more hang up."""
    rng = line.rng
    p_abandon = min(0.25, 0.062 * busy**1.6)
    p_within = max(0.45, min(0.97, 0.915 - 0.2 * (busy - 0.8)))
    if rng.random() < p_abandon:
        short = rng.random() < 0.25
        wait = rng.randint(1, 4) if short else 5 + min(int(rng.expovariate(1 / 55)), MAX_WAIT - 5)
        closed = received + dt.timedelta(seconds=wait)
        return line.contact(
            channel=Channel.PHONE, received=received, outcome=Outcome.ABANDONED, closed=closed
        )
    if rng.random() < p_within:
        wait = 1 + int(19 * rng.random() ** 1.4)
    else:
        wait = 21 + min(int(rng.expovariate(1 / 70)), MAX_WAIT - 21)
    handle = round(rng.lognormvariate(math.log(line.profile.handle_seconds) - 0.08, 0.4))
    answered = received + dt.timedelta(seconds=wait)
    return line.contact(
        channel=Channel.PHONE,
        received=received,
        outcome=Outcome.FORWARDED if rng.random() < 0.043 else Outcome.ANSWERED,
        answered=answered,
        closed=answered + dt.timedelta(seconds=max(40, min(handle, MAX_HANDLE))),
    )


def _count(interval: _Interval, call: Contact, threshold: int) -> None:
    """Add one call to its interval as the telephony platform counts it."""
    interval.offered += 1
    if call.outcome == Outcome.ABANDONED:
        assert call.closed_at is not None
        waited = (call.closed_at - call.received_at).total_seconds()
        interval.abandoned += 1
        interval.short += waited < SHORT_ABANDON.total_seconds()
        interval.abandon_wait += waited
        return
    assert call.answered_at is not None
    assert call.closed_at is not None
    waited = (call.answered_at - call.received_at).total_seconds()
    interval.answered += 1
    interval.within += waited <= threshold
    interval.wait += waited
    interval.handle += (call.closed_at - call.answered_at).total_seconds()


def _written(
    line: _Line, rules: DeadlineRules, calendar: WorkingCalendar, day: dt.date, now: dt.datetime
) -> list[Contact]:
    """E-mails and web forms received on ``day`` and answered before ``now``."""
    rng = line.rng
    share = 1.0 if calendar.is_working_day(day) else NON_WORKING_DAY_WRITTEN
    mean = line.profile.calls_per_day * WRITTEN_SHARE * share * line.campaign[1]
    count = max(0, round(rng.gauss(mean, math.sqrt(mean))))
    found = []
    for number, hour in enumerate(sorted(rng.choices(range(24), ARRIVAL_BY_HOUR, k=count))):
        received = local_moment(day, dt.time(hour, rng.randrange(60), rng.randrange(60)))
        channel = Channel.EMAIL if rng.random() < EMAIL_SHARE else Channel.WEBFORM
        outcome = Outcome.FORWARDED if rng.random() < 0.1 else Outcome.ANSWERED
        replied = _reply_moment(rng, calendar, received)
        if replied > now:
            continue  # still open: the open ones are made apart, to a plan
        due = rules.due_at(partner=line.partner, channel=channel, received_at=received)
        contact = line.contact(
            channel=channel,
            received=received,
            outcome=outcome,
            answered=replied,
            closed=replied,
            due=due,
        )
        contact.external_id = f"demo-{line.partner.code}-{day:%Y%m%d}-w{number:03d}"
        # What the sweeper leaves on a contact answered after its due moment: overdue.
        assert due is not None
        contact.sla_state = SlaState.OVERDUE if replied > due else SlaState.OK
        found.append(contact)
    return found


def _reply_moment(
    rng: random.Random, calendar: WorkingCalendar, received: dt.datetime
) -> dt.datetime:
    """A moment in office hours on a working day, some working days after arrival."""
    after = rng.choices(REPLY_DAYS, weights=REPLY_DAY_WEIGHTS)[0]
    day = calendar.add_working_days(calendar.roll_forward(local_date(received)), after)
    earliest = max(local_moment(day, DAY_START), received + dt.timedelta(minutes=15))
    latest = local_moment(day, DAY_END)
    if earliest >= latest:
        day = calendar.add_working_days(day, 1)
        earliest, latest = local_moment(day, DAY_START), local_moment(day, DAY_END)
    return earliest + dt.timedelta(seconds=rng.randrange(int((latest - earliest).total_seconds())))


def _open_contacts(lines: list[_Line], rules: DeadlineRules, now: dt.datetime) -> list[Contact]:
    """Open e-mails and web forms for the desk: a few overdue, some at risk, the rest on time.

    At risk means due within 24 hours, which can only happen when ``now`` falls on a working
    day; on other days those become on-time ones.
    """
    if not lines:
        return []
    rng = random.Random("infolijn-demo-history-open")
    weights = [line.profile.calls_per_day for line in lines]
    found: list[Contact] = []
    for state, wanted in OPEN_TARGETS:
        for _ in range(wanted):
            line = rng.choices(lines, weights=weights)[0]
            channel = Channel.EMAIL if rng.random() < EMAIL_SHARE else Channel.WEBFORM
            contact = _open_one(line, rules, rng, now, channel, state)
            contact = contact or _open_one(line, rules, rng, now, channel, "ok")
            if contact is not None:
                contact.external_id = f"demo-{line.partner.code}-open-{len(found):02d}"
                found.append(contact)
    return found


def _open_one(
    line: _Line,
    rules: DeadlineRules,
    rng: random.Random,
    now: dt.datetime,
    channel: str,
    state: str,
) -> Contact | None:
    """An open contact received in the last week whose due moment puts it in ``state``."""
    today = local_date(now)
    for _ in range(400):
        day = today - dt.timedelta(days=rng.randrange(8))
        received = local_moment(day, dt.time(7 + rng.randrange(15), rng.randrange(60)))
        if received >= now:
            continue
        due = rules.due_at(partner=line.partner, channel=channel, received_at=received)
        assert due is not None
        found = "overdue" if due < now else "at_risk" if due < now + AT_RISK_WINDOW else "ok"
        if found == state and (state != "overdue" or due > now - dt.timedelta(days=3)):
            return line.contact(channel=channel, received=received, outcome=Outcome.OPEN, due=due)
    return None


def _store_intervals(lines: list[_Line]) -> tuple[int, int]:
    """The demo telephony platform's queues and its 30-minute figures, from the calls made."""
    queues = 0
    rows = []
    for line in lines:
        queue, created = TelephonyQueue.objects.get_or_create(
            source=QUEUE_SOURCE,
            queue=line.profile.queue,
            defaults={"partner": line.partner, "channel": Channel.PHONE},
        )
        queues += created
        existing = set(queue.intervals.values_list("interval_start", flat=True))
        for start, interval in sorted(line.intervals.items()):
            if start.astimezone(dt.UTC) in existing:
                continue
            rows.append(
                QueueIntervalStat(
                    queue=queue,
                    interval_start=start.astimezone(dt.UTC),
                    interval_seconds=INTERVAL_SECONDS,
                    offered=interval.offered,
                    answered=interval.answered,
                    answered_within_threshold=interval.within,
                    threshold_seconds=line.threshold,
                    abandoned=interval.abandoned,
                    short_abandons=interval.short,
                    wait_seconds_sum=interval.wait,
                    handle_seconds_sum=interval.handle,
                    abandon_wait_seconds_sum=interval.abandon_wait,
                )
            )
    QueueIntervalStat.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    return queues, len(rows)


# -- the mailbox ----------------------------------------------------------------------------

_DATE_HEADER = re.compile(rb"^Date:[^\r\n]*", re.IGNORECASE | re.MULTILINE)
MAIL_TIMES = tuple(
    dt.time(h, m)
    for h, m in ((7, 48), (8, 12), (9, 5), (9, 41), (11, 3), (12, 20), (13, 26), (15, 48),
                 (17, 30), (20, 17), (22, 5))
)  # fmt: skip
MAIL_DEADLINE_WORKING_DAYS = 2


def _mail(now: dt.datetime) -> dict[str, int]:
    """Take in ``content/mail`` through ``import_mail_folder``, dated on recent working days.

    Only a copy is changed: a parseable Date header gets a recent moment before ``now`` (in
    file order, so a follow-up stays after the message it follows); the rest of each message,
    its Message-ID included, is kept as it is, so taking the folder in twice adds nothing.
    """
    paths = sorted(MAIL_FOLDER.glob("*.eml"))
    moments = _mail_moments(now, len(paths))
    with tempfile.TemporaryDirectory(prefix="infolijn-demo-mail-") as folder:
        for path, moment in zip(paths, moments, strict=True):
            (Path(folder) / path.name).write_bytes(_redated(path.read_bytes(), moment))
        summary = import_mail_folder(directory=Path(folder), now=now)
    return {
        "mail_messages": summary.new_messages,
        "mail_contacts": summary.contacts_created,
        "mail_threaded": summary.threaded,
        "mail_auto_replies": summary.auto_replies,
        "mail_needs_attention": summary.needs_attention,
    }


def _mail_moments(now: dt.datetime, count: int) -> list[dt.datetime]:
    """``count`` moments on the last working days before ``now``, oldest first.

    Moments whose mail would be due within a day (on the default two working days) are used
    only when there are not enough others, so the mailbox adds work that is still on time.
    """
    calendar = working_calendar()
    fresh: list[dt.datetime] = []
    older: list[dt.datetime] = []
    day = local_date(now)
    for _ in range(31):
        if calendar.is_working_day(day):
            for time in reversed(MAIL_TIMES):
                moment = local_moment(day, time)
                if moment >= now:
                    continue
                due = calendar.due_moment(moment, MAIL_DEADLINE_WORKING_DAYS)
                (fresh if due >= now + AT_RISK_WINDOW else older).append(moment)
        if len(fresh) >= count or len(fresh) + len(older) >= 3 * count:
            break
        day -= dt.timedelta(days=1)
    return sorted((fresh + older)[:count])


def _redated(raw: bytes, moment: dt.datetime) -> bytes:
    header_end = min((i for i in (raw.find(b"\r\n\r\n"), raw.find(b"\n\n")) if i >= 0), default=-1)
    head = raw if header_end < 0 else raw[:header_end]
    match = _DATE_HEADER.search(head)
    if match is None:
        return raw
    try:
        parsedate_to_datetime(match.group(0)[5:].decode("ascii").strip())
    except (TypeError, ValueError, IndexError, UnicodeDecodeError):
        return raw  # an unreadable date stays unreadable: intake uses its own moment
    new = b"Date: " + format_datetime(moment).encode("ascii")
    return raw[: match.start()] + new + raw[match.end() :]
