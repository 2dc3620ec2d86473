"""Demo intake dossiers: one in every state, training with attendance, agents (not) briefed.

Built through the same actions as real work, on top of the demo partners, scripts and users.
Without the demo staff (``redacteur``, ``redacteur2``, ``teamleider``) nothing is created.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.utils import timezone

from infolijn.calendar import local_date
from infolijn.intake.access import active_agents
from infolijn.intake.actions import (
    DateValues,
    DossierValues,
    QuestionValues,
    accept_dossier,
    create_dossier,
    decline_dossier,
    go_live,
    request_more_info,
    submit_dossier,
)
from infolijn.intake.models import Dossier, DossierQuestion
from infolijn.intake.training_actions import confirm_briefing, plan_session, register_attendance
from infolijn.knowledge.actions import act_on_review, revise_script, submit_for_review
from infolijn.knowledge.models import ScriptPage
from infolijn.partners.calendar import working_calendar
from infolijn.partners.models import Partner
from infolijn.partners.roles import Role, has_role

BODY = """## Wat verandert er?

Vanaf de nieuwe datum krijg je het bedrag automatisch. Je hoeft niets aan te vragen.

## Wat moet je doen?

1. Kijk na of je rekeningnummer klopt.
2. Wacht op de brief met het bedrag.

Heb je nog vragen? Bel gratis 1700.
"""

DOSSIERS = [
    # (key, title, kind, working days to go-live, per week, questions)
    (
        "draft",
        "Nieuwe regels kinderopvangtoeslag",
        "new_rule",
        30,
        150,
        ["Krijg ik meer kinderopvangtoeslag vanaf volgend jaar?"],
    ),
    (
        "submitted",
        "Campagne digitale aangifte",
        "campaign",
        25,
        400,
        ["Hoe doe ik mijn aangifte online?", "Tot wanneer kan ik mijn aangifte indienen?"],
    ),
    (
        "more_info",
        "Mailing herberekening Groeipakket",
        "mailing",
        20,
        900,
        ["Waarom is mijn Groeipakket herberekend?"],
    ),
    (
        "accepted",
        "Nieuwe premie voor dakisolatie",
        "new_rule",
        15,
        250,
        ["Hoeveel premie krijg ik voor dakisolatie?", "Welke isolatie komt in aanmerking?"],
    ),
    (
        "live",
        "Deadline inschrijving studietoelage",
        "deadline",
        -10,
        300,
        ["Tot wanneer kan ik een studietoelage aanvragen?"],
    ),
    (
        "declined",
        "Vragen over federale pensioenen",
        "other",
        12,
        50,
        ["Wanneer krijg ik mijn pensioen?"],
    ),
]


#: The partner each demo dossier belongs with, when that partner exists.
PREFERRED = {
    "draft": "Agentschap Opgroeien",
    "submitted": "Vlaamse Belastingdienst",
    "more_info": "Agentschap Opgroeien",
    "accepted": "Wonen in Vlaanderen",
    "live": "Departement Onderwijs en Vorming",
    "declined": "Agentschap Innoveren en Ondernemen",
}


def _users() -> dict[str, User]:
    user_model = get_user_model()
    return {u.get_username(): u for u in user_model.objects.filter(is_active=True)}


def _reviewer(partner: Partner) -> User | None:
    return (
        get_user_model()
        .objects.filter(
            partner_membership__partner=partner, groups__name=Role.PARTNER_REVIEWER.value
        )
        .order_by("username")
        .first()
    )


def _partners() -> list[tuple[Partner, User]]:
    """Partners with a reviewer, the ones with most scripts first."""
    pairs = []
    for partner in Partner.objects.filter(active=True).order_by("name"):
        reviewer = _reviewer(partner)
        if reviewer is not None:
            pairs.append((partner, reviewer))
    pairs.sort(key=lambda pair: -ScriptPage.objects.filter(partner=pair[0]).count())
    return pairs


def _free_script(partner: Partner) -> str:
    """A published script of the partner without a review in progress or a draft."""
    taken = set(DossierQuestion.objects.values_list("script_id", flat=True))
    for script in ScriptPage.objects.live().filter(partner=partner).order_by("script_id"):
        if script.script_id in taken or script.has_unpublished_changes:
            continue
        state = script.current_workflow_state
        if state is None or state.status != state.STATUS_IN_PROGRESS:
            return str(script.script_id)
    return ""


def _values(
    title: str, kind: str, go_live_day: dt.date, per_week: int, questions: list[QuestionValues]
) -> DossierValues:
    return DossierValues(
        title=title,
        kind=kind,
        description=(
            f"{title}. De partner verwacht vragen van burgers vanaf de go-live en vraagt de "
            "lijn om de informatie op de website en bij de voorlichters klaar te zetten."
        ),
        go_live=go_live_day,
        channels=("website", "phone", "email"),
        estimate_number=per_week,
        estimate_unit="week",
        estimate_channel="phone",
        estimate_days=21,
        contact_persons="Projectleider communicatie, 02 000 00 00",
        second_line="Tweede lijn van de partner (zie samenwerkingsovereenkomst)",
        dates=(
            DateValues("mailing", go_live_day - dt.timedelta(days=3), "Brief aan alle klanten"),
        ),
        questions=tuple(questions),
    )


def _publish(script_id: str, changes: dict, staff: dict, reviewer: User) -> None:
    script = ScriptPage.objects.get(script_id=script_id)
    revise_script(script=script, actor=staff["redacteur"], changes=changes)
    submit_for_review(script=ScriptPage.objects.get(pk=script.pk), actor=staff["redacteur"])
    act_on_review(
        script=ScriptPage.objects.get(pk=script.pk), actor=staff["redacteur2"], action="approve"
    )
    act_on_review(script=ScriptPage.objects.get(pk=script.pk), actor=reviewer, action="approve")


def _write(question: DossierQuestion) -> dict:
    if question.revision:
        script = ScriptPage.objects.get(script_id=question.script_id)
        return {"summary": f"{script.summary} Aangepast voor {question.dossier.reference}."}
    return {"title": question.text.rstrip("?"), "summary": question.text, "body": BODY}


def _train(dossier: Dossier, day: dt.date, staff: dict, attended: bool) -> None:
    agents = list(active_agents())
    session = plan_session(
        dossier=dossier,
        actor=staff["teamleider"],
        title=f"Opleiding {dossier.title}",
        date=day,
        start_time=dt.time(9, 30),
        length_minutes=dossier.training_minutes,
        trainer=staff["teamleider"],
        capacity=max(12, len(agents)),
        location="Opleidingszaal, 2de verdieping",
        agents=agents,
    )
    if attended:
        marks: dict[int, bool | None] = {a.pk: i % 4 != 3 for i, a in enumerate(agents)}
        register_attendance(session=session, actor=staff["teamleider"], attended=marks)


def load_intake(now: dt.datetime) -> int:
    """Create the demo dossiers; returns how many (0 when the demo staff is missing)."""
    staff = _users()
    if not all(name in staff for name in ("redacteur", "redacteur2", "teamleider")):
        return 0
    if not has_role(staff["redacteur"], Role.EDITOR):
        return 0
    partners = _partners()
    if not partners:
        return 0
    calendar = working_calendar()
    today = local_date(now)
    lead, editor = staff["teamleider"], staff["redacteur"]
    made: dict[str, Dossier] = {}
    for i, (key, title, kind, days, per_week, questions) in enumerate(DOSSIERS):
        partner, reviewer = next(
            (pair for pair in partners if pair[0].name == PREFERRED[key]),
            partners[i % len(partners)],
        )
        day = calendar.add_working_days(today, days)
        asked = [QuestionValues(q) for q in questions]
        if key in ("accepted", "live"):
            existing = _free_script(partner)
            if existing:
                asked.append(QuestionValues("Wat verandert er aan dit bestaande script?", existing))
        author = reviewer if key != "submitted" else editor
        dossier = create_dossier(
            partner=partner, values=_values(title, kind, day, per_week, asked), actor=author
        )
        made[key] = dossier
        if key == "draft":
            continue
        submit_dossier(dossier=dossier, actor=author, comment="Graag tegen de go-live klaar.")
        if key == "more_info":
            request_more_info(
                dossier=dossier,
                actor=lead,
                comment="Welke bedragen veranderen precies? Stuur ons de nieuwe tabel.",
            )
        elif key == "declined":
            decline_dossier(
                dossier=dossier,
                actor=lead,
                comment="Pensioenen zijn federaal: verwijs naar de Federale Pensioendienst.",
            )
        elif key in ("accepted", "live"):
            dossier = accept_dossier(
                dossier=dossier,
                actor=lead,
                comment="Aanvaard: de redactie start meteen.",
                owner=lead,
                editor=editor,
            )
            _work_out(key, dossier, staff, reviewer, day)
    return len(made)


def _work_out(key: str, dossier: Dossier, staff: dict, reviewer: User, day: dt.date) -> None:
    questions = list(dossier.questions.order_by("id"))
    if key == "accepted":
        # One script waits for the partner, the rest is still with the editor.
        first = questions[0]
        script = ScriptPage.objects.get(script_id=first.script_id)
        revise_script(script=script, actor=staff["redacteur"], changes=_write(first))
        submit_for_review(script=ScriptPage.objects.get(pk=script.pk), actor=staff["redacteur"])
        act_on_review(
            script=ScriptPage.objects.get(pk=script.pk), actor=staff["redacteur2"], action="approve"
        )
        _train(dossier, day - dt.timedelta(days=2), staff, attended=False)
        return
    for question in questions:
        _publish(question.script_id, _write(question), staff, reviewer)
    _train(dossier, day - dt.timedelta(days=3), staff, attended=True)
    for agent in active_agents():
        confirm_briefing(agent=agent, until=timezone.now(), now=timezone.now())
    go_live(dossier=dossier, actor=staff["teamleider"], now=timezone.now())
    # A script changed after the live briefing: only the first agent has read it yet.
    other = _free_script(dossier.partner)
    if other:
        script = ScriptPage.objects.get(script_id=other)
        changes = {"summary": f"{script.summary} Nieuw: je kan dit nu ook online doen."}
        _publish(other, changes, staff, reviewer)
        first_agent = active_agents().first()
        if first_agent is not None:
            confirm_briefing(agent=first_agent, until=timezone.now(), now=timezone.now())
