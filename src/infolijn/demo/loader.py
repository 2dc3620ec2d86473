"""`infolijn demo`: our own realistic content, loaded through the same actions as real work."""

import datetime as dt
from pathlib import Path

import yaml
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from infolijn.demo.history import load_history
from infolijn.demo.intake import load_intake
from infolijn.demo.planning import load_planning
from infolijn.demo.quality import load_quality
from infolijn.knowledge.actions import act_on_review, revise_script, submit_for_review
from infolijn.knowledge.exchange import import_script_directory
from infolijn.knowledge.models import ScriptPage, Visibility
from infolijn.partners.actions import assign_partner_reviewer, ensure_partner
from infolijn.partners.models import Agreement, Channel, OpeningHours, Partner
from infolijn.partners.roles import Role
from infolijn.website.actions import place_order
from infolijn.website.models import Publication

CONTENT = Path(__file__).parent / "content"
DEMO_PASSWORD = "infolijn-demo"  # noqa: S105 - printed for the demo; production has no demo users

STAFF: list[tuple[str, str, str, Role]] = [
    ("beheerder", "Greet", "Van Damme", Role.ADMINISTRATOR),
    ("redacteur", "An", "Claes", Role.EDITOR),
    ("redacteur2", "Bram", "De Smet", Role.EDITOR),
    ("voorlichter", "Yasmine", "Benali", Role.AGENT),
    ("voorlichter2", "Lars", "Wouters", Role.AGENT),
    ("voorlichter3", "Emma", "Maes", Role.AGENT),
    ("teamleider", "Kris", "Hermans", Role.TEAM_LEAD),
    ("planner", "Joke", "Lambrechts", Role.PLANNER),
    ("kwaliteit", "Ward", "Mertens", Role.QUALITY_MONITOR),
    ("kwaliteit2", "Lotte", "Peeters", Role.QUALITY_MONITOR),
]


def _user(username: str, first: str, last: str, role: Role | None) -> AbstractBaseUser:
    user_model = get_user_model()
    user = user_model.objects.create_user(
        username=username,
        email=f"{username}@infolijn.example",
        password=DEMO_PASSWORD,
        first_name=first,
        last_name=last,
    )
    if role is not None:
        user.groups.add(Group.objects.get(name=role.value))
    if role == Role.ADMINISTRATOR:
        user.is_superuser = True
        user.is_staff = True
        user.save(update_fields=["is_superuser", "is_staff"])
    return user


def add_weekday_agreement(partner: Partner, *, valid_from: dt.date) -> Agreement:
    """The demo's agreement: phone, e-mail and web form, 80 % within 20 s, e-mail in two
    working days, open Monday to Friday from 9 to 19."""
    agreement = Agreement.objects.create(
        partner=partner,
        valid_from=valid_from,
        channels=[Channel.PHONE, Channel.EMAIL, Channel.WEBFORM],
        service_level_target=0.8,
        service_level_threshold_seconds=20,
        email_deadline_working_days=2,
    )
    for weekday in range(5):
        OpeningHours.objects.create(
            agreement=agreement, weekday=weekday, opens=dt.time(9), closes=dt.time(19)
        )
    return agreement


def _partners() -> None:
    for entry in yaml.safe_load((CONTENT / "partners.yaml").read_text(encoding="utf-8")):
        partner = ensure_partner(name=entry["name"], actor=None)
        second = entry["second_line"]
        partner.email, partner.phone, partner.website = (
            entry["email"],
            entry["phone"],
            entry["website"],
        )
        partner.second_line_name, partner.second_line_email = second["name"], second["email"]
        partner.second_line_phone = second["phone"]
        partner.save()
        add_weekday_agreement(partner, valid_from=dt.date(2026, 1, 1))
        for reviewer in entry["reviewers"]:
            user = _user(reviewer["username"], reviewer["first_name"], reviewer["last_name"], None)
            assign_partner_reviewer(user=user, partner=partner, actor=None)


def _scripts(editor: AbstractBaseUser, second_editor: AbstractBaseUser) -> None:
    results = import_script_directory(directory=CONTENT / "scripts", actor=editor, publish=True)
    failed = [r for r in results if r.error]
    if failed:
        raise RuntimeError(f"demo content is invalid: {failed[0].path}: {failed[0].error}")
    notes = yaml.safe_load((CONTENT / "agent_notes.yaml").read_text(encoding="utf-8"))
    today = timezone.localdate()
    for i, script in enumerate(ScriptPage.objects.order_by("script_id")):
        changes: dict = {"review_by": today + dt.timedelta(days=10 + 9 * i)}
        if script.script_id in notes:
            changes["agent_notes"] = notes[script.script_id].strip()
        if script.script_id.startswith("storing-"):
            changes["visibility"] = Visibility.AGENTS_ONLY
        revise_script(script=script, actor=editor, changes=changes).publish(
            user=editor, skip_permission_checks=True
        )
    _lifecycle_examples(editor, second_editor)


def _lifecycle_examples(editor: AbstractBaseUser, second_editor: AbstractBaseUser) -> None:
    """A few scripts at every step of the workflow, so each role has something to do."""
    user_model = get_user_model()

    def script(script_id: str) -> ScriptPage:
        return ScriptPage.objects.get(script_id=script_id)

    def new_version(script_id: str, note: str) -> ScriptPage:
        page = script(script_id)
        revise_script(
            script=page, actor=editor, changes={"summary": f"{page.summary} {note}".strip()}
        )
        return script(script_id)

    # Waiting for a second editor.
    for script_id in ("huurpremie", "verkeersbelasting"):
        submit_for_review(script=new_version(script_id, ""), actor=editor)
    # Waiting for the partner's approval.
    for script_id in ("groeipakket-schoolbonus", "groeipakket-startbedrag"):
        page = new_version(script_id, "")
        submit_for_review(script=page, actor=editor)
        act_on_review(script=page, actor=second_editor, action="approve")
    # Sent back by the partner with a comment.
    page = new_version("erfbelasting", "")
    submit_for_review(script=page, actor=editor)
    act_on_review(script=page, actor=second_editor, action="approve")
    act_on_review(
        script=page,
        actor=user_model.objects.get(username="reviewer-belastingdienst"),
        action="reject",
        comment="De tarieven voor broers en zussen zijn gewijzigd sinds 1 juli. Graag aanpassen.",
    )
    # Approved with a publication date in the future.
    page = script("studietoelage-hoger-onderwijs")
    go_live = timezone.localtime().replace(
        hour=8, minute=0, second=0, microsecond=0
    ) + dt.timedelta(days=3)
    revise_script(script=page, actor=editor, changes={"go_live_at": go_live})
    submit_for_review(script=script(page.script_id), actor=editor)
    act_on_review(script=script(page.script_id), actor=second_editor, action="approve")
    act_on_review(
        script=script(page.script_id),
        actor=user_model.objects.get(username="reviewer-onderwijs"),
        action="approve",
    )


DEMO_ORDERS = [
    ("groeipakket-in-een-notendop", 2, "An Claes", "Kerkstraat 12", "9000", "Gent", 3),
    ("mijn-verbouwpremie", 1, "Jan De Smet", "Stationsplein 4 bus 2", "3000", "Leuven", 1),
    ("erven-en-schenken", 1, "Fatima Benali", "Lange Lozanastraat 80", "2018", "Antwerpen", 0),
    ("starten-als-zelfstandige", 3, "Wim Verhoeven", "Markt 1", "8500", "Kortrijk", 0),
]


def _publications() -> None:
    for entry in yaml.safe_load((CONTENT / "publications.yaml").read_text(encoding="utf-8")):
        Publication.objects.create(partner=Partner.objects.get(name=entry.pop("partner")), **entry)
    now = timezone.now()
    for slug, quantity, name, street, postcode, municipality, days_ago in DEMO_ORDERS:
        place_order(
            publication=Publication.objects.get(slug=slug),
            quantity=quantity,
            name=name,
            street=street,
            postcode=postcode,
            municipality=municipality,
            client_address=f"demo-{slug}",
            received_at=now - dt.timedelta(days=days_ago),
        )


def demo_loaded() -> bool:
    return get_user_model().objects.filter(username="redacteur").exists()


def load_demo() -> bool:
    """Load the demo once; returns False when it was already there.

    The mails the workflow would send while the demo is built are kept in memory, not printed.
    """
    if demo_loaded():
        return False
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        _load()
    return True


@transaction.atomic
def _load() -> None:
    staff = {username: _user(username, first, last, role) for username, first, last, role in STAFF}
    _partners()
    _scripts(staff["redacteur"], staff["redacteur2"])
    _publications()
    now = timezone.now()
    load_history(now)
    load_planning(now)
    load_quality(now)
    load_intake(now)


def print_logins(*, port: int) -> None:
    print(
        f"\nDemo logins (password for all: {DEMO_PASSWORD}) at http://127.0.0.1:{port}/aanmelden/"
    )
    for username, first, last, role in STAFF:
        print(f"  {role.label:<22} {username:<26} {first} {last}")
    reviewers = get_user_model().objects.filter(username__startswith="reviewer-")
    for reviewer in reviewers.select_related("partner_membership__partner").order_by("username"):
        partner = reviewer.partner_membership.partner
        print(f"  {'partnerreviewer':<22} {reviewer.username:<26} {partner.name}")
    print()
