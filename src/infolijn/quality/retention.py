"""How long recordings are kept: a recording must outlive its evaluations and calibrations.

A recording older than ``RETENTION_DAYS`` is deleted unless an evaluation or a calibration
session still refers to it; those keep it, but never longer than ``MAX_RETENTION_DAYS``.
"""

import datetime as dt
from functools import partial

from django.db import transaction
from django.db.models import Q

from infolijn.quality.models import Recording

RETENTION_DAYS = 90
MAX_RETENTION_DAYS = 730


def expired_recordings(now: dt.datetime) -> "list[Recording]":
    unused = Q(evaluations__isnull=True) & Q(calibrations__isnull=True)
    expired = Recording.objects.filter(
        (Q(uploaded_at__lt=now - dt.timedelta(days=RETENTION_DAYS)) & unused)
        | Q(uploaded_at__lt=now - dt.timedelta(days=MAX_RETENTION_DAYS))
    )
    return list(expired.distinct())


def delete_expired_recordings(*, now: dt.datetime) -> int:
    """Delete expired recordings (rows and files); returns how many. Safe to run twice."""
    deleted = 0
    for recording in expired_recordings(now):
        with transaction.atomic():
            name = recording.file.name
            storage = recording.file.storage
            recording.delete()
            transaction.on_commit(partial(storage.delete, name))
        deleted += 1
    return deleted
