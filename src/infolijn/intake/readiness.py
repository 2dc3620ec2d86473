"""Is a dossier ready to go live? The checklist and timeline, computed from the live state."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Max, Q

from infolijn.calendar import WorkingCalendar, local_date, local_moment
from infolijn.intake.access import active_agents
from infolijn.intake.models import (
    Dossier,
    DossierQuestion,
    DossierStatus,
    QuestionOrigin,
    SiteChannel,
)
from infolijn.knowledge.models import ScriptPage, Visibility
from infolijn.knowledge.review_status import review_status_of
from infolijn.planning.models import ForecastSnapshot, PartnerEvent, StaffingPlan


@dataclass(frozen=True)
class ScriptProgress:
    question: DossierQuestion
    script: ScriptPage | None
    status: str
    #: Approved and published for agents, after the dossier asked for it.
    published: bool
    #: Public on the website by go-live.
    on_site: bool


@dataclass(frozen=True)
class CheckItem:
    key: str
    label: str
    done: bool
    detail: str


@dataclass(frozen=True)
class Readiness:
    items: tuple[CheckItem, ...]
    scripts: tuple[ScriptProgress, ...]

    @property
    def complete(self) -> bool:
        return all(item.done for item in self.items)

    @property
    def open_items(self) -> list[CheckItem]:
        return [item for item in self.items if not item.done]


@dataclass(frozen=True)
class TimelineEntry:
    day: dt.date
    label: str
    detail: str = ""


def _since(dossier: Dossier, question: DossierQuestion) -> dt.datetime | None:
    """Publications from this moment on count for the question."""
    if question.origin == QuestionOrigin.AFTERCARE:
        return question.created_at
    return dossier.accepted_at


def script_progress(dossier: Dossier) -> list[ScriptProgress]:
    questions = [q for q in dossier.questions.select_related("editor") if q.script_id]
    scripts = {
        s.script_id: s
        for s in ScriptPage.objects.filter(script_id__in=[q.script_id for q in questions])
    }
    go_live_end = local_moment(dossier.go_live + dt.timedelta(days=1), dt.time(0))
    progress = []
    for question in questions:
        script = scripts.get(question.script_id)
        if script is None:
            progress.append(ScriptProgress(question, None, "Bestaat niet meer", False, False))
            continue
        since = _since(dossier, question)
        published = bool(
            script.live
            and not script.has_unpublished_changes
            and script.last_published_at is not None
            and (not question.revision or since is None or script.last_published_at >= since)
        )
        on_site = (
            published
            and script.visibility == Visibility.PUBLIC
            and (script.public_from is None or script.public_from < go_live_end)
        )
        progress.append(
            ScriptProgress(question, script, review_status_of(script).label, published, on_site)
        )
    return progress


def _scripts_item(dossier: Dossier, progress: list[ScriptProgress]) -> CheckItem:
    label = "Scripts goedgekeurd en gepubliceerd voor voorlichters"
    if not progress:
        return CheckItem("scripts", label, False, "Nog geen scripts: het dossier is niet aanvaard.")
    done = sum(p.published for p in progress)
    return CheckItem("scripts", label, done == len(progress), f"{done} van {len(progress)}")


def _site_item(dossier: Dossier, progress: list[ScriptProgress]) -> CheckItem:
    label = "Scripts publiek op de website"
    if SiteChannel.WEBSITE not in dossier.channels:
        return CheckItem("site", label, True, "Niet nodig: de website is geen kanaal.")
    if not progress:
        return CheckItem("site", label, False, "Nog geen scripts.")
    done = sum(p.on_site for p in progress)
    return CheckItem("site", label, done == len(progress), f"{done} van {len(progress)}")


def _event_references(snapshot: ForecastSnapshot) -> set[str]:
    events = (snapshot.parameters or {}).get("events", [])
    return {str(e.get("reference")) for e in events if isinstance(e, dict)}


def _forecast_item(dossier: Dossier) -> CheckItem:
    label = "Verwachte contacten in prognose en planning"
    if dossier.estimate_number == 0:
        return CheckItem("forecast", label, True, "Geen extra contacten verwacht.")
    event = PartnerEvent.objects.filter(dossier_ref=dossier.reference).order_by("id").first()
    if event is None:
        return CheckItem("forecast", label, False, "Er is nog geen gebeurtenis voor de prognose.")
    snapshots = (
        ForecastSnapshot.objects.published()
        .filter(start__lte=dossier.go_live, end__gte=dossier.go_live)
        .filter(Q(partner=dossier.partner) | Q(partner__isnull=True))
        .order_by("-published_at", "-id")
    )
    snapshot = next((s for s in snapshots if event.reference in _event_references(s)), None)
    if snapshot is None:
        detail = (
            f"Gebeurtenis {event.reference} ({event.expected_extra} contacten) staat klaar; "
            "nog in geen gepubliceerde prognose."
        )
        return CheckItem("forecast", label, True, detail)
    staffed = StaffingPlan.objects.filter(snapshot=snapshot).exists()
    detail = f"Gebeurtenis {event.reference} zit in de gepubliceerde prognose van " + (
        f"{snapshot.start:%d-%m-%Y}" + (" en in een personeelsplan." if staffed else ".")
    )
    return CheckItem("forecast", label, True, detail)


def _training_item(dossier: Dossier) -> CheckItem:
    label = "Opleiding gegeven"
    if not dossier.training_needed:
        return CheckItem("training", label, False, "De opleidingsnood volgt bij aanvaarding.")
    for session in dossier.training_sessions.filter(date__lte=dossier.go_live):
        marks = list(session.invitations.values_list("attended", flat=True))
        if marks and None not in marks and any(marks):
            return CheckItem(
                "training",
                label,
                True,
                f"{session.date:%d-%m-%Y}: {sum(bool(m) for m in marks)} aanwezig",
            )
    if dossier.training_sessions.exists():
        return CheckItem(
            "training", label, False, "Sessie gepland; aanwezigheid nog niet geregistreerd."
        )
    return CheckItem("training", label, False, "Nog geen sessie gepland voor de go-live.")


def _briefing_item(progress: list[ScriptProgress]) -> CheckItem:
    label = "Voorlichters gebriefd (Wat is nieuw gelezen)"
    if not progress or not all(p.published for p in progress):
        return CheckItem("briefing", label, False, "Eerst alle scripts publiceren.")
    last = max(p.script.last_published_at for p in progress if p.script is not None)
    agents = active_agents().annotate(read=Max("briefing_read__read_at"))
    total = len(agents)
    read = sum(1 for a in agents if a.read is not None and a.read >= last)
    return CheckItem("briefing", label, read == total, f"{read} van {total} voorlichters")


def readiness_of(dossier: Dossier, now: dt.datetime) -> Readiness:
    progress = script_progress(dossier)
    items = (
        _scripts_item(dossier, progress),
        _site_item(dossier, progress),
        _forecast_item(dossier),
        _training_item(dossier),
        _briefing_item(progress),
    )
    return Readiness(items, tuple(progress))


def timeline_of(dossier: Dossier) -> list[TimelineEntry]:
    entries = [
        TimelineEntry(
            local_date(step.at),
            f"{step.get_action_display().capitalize()}"
            + (
                f" door {step.author.get_full_name() or step.author.get_username()}"
                if step.author
                else ""
            ),
            step.text,
        )
        for step in dossier.comments.select_related("author")
    ]
    entries += [
        TimelineEntry(d.date, d.get_kind_display().capitalize(), d.note)
        for d in dossier.dates.all()
    ]
    dues = sorted({q.due_date for q in dossier.questions.all() if q.due_date})
    entries += [
        TimelineEntry(day, "Scripts klaar", "Uiterste datum voor de redactie") for day in dues
    ]
    entries += [
        TimelineEntry(s.date, "Opleiding", f"{s.title}, {s.start_time:%H:%M}, {s.location}")
        for s in dossier.training_sessions.all()
    ]
    entries.append(TimelineEntry(dossier.go_live, "Go-live", dossier.title))
    return sorted(entries, key=lambda e: e.day)


def needs_warning(
    dossier: Dossier, today: dt.date, working_days: int, calendar: WorkingCalendar
) -> bool:
    """Accepted, go-live today or within ``working_days`` working days from ``today``."""
    if dossier.status != DossierStatus.ACCEPTED or dossier.go_live < today:
        return False
    return calendar.working_days_between(today, dossier.go_live) <= working_days
