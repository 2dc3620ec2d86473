"""Importing interval statistics from a telephony platform (``infolijn import-intervals``).

Parsing is the pure ``intervalstats`` module; here the rows meet the database: each queue must
be mapped to a partner (``TelephonyQueue``, or ``--map QUEUE=PARTNER`` on import), rows of
unmapped queues are reported and not stored, and a re-import replaces the figures of the same
(queue, interval) so importing a file twice changes nothing.
"""

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from infolijn.contacts import intervalstats
from infolijn.contacts.models import QueueIntervalStat, TelephonyQueue
from infolijn.partners.models import Partner

# The figures of one interval: every field of the parsed row but its key.
STAT_FIELDS = tuple(
    f.name
    for f in dataclasses.fields(intervalstats.QueueIntervalStat)
    if f.name not in ("source", "queue", "interval_start")
)


@dataclass
class IntervalImportReport:
    filename: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        return (
            f"{self.filename}: {self.created} intervals added, {self.updated} updated, "
            f"{self.unchanged} unchanged, {len(self.problems)} problems"
        )

    def to_dict(self) -> dict[str, object]:
        return {**dataclasses.asdict(self), "ok": self.ok}


def map_queues(*, source: str, mapping: Mapping[str, str]) -> dict[str, TelephonyQueue]:
    """Map queue names to partners (by name or code); raises ValueError naming an unknown one."""
    mapped = {}
    for queue, partner_name in mapping.items():
        partner = Partner.objects.by_name_or_code(partner_name)
        if partner is None:
            raise ValueError(f"--map {queue}={partner_name}: no partner with that name or code")
        mapped[queue], _ = TelephonyQueue.objects.update_or_create(
            source=source, queue=queue, defaults={"partner": partner}
        )
    return mapped


def import_interval_file(
    path: str | Path,
    *,
    source: str | None = None,
    threshold_seconds: int = intervalstats.DEFAULT_THRESHOLD_SECONDS,
    tz: dt.tzinfo | str = intervalstats.BRUSSELS,
) -> IntervalImportReport:
    """Store every good row of ``path``; report bad rows and rows of unmapped queues."""
    name = Path(path).name
    rows, problems = intervalstats.parse_file(
        path, source=source, tz=tz, threshold_seconds=threshold_seconds
    )
    report = IntervalImportReport(name, problems=[p.format(name) for p in problems])
    queues = {(q.source, q.queue): q for q in TelephonyQueue.objects.all()}
    unmapped = sorted({(r.source, r.queue) for r in rows} - set(queues))
    for source_name, queue in unmapped:
        report.problems.append(
            f"{name}: queue {queue!r} of {source_name} is not mapped to a partner; its rows "
            f"were not stored (map it with --map {queue}=PARTNER)"
        )
    with transaction.atomic():
        for row in rows:
            queue_row = queues.get((row.source, row.queue))
            if queue_row is None:
                continue
            values = {name: getattr(row, name) for name in STAT_FIELDS}
            existing = QueueIntervalStat.objects.filter(
                queue=queue_row, interval_start=row.interval_start
            ).first()
            if existing is None:
                QueueIntervalStat.objects.create(
                    queue=queue_row, interval_start=row.interval_start, **values
                )
                report.created += 1
            elif any(getattr(existing, k) != v for k, v in values.items()):
                for key, value in values.items():
                    setattr(existing, key, value)
                existing.save()
                report.updated += 1
            else:
                report.unchanged += 1
    return report
