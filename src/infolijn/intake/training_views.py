"""Training screens (/opleidingen/) and the agents' briefing (/wat-is-nieuw/)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from infolijn.calendar import local_date
from infolijn.core.access import role_required
from infolijn.intake import access
from infolijn.intake.access import TRAINING_PLANNERS
from infolijn.intake.briefing import briefing_for, unread_overview
from infolijn.intake.errors import IntakeError
from infolijn.intake.forms import ConfirmBriefingForm, SessionForm
from infolijn.intake.models import DossierStatus, TrainingInvitation, TrainingSession
from infolijn.intake.proposals import slot_choices
from infolijn.intake.training_actions import confirm_briefing, plan_session, register_attendance
from infolijn.partners.roles import Role, has_role

ATTENDANCE = {"ja": True, "nee": False, "": None}


@role_required(Role.AGENT, *TRAINING_PLANNERS)
def training_list(request: HttpRequest) -> HttpResponse:
    context: dict = {
        "invitations": TrainingInvitation.objects.filter(agent=request.user.pk)
        .select_related("session", "session__dossier", "session__trainer")
        .order_by("-session__date"),
        "planner": has_role(request.user, *TRAINING_PLANNERS),
    }
    if context["planner"]:
        context["sessions"] = TrainingSession.objects.select_related("dossier", "trainer").order_by(
            "-date", "-start_time"
        )
        context["needing"] = (
            access.dossiers(request.user)
            .filter(status=DossierStatus.ACCEPTED, training_needed=True)
            .order_by("go_live")
        )
    return render(request, "intake/training_list.html", context)


@role_required(*TRAINING_PLANNERS)
def training_plan(request: HttpRequest, reference: str) -> HttpResponse:
    dossier = access.access_dossier(user=request.user, reference=reference)
    today = local_date(timezone.now())
    capacity = 12
    if request.method == "POST" and str(request.POST.get("capacity", "")).isdigit():
        capacity = max(1, min(500, int(request.POST["capacity"])))
    plan, choices = slot_choices(
        dossier, today=today, capacity=capacity, session_minutes=dossier.training_minutes
    )
    form = SessionForm(
        request.POST or None,
        proposals=[(c.value, c.label) for c in choices],
        initial={
            "title": f"Opleiding {dossier.reference}: {dossier.title}"[:200],
            "length_minutes": dossier.training_minutes,
            "trainer": request.user.pk,
            "invite_all": True,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            session = plan_session(
                dossier=dossier,
                actor=request.user,  # type: ignore[arg-type]
                title=data["title"],
                date=data["date"],
                start_time=data["start_time"],
                length_minutes=data["length_minutes"],
                trainer=data["trainer"],
                capacity=data["capacity"],
                location=data["location"],
                agents=form.invitees(),
            )
        except IntakeError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, f"Opleiding op {session.date:%d-%m-%Y} is gepland.")
            return redirect("intake:training_session", session.pk)
    return render(
        request,
        "intake/training_plan.html",
        {"dossier": dossier, "form": form, "plan": plan, "has_choices": bool(choices)},
        status=400 if request.method == "POST" else 200,
    )


@role_required(*TRAINING_PLANNERS)
def training_session(request: HttpRequest, session_id: int) -> HttpResponse:
    session = access.access_session(user=request.user, session_id=session_id)
    return render(
        request,
        "intake/training_session.html",
        {
            "session": session,
            "invitations": session.invitations.select_related("agent"),
            "may_register": has_role(request.user, Role.TEAM_LEAD, Role.ADMINISTRATOR),
        },
    )


@require_POST
@role_required(Role.TEAM_LEAD, Role.ADMINISTRATOR)
def training_attendance(request: HttpRequest, session_id: int) -> HttpResponse:
    session = access.access_session(user=request.user, session_id=session_id)
    marks: dict[int, bool | None] = {}
    for invitation in session.invitations.all():
        value = request.POST.get(f"aanwezig-{invitation.agent_id}")
        if value in ATTENDANCE:
            marks[invitation.agent_id] = ATTENDANCE[value]
    try:
        changed = register_attendance(session=session, actor=request.user, attended=marks)  # type: ignore[arg-type]
    except IntakeError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"Aanwezigheid bewaard ({changed} gewijzigd).")
    return redirect("intake:training_session", session.pk)


@role_required(Role.AGENT)
def briefing(request: HttpRequest) -> HttpResponse:
    result = briefing_for(request.user, timezone.now())  # type: ignore[arg-type]
    form = ConfirmBriefingForm(initial={"until": result.until.isoformat()})
    return render(request, "intake/briefing.html", {"briefing": result, "form": form})


@require_POST
@role_required(Role.AGENT)
def briefing_confirm(request: HttpRequest) -> HttpResponse:
    form = ConfirmBriefingForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, "Bevestigen lukte niet: laad de pagina opnieuw en probeer nog eens."
        )
        return redirect("intake:briefing")
    confirm_briefing(agent=request.user, until=form.cleaned_data["until"], now=timezone.now())  # type: ignore[arg-type]
    messages.success(request, "Bedankt: je hebt de nieuwe en gewijzigde scripts gelezen.")
    return redirect("intake:briefing")


@role_required(Role.TEAM_LEAD, Role.ADMINISTRATOR)
def briefing_overview(request: HttpRequest) -> HttpResponse:
    states = unread_overview(timezone.now())
    return render(
        request,
        "intake/briefing_overview.html",
        {"states": states, "unread": [s for s in states if s.unread]},
    )
