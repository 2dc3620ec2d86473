"""Closing the loop: what the line's contacts, feedback, flags and searches say about scripts."""

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from wagtail.log_actions import log

from infolijn.calendar import local_moment
from infolijn.contacts.models import Contact
from infolijn.knowledge.models import ScriptPage
from infolijn.partners.models import Partner
from infolijn.partners.roles import Role, has_role
from infolijn.quality.errors import QualityError, QualityErrorCode
from infolijn.quality.models import ScriptFlag
from infolijn.search.models import SearchLog
from infolijn.website.models import PageFeedback

FLAGGING_ROLES = (Role.AGENT, Role.TEAM_LEAD, Role.QUALITY_MONITOR)
REVIEW_DAYS = 90


def flag_script(*, script: ScriptPage, reason: str, comment: str, actor: User) -> ScriptFlag:
    if not has_role(actor, *FLAGGING_ROLES):
        raise QualityError(QualityErrorCode.NOT_ALLOWED)
    comment = comment.strip()
    if not comment:
        raise QualityError(QualityErrorCode.TEXT_REQUIRED)
    with transaction.atomic():
        flag = ScriptFlag.objects.create(
            script_id=script.script_id, reason=reason, comment=comment, flagged_by=actor
        )
        log(instance=flag, action="infolijn.script_flag.create", user=actor)
    return flag


def resolve_flag(*, flag: ScriptFlag, actor: User) -> None:
    if not has_role(actor, Role.EDITOR, Role.ADMINISTRATOR):
        raise QualityError(QualityErrorCode.NOT_ALLOWED)
    ScriptFlag.objects.filter(pk=flag.pk, resolved_at__isnull=True).update(
        resolved_at=timezone.now()
    )


@dataclass
class ScriptSignals:
    script_id: str
    title: str = ""
    partner: str = ""
    contacts: int = 0
    negative_feedback: int = 0
    flags: int = 0
    comments: list[str] = field(default_factory=list)

    @property
    def weight(self) -> int:
        """Ranking: a flag or a 'not useful' weighs more than one contact."""
        return self.contacts + 5 * self.negative_feedback + 10 * self.flags


def review_tasks(*, today: dt.date, days: int = REVIEW_DAYS, limit: int = 50) -> dict:
    since = local_moment(today - dt.timedelta(days=days - 1), dt.time(0, 0))
    signals: dict[str, ScriptSignals] = {}

    def of(script_id: str) -> ScriptSignals:
        return signals.setdefault(script_id, ScriptSignals(script_id))

    for row in (
        Contact.objects.filter(received_at__gte=since)
        .exclude(topic="")
        .values("topic")
        .annotate(n=Count("pk"))
    ):
        of(row["topic"]).contacts = row["n"]
    for row in (
        PageFeedback.objects.filter(created_at__gte=since, useful=False)
        .values("script_id")
        .annotate(n=Count("pk"))
    ):
        of(row["script_id"]).negative_feedback = row["n"]
    for flag in ScriptFlag.objects.unresolved().order_by("created_at"):
        entry = of(flag.script_id)
        entry.flags += 1
        entry.comments.append(f"{flag.get_reason_display()}: {flag.comment}")
    for script in ScriptPage.objects.filter(script_id__in=signals).select_related("partner"):
        signals[script.script_id].title = script.title
        signals[script.script_id].partner = script.partner.name
    ranked = sorted(signals.values(), key=lambda s: (-s.weight, s.script_id))[:limit]
    searches = list(
        SearchLog.objects.filter(created_at__gte=since).without_results().counted(limit=20)
    )
    flags = list(ScriptFlag.objects.unresolved().select_related("flagged_by")[:100])
    return {"scripts": ranked, "searches": searches, "flags": flags, "days": days}


def top_topics(
    *, partner: Partner, start: dt.date, end: dt.date, limit: int = 10
) -> list[tuple[str, str, int]]:
    """The partner's topics with most contacts: (script id, title or '', contacts)."""
    rows = list(
        Contact.objects.for_partner(partner)
        .received_between(start, end)
        .exclude(topic="")
        .values("topic")
        .annotate(n=Count("pk"))
        .order_by("-n", "topic")[:limit]
    )
    titles = dict(
        ScriptPage.objects.filter(script_id__in=[r["topic"] for r in rows]).values_list(
            "script_id", "title"
        )
    )
    return [(r["topic"], titles.get(r["topic"], ""), r["n"]) for r in rows]
