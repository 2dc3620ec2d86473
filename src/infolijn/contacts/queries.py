"""Reads that span contacts and agreements: the KPIs of DESIGN §8 from the database."""

import datetime as dt

from infolijn.contacts.deadlines import service_level_threshold
from infolijn.contacts.kpis import ContactRecord, Kpis, compute_kpis
from infolijn.contacts.models import Contact
from infolijn.partners.models import Partner

_RECORD_FIELDS = ("channel", "received_at", "answered_at", "closed_at", "outcome", "due_at")


def kpis_for(
    *,
    start: dt.date,
    end: dt.date,
    partner: Partner | None = None,
    threshold_seconds: float | None = None,
) -> Kpis:
    """The KPIs over the local dates ``start``–``end`` (inclusive), of one partner or all.

    The service-level threshold is ``threshold_seconds`` when given, else the partner's
    agreement in force on ``end`` (``deadlines.service_level_threshold``), else 20 s. Only the
    rows that can count are read: calls received in the range, e-mails and web forms due in it.
    """
    contacts = Contact.objects.all() if partner is None else Contact.objects.for_partner(partner)
    phone = contacts.phone().received_between(start, end)
    written = contacts.written().due_between(start, end)
    if threshold_seconds is None:
        threshold_seconds = service_level_threshold(partner, end)
    records = (
        ContactRecord(*values)
        for queryset in (phone, written)
        for values in queryset.order_by().values_list(*_RECORD_FIELDS).iterator(chunk_size=2000)
    )
    return compute_kpis(records, start=start, end=end, threshold_seconds=threshold_seconds)
