"""Calibration sessions: create, score blind, compare with Krippendorff's alpha."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from infolijn.contacts.models import Contact
from infolijn.core.access import role_required
from infolijn.partners.models import Channel
from infolijn.quality.access import STAFF_ROLES
from infolijn.quality.calibration import create_calibration_session, session_report
from infolijn.quality.errors import QualityError
from infolijn.quality.evaluations import answers_from_post, save_evaluation
from infolijn.quality.forms import CalibrationForm
from infolijn.quality.models import CalibrationSession, EvaluationStatus, Recording
from infolijn.quality.views.evaluations import _evaluation_form_context


@role_required(*STAFF_ROLES)
def calibrations(request: HttpRequest) -> HttpResponse:
    form = CalibrationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            contact = Contact.objects.filter(
                pk=form.cleaned_data["contact"], channel=Channel.PHONE
            ).first()
            if contact is None:
                form.add_error("contact", "Er is geen telefoongesprek met dat nummer.")
            else:
                try:
                    session = create_calibration_session(
                        title=form.cleaned_data["title"],
                        contact=contact,
                        form=form.cleaned_data["form"],
                        evaluators=form.cleaned_data["evaluators"],
                        actor=request.user,  # type: ignore[arg-type]
                        recording=Recording.objects.filter(contact=contact).first(),
                    )
                except QualityError as error:
                    form.add_error(None, error.message)
                else:
                    messages.success(request, f"Kalibratiesessie ‘{session.title}’ aangemaakt.")
                    return redirect("quality:calibration", session.pk)
        status = 400
    sessions = CalibrationSession.objects.select_related("form").prefetch_related("evaluators")
    by_form: dict = {}
    for session in sessions:
        by_form.setdefault(session.form, []).append(session)
    overall = [(f, session_report(group)) for f, group in by_form.items()]
    return render(
        request,
        "quality/calibrations.html",
        {"sessions": sessions, "form": form, "overall": overall},
        status=status,
    )


@role_required(*STAFF_ROLES)
def calibration(request: HttpRequest, session_id: int) -> HttpResponse:
    session = get_object_or_404(
        CalibrationSession.objects.select_related("contact__partner", "form", "recording"),
        pk=session_id,
    )
    evaluators = list(session.evaluators.order_by("username"))
    scored = set(
        session.evaluations.filter(status=EvaluationStatus.SUBMITTED).values_list(
            "evaluator_id", flat=True
        )
    )
    is_evaluator = any(e.pk == request.user.pk for e in evaluators)
    user_id = request.user.pk
    # Blind scoring: an evaluator sees the others' scores only after submitting their own.
    show_report = not is_evaluator or user_id in scored
    return render(
        request,
        "quality/calibration.html",
        {
            "session": session,
            "evaluators": [(e, e.pk in scored) for e in evaluators],
            "can_score": is_evaluator and request.user.pk not in scored,
            "report": session_report([session]) if show_report else None,
            "show_report": show_report,
        },
    )


@role_required(*STAFF_ROLES)
def calibration_score(request: HttpRequest, session_id: int) -> HttpResponse:
    session = get_object_or_404(
        CalibrationSession.objects.select_related("contact__partner", "form"), pk=session_id
    )
    if not session.evaluators.filter(pk=request.user.pk or 0).exists():
        raise Http404
    if session.evaluations.filter(evaluator_id=request.user.pk).exists():
        messages.info(request, "Je hebt in deze sessie al gescoord.")
        return redirect("quality:calibration", session.pk)
    answers: dict = {}
    result = None
    status = 200
    if request.method == "POST":
        answers = answers_from_post(session.form, request.POST)
        try:
            saved, result = save_evaluation(
                contact=session.contact,
                form=session.form,
                answers=answers,
                submit=True,
                actor=request.user,  # type: ignore[arg-type]
                session=session,
                recording=session.recording,
            )
        except QualityError as error:
            messages.error(request, error.message)
            saved = None
        if saved is not None:
            messages.success(request, "Je scores zijn bewaard.")
            return redirect("quality:calibration", session.pk)
        status = 400
    context = _evaluation_form_context(
        contact=session.contact, form=session.form, answers=answers, result=result
    )
    context["session"] = session
    return render(request, "quality/evaluate.html", context, status=status)
