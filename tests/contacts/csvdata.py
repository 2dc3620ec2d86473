"""Contacts CSV files for the import tests (DESIGN §7.3)."""

import datetime as dt

from infolijn.contacts.models import Contact

HEADER = "id,channel,partner,received_at,answered_at,closed_at,outcome,topic"
GOOD = [
    "c1,phone,Agentschap Opgroeien,2026-06-15T09:00:00+02:00,2026-06-15T09:00:12+02:00,2026-06-15T09:05:00+02:00,answered,groeipakket-startbedrag",
    "c2,phone,vlaamse-belastingdienst,2026-06-15T09:01:00+02:00,,2026-06-15T09:01:30+02:00,abandoned,",
    "c3,email,Agentschap Opgroeien,2026-06-12T18:00:00+02:00,,,open,",
    "c4,webform,agentschap-opgroeien,2026-06-13T09:00:00Z,2026-06-15T08:00:00Z,2026-06-15T08:00:00Z,answered,",
    "c5,chat,Vlaamse Belastingdienst,2026-06-15T10:00:00+02:00,2026-06-15T10:00:30+02:00,2026-06-15T10:10:00+02:00,forwarded,",
]
GOOD_ROW = (
    "ok1,phone,Agentschap Opgroeien,2026-06-15T09:00:00+02:00,2026-06-15T09:00:12+02:00,,answered,"
)


def write(tmp_path, *lines: str, header: str | None = HEADER, name: str = "contacts.csv"):
    path = tmp_path / name
    text = "\n".join(([header] if header is not None else []) + list(lines))
    path.write_text(text + ("\n" if text else ""), encoding="utf-8")
    return path


def snapshot() -> list[tuple]:
    return list(
        Contact.objects.order_by("external_id").values_list(
            "external_id",
            "channel",
            "partner__code",
            "received_at",
            "answered_at",
            "closed_at",
            "outcome",
            "topic",
            "due_at",
            "sla_state",
            "updated_at",
        )
    )


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)
