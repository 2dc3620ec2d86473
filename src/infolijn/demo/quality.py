"""Demo data for quality monitoring, on top of whatever contacts the demo already has.

``load_quality(now)`` adds the listening form "Standaard beluistering", a few evaluations (one
disputed), a calibration session scored by three evaluators, a mystery-call campaign with its
plan and imported results, agents' flags on scripts, and the daily facts for every contact day.
Without phone contacts it adds the form, scenarios and flags only. A second call adds nothing.
"""

import datetime as dt
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, User
from django.db import transaction

from infolijn.calendar import local_date, local_moment
from infolijn.contacts.models import Contact
from infolijn.knowledge.models import ScriptPage
from infolijn.partners.models import Partner
from infolijn.partners.roles import Role
from infolijn.quality.calibration import create_calibration_session
from infolijn.quality.evaluations import (
    acknowledge_evaluation,
    dispute_evaluation,
    draw_weekly_sample,
    save_evaluation,
)
from infolijn.quality.models import (
    EvaluationForm,
    EvaluationQuestion,
    MysteryScenario,
    ScriptFlag,
)
from infolijn.quality.mystery import create_campaign, generate_plan, import_results
from infolijn.quality.rollup import contact_date_range, rollup_range

FORM_NAME = "Standaard beluistering"
QUESTIONS = [
    # text, kind, weight, max score, N/A allowed, critical, comment rule
    ("Begroet de burger volgens de afspraken", "yes_no", 1, 1, False, False, "never"),
    ("Stelt verduidelijkende vragen", "scale", 2, 4, False, False, "below_max"),
    ("Juiste informatie gegeven", "yes_no", 4, 1, False, True, "on_fail"),
    ("Volledige informatie gegeven", "scale", 3, 4, False, False, "on_fail"),
    ("Klare taal, zonder vakjargon", "scale", 2, 4, False, False, "never"),
    ("Correct doorverwezen naar de partner", "yes_no", 2, 1, True, True, "on_fail"),
    ("Privacy gerespecteerd (identiteit gecontroleerd)", "yes_no", 2, 1, True, False, "on_fail"),
    ("Gesprek correct geregistreerd", "yes_no", 1, 1, False, False, "never"),
]
EXTRA_STAFF = [
    ("kwaliteit2", "Lotte", "Peeters", Role.QUALITY_MONITOR),
    ("voorlichter2", "Lars", "Wouters", Role.AGENT),
]
FLAGS = [
    ("wrong", "Het bedrag in het script is dat van vorig jaar."),
    ("unclear", "Burgers begrijpen ‘aanslagjaar’ niet; graag een voorbeeld."),
    ("missing", "Wat als de burger in het buitenland woont? Staat er niet in."),
]


def load_quality(now: dt.datetime) -> dict[str, int]:
    """Add the quality demo; returns what was added, by kind."""
    if EvaluationForm.objects.filter(name=FORM_NAME).exists():
        return {}
    rng = random.Random(1700)
    with transaction.atomic():
        form = _form()
        people = _people()
        added = {"forms": 1, "flags": _flags(people["voorlichter"], rng)}
        added["scenarios"] = _scenarios()
        calls = list(
            Contact.objects.phone()
            .filter(answered_at__isnull=False, received_at__lt=now)
            .order_by("-received_at")[:40]
        )
        if calls:
            agents = [people["voorlichter"], people["voorlichter2"]]
            for i, call in enumerate(calls):
                call.handled_by = agents[i % 2]
            Contact.objects.bulk_update(calls, ["handled_by"])
            week = local_date(calls[0].received_at).isocalendar()
            draw_weekly_sample(
                iso_year=week.year, iso_week=week.week, per_agent=3, per_partner=1, actor=None
            )
            added["evaluations"] = _evaluations(form, calls[:8], people, rng)
            added["calibrations"] = (
                _calibration(form, calls[8], people, rng) if len(calls) > 8 else 0
            )
    if calls:
        added["mystery_calls"] = _mystery(now, people["kwaliteit"], rng)
    found = contact_date_range()
    if found is not None:
        first, last = found
        added["facts"] = rollup_range(max(first, last - dt.timedelta(days=400)), last)
    return added


def _form() -> EvaluationForm:
    form = EvaluationForm.objects.create(name=FORM_NAME, pass_percentage=70)
    for position, (text, kind, weight, max_score, na, critical, rule) in enumerate(QUESTIONS, 1):
        EvaluationQuestion.objects.create(
            form=form,
            position=position,
            text=text,
            kind=kind,
            weight=weight,
            max_score=max_score,
            na_allowed=na,
            critical=critical,
            comment_rule=rule,
        )
    return form


def _people() -> dict[str, User]:
    users = get_user_model().objects
    for username, first, last, role in EXTRA_STAFF:
        user, created = users.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@infolijn.example",
            },
        )
        if created:
            from infolijn.demo.loader import DEMO_PASSWORD

            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
            user.groups.add(Group.objects.get(name=role.value))
    names = ("kwaliteit", "kwaliteit2", "teamleider", "voorlichter", "voorlichter2")
    found = {u.username: u for u in users.filter(username__in=names)}
    # Without the demo's staff (a bare database) the roles are taken by whoever exists.
    for name in names:
        if name not in found:
            role = Role.AGENT if name.startswith("voorlichter") else Role.QUALITY_MONITOR
            found[name] = users.create_user(username=f"demo-{name}", password=None)
            found[name].groups.add(Group.objects.get(name=role.value))
    return found


def _answers(form: EvaluationForm, rng: random.Random, *, wrong_info: bool = False) -> dict:
    answers = {}
    for question in form.questions.all():
        if question.kind == "scale":
            value: bool | int = rng.choice([question.max_score, question.max_score - 1, 2])
            comment = "" if value == question.max_score else "Kan vollediger: vraag door."
        else:
            value = not (wrong_info and question.critical and "Juiste" in question.text)
            comment = "" if value else "Noemde het bedrag van vorig jaar."
        answers[question.key] = {"value": value, "na": False, "comment": comment}
    return answers


def _evaluations(
    form: EvaluationForm, calls: list[Contact], people: dict, rng: random.Random
) -> int:
    agents = [people["voorlichter"], people["voorlichter2"]]
    count = 0
    for i, call in enumerate(calls[:5]):
        evaluator = people["kwaliteit"] if i % 2 == 0 else people["teamleider"]
        evaluation, _ = save_evaluation(
            contact=call,
            form=form,
            answers=_answers(form, rng, wrong_info=i == 1),
            submit=i != 4,
            actor=evaluator,
        )
        assert evaluation is not None
        if i == 1:
            dispute_evaluation(
                evaluation=evaluation,
                text="Het bedrag was die ochtend aangepast; het script was nog niet bijgewerkt.",
                actor=agents[1],
            )
        elif i == 2:
            acknowledge_evaluation(evaluation=evaluation, actor=agents[0])
        count += 1
    return count


def _calibration(form: EvaluationForm, call: Contact, people: dict, rng: random.Random) -> int:
    evaluators = [people["kwaliteit"], people["kwaliteit2"], people["teamleider"]]
    session = create_calibration_session(
        title="Kalibratie: vraag over het Groeipakket",
        contact=call,
        form=form,
        evaluators=evaluators,
        actor=people["kwaliteit"],
    )
    for evaluator in evaluators:
        save_evaluation(
            contact=call,
            form=form,
            answers=_answers(form, rng),
            submit=True,
            actor=evaluator,
            session=session,
        )
    return 1


def _scenarios() -> int:
    count = 0
    for partner in Partner.objects.filter(active=True):
        for script in ScriptPage.objects.filter(partner=partner).order_by("script_id")[:2]:
            MysteryScenario.objects.create(
                partner=partner,
                code=f"{partner.code}-{script.script_id}"[:80],
                script_id=script.script_id,
                question=f"Ik heb een vraag over: {script.title.lower()}. Wat moet ik doen?",
            )
            count += 1
    return count


def _flags(agent: User, rng: random.Random) -> int:
    scripts = list(ScriptPage.objects.order_by("script_id").values_list("script_id", flat=True))
    for (reason, comment), script_id in zip(
        FLAGS, rng.sample(scripts, min(3, len(scripts))), strict=False
    ):
        ScriptFlag.objects.create(
            script_id=script_id, reason=reason, comment=comment, flagged_by=agent
        )
    return min(3, len(scripts))


def _mystery(now: dt.datetime, monitor: User, rng: random.Random) -> int:
    today = local_date(now)
    campaign = create_campaign(
        name=f"Mystery calls {today.year}",
        year=today.year,
        margin=Decimal("0.10"),
        confidence=Decimal("0.95"),
        method="proportional",
        minimum_per_stratum=0,
        starts_on=today - dt.timedelta(days=28),
        ends_on=today + dt.timedelta(days=27),
        actor=monitor,
    )
    try:
        generate_plan(campaign=campaign, actor=monitor)
    except ValueError:
        return 0
    lines = ["call_ref,called_at,answered,correct,waited_seconds,remarks"]
    for call in campaign.calls.filter(planned_date__lt=today).order_by("call_ref"):
        hour = int(call.time_block[:2]) + 1
        moment = local_moment(call.planned_date or today, dt.time(hour, rng.randrange(60)))
        answered = rng.random() > 0.06
        correct = rng.choices(["yes", "partial", "no"], [80, 12, 8])[0] if answered else ""
        waited = rng.randint(4, 90)
        remark = "" if correct != "no" else "Verouderde informatie gegeven."
        lines.append(
            f"{call.call_ref},{moment.isoformat()},{'yes' if answered else 'no'},"
            f"{correct},{waited},{remark}"
        )
    result = import_results(campaign=campaign, data="\n".join(lines).encode(), actor=monitor)
    return len(result.rows)
