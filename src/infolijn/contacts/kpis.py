"""The KPIs of DESIGN §8 over a range of local dates (pure: no Django).

>>> import datetime as dt
>>> from infolijn.calendar import BRUSSELS
>>> at = dt.datetime(2026, 6, 15, 9, 0, tzinfo=BRUSSELS)
>>> calls = [
...     ContactRecord("phone", at, answered_at=at + dt.timedelta(seconds=12), outcome="answered"),
...     ContactRecord("phone", at, closed_at=at + dt.timedelta(seconds=3), outcome="abandoned"),
... ]
>>> compute_kpis(calls, start=at.date(), end=at.date()).as_dict()["service_level"]
1.0

Every definition lives here once, so the command, the dashboard and the partner reports agree:

- phone KPIs count the calls *received* on a date in the range (Europe/Brussels);
- a short abandon (abandoned after a wait under 5 s) is left out of every phone KPI;
- offered = every other call; answered = offered calls with ``answered_at``;
- service level = answered with a wait ≤ the threshold ÷ offered (exactly the threshold counts);
- abandonment rate = abandoned (not short) ÷ offered; ASA = mean wait of answered calls (seconds);
- e-mails on time: e-mails and web forms whose due moment falls on a date in the range; the share
  answered (``answered_at``, forwarded ones too) by the due moment; an open one is late.

A ratio (or mean) whose denominator is 0 is ``None``, never 0: "no calls" is not "all missed".
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from infolijn.calendar import local_date

PHONE = "phone"
WRITTEN = frozenset({"email", "webform"})
ABANDONED = "abandoned"
OPEN = "open"
DEFAULT_THRESHOLD_SECONDS = 20
SHORT_ABANDON = dt.timedelta(seconds=5)


@dataclass(frozen=True, slots=True)
class ContactRecord:
    """What the KPIs need of one contact; moments are aware datetimes."""

    channel: str
    received_at: dt.datetime
    answered_at: dt.datetime | None = None
    closed_at: dt.datetime | None = None
    outcome: str = OPEN
    due_at: dt.datetime | None = None

    @property
    def wait(self) -> dt.timedelta | None:
        """``answered_at − received_at``, or ``closed_at − received_at`` when abandoned."""
        end = self.closed_at if self.outcome == ABANDONED else self.answered_at
        return None if end is None else end - self.received_at

    @property
    def is_short_abandon(self) -> bool:
        # An abandoned call without a hang-up moment has no known wait: it is not short.
        wait = self.wait
        return self.outcome == ABANDONED and wait is not None and wait < SHORT_ABANDON

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None and self.outcome != ABANDONED

    @property
    def answered_on_time(self) -> bool:
        """Answered by the due moment; one still open is late whatever its timestamps say."""
        return (
            self.outcome != OPEN
            and self.answered_at is not None
            and self.due_at is not None
            and self.answered_at <= self.due_at
        )


@dataclass(frozen=True, slots=True)
class Kpis:
    """The KPIs in the order and with the names of `infolijn kpis --json` (DESIGN §6)."""

    calls_offered: int
    calls_answered: int
    service_level: float | None
    abandonment_rate: float | None
    asa: float | None
    emails_due: int
    emails_on_time: float | None

    def as_dict(self) -> dict[str, int | float | None]:
        return asdict(self)


def compute_kpis(
    records: Iterable[ContactRecord],
    *,
    start: dt.date,
    end: dt.date,
    threshold_seconds: float = DEFAULT_THRESHOLD_SECONDS,
) -> Kpis:
    """The KPIs of the contacts among ``records`` that belong to ``start``–``end`` (inclusive).

    ``records`` may hold more than the range (they are filtered here, on local dates), so a
    caller can pass a superset without changing the answer.
    """
    if end < start:
        raise ValueError(f"end {end.isoformat()} is before start {start.isoformat()}")
    if threshold_seconds < 0:
        raise ValueError(f"threshold_seconds must not be negative, got {threshold_seconds}")
    threshold = dt.timedelta(seconds=threshold_seconds)
    offered = answered = within = abandoned = 0
    total_wait = dt.timedelta(0)
    due = on_time = 0
    for record in records:
        if record.channel == PHONE:
            if not start <= local_date(record.received_at, "received_at") <= end:
                continue
            if record.is_short_abandon:
                continue
            offered += 1
            if record.outcome == ABANDONED:
                abandoned += 1
            elif record.is_answered:
                wait = record.wait
                assert wait is not None  # answered_at is set
                answered += 1
                total_wait += wait
                within += wait <= threshold
        elif record.channel in WRITTEN and record.due_at is not None:
            if not start <= local_date(record.due_at, "due_at") <= end:
                continue
            due += 1
            on_time += record.answered_on_time
    return Kpis(
        calls_offered=offered,
        calls_answered=answered,
        service_level=_ratio(within, offered),
        abandonment_rate=_ratio(abandoned, offered),
        # Summing timedeltas keeps microseconds exact; divide once at the end.
        asa=total_wait.total_seconds() / answered if answered else None,
        emails_due=due,
        emails_on_time=_ratio(on_time, due),
    )


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None
