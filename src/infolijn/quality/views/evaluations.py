"""Listening evaluations: the sample, the scoring form, the agent's view, disputes, recordings."""

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from infolijn.contacts.models import Contact
from infolijn.core.access import role_required
from infolijn.partners.models import Channel
from infolijn.partners.roles import Role, has_role
from infolijn.quality.access import STAFF_ROLES, access_evaluation, access_recording
from infolijn.quality.engine import ScoreResult
from infolijn.quality.errors import QualityError
from infolijn.quality.evaluations import (
    EVALUATOR_ROLES,
    RESOLVER_ROLES,
    acknowledge_evaluation,
    answers_from_post,
    dispute_evaluation,
    draw_weekly_sample,
    resolve_dispute,
    save_evaluation,
    score,
)
from infolijn.quality.forms import DisputeForm, RecordingForm, ResolveForm, SampleForm
from infolijn.quality.models import (
    Evaluation,
    EvaluationForm,
    EvaluationStatus,
    Recording,
    WeeklySample,
)
from infolijn.quality.recordings import add_recording

LIST_LIMIT = 200


@role_required(*STAFF_ROLES)
def evaluations(request: HttpRequest) -> HttpResponse:
    sample = WeeklySample.objects.first()
    items = []
    if sample is not None:
        done = dict(
            Evaluation.objects.regular()
            .filter(contact__in=sample.items.values("contact"))
            .values_list("contact_id", "status")
        )
        items = [
            (item, done.get(item.contact_id))
            for item in sample.items.select_related("contact__partner", "agent")
        ]
    week = timezone.localdate().isocalendar()
    return render(
        request,
        "quality/evaluations.html",
        {
            "sample": sample,
            "items": items,
            "sample_form": SampleForm(
                initial={"week": f"{week.year}-W{week.week:02d}", "per_agent": 3}
            ),
            "evaluations": Evaluation.objects.regular().select_related(
                "contact__partner", "evaluator", "agent", "form"
            )[:LIST_LIMIT],
            "disputed": Evaluation.objects.regular()
            .filter(status=EvaluationStatus.DISPUTED)
            .select_related("contact__partner", "agent"),
        },
    )


@require_POST
@role_required(*EVALUATOR_ROLES)
def draw_sample(request: HttpRequest) -> HttpResponse:
    form = SampleForm(request.POST)
    if not form.is_valid():
        for field, errors in form.errors.items():
            messages.error(
                request, f"{form.fields[field].label}: {' '.join(str(e) for e in errors)}"
            )
        return redirect("quality:evaluations")
    year, week = form.cleaned_data["week"]
    sample = draw_weekly_sample(
        iso_year=year,
        iso_week=week,
        per_agent=form.cleaned_data["per_agent"],
        per_partner=form.cleaned_data["per_partner"],
        actor=request.user,  # type: ignore[arg-type]
    )
    messages.success(request, f"Steekproef {sample}: {sample.items.count()} gesprekken getrokken.")
    return redirect("quality:evaluations")


def _evaluation_form_context(
    *, contact: Contact, form: EvaluationForm, answers: dict, result: ScoreResult | None
) -> dict:
    questions = [
        (q, answers.get(q.key, {}), result.issues_for(q.key) if result else ())
        for q in form.questions.all()
    ]
    return {
        "contact": contact,
        "form": form,
        "questions": questions,
        "result": result,
        "recordings": Recording.objects.filter(contact=contact),
        "recording_form": RecordingForm(),
    }


@role_required(*EVALUATOR_ROLES)
def evaluate(request: HttpRequest, contact_id: int) -> HttpResponse:
    contact = get_object_or_404(
        Contact.objects.select_related("partner", "handled_by"),
        pk=contact_id,
        channel=Channel.PHONE,
    )
    draft = (
        Evaluation.objects.regular()
        .filter(contact=contact, evaluator_id=request.user.pk, status=EvaluationStatus.DRAFT)
        .select_related("form")
        .first()
    )
    form = draft.form if draft else EvaluationForm.objects.filter(active=True).first()
    if form is None:
        return render(request, "quality/no_form.html", status=404)
    answers = draft.answers if draft else {}
    result = score(form, answers) if draft else None
    status = 200
    if request.method == "POST":
        answers = answers_from_post(form, request.POST)
        submit = "indienen" in request.POST
        recording = Recording.objects.filter(contact=contact).first()
        try:
            saved, result = save_evaluation(
                contact=contact,
                form=form,
                answers=answers,
                submit=submit,
                actor=request.user,  # type: ignore[arg-type]
                evaluation=draft,
                recording=recording,
            )
        except QualityError as error:
            messages.error(request, error.message)
            saved, status = None, 400
        else:
            if saved is not None:
                messages.success(
                    request, "Beluistering ingediend." if submit else "Concept bewaard."
                )
                return redirect("quality:evaluation", saved.pk)
            status = 400
    context = _evaluation_form_context(contact=contact, form=form, answers=answers, result=result)
    return render(request, "quality/evaluate.html", context, status=status)


@role_required(*STAFF_ROLES, Role.AGENT)
def evaluation(request: HttpRequest, evaluation_id: int) -> HttpResponse:
    found = access_evaluation(user=request.user, evaluation_id=evaluation_id)
    questions = [(q, found.answers.get(q.key, {})) for q in found.form.questions.all()]
    is_agent = found.agent_id == request.user.pk
    return render(
        request,
        "quality/evaluation.html",
        {
            "evaluation": found,
            "questions": questions,
            "result": score(found.form, found.answers),
            "can_respond": is_agent and found.status == EvaluationStatus.SUBMITTED,
            "can_resolve": has_role(request.user, *RESOLVER_ROLES)
            and found.status == EvaluationStatus.DISPUTED,
            "dispute_form": DisputeForm(),
            "resolve_form": ResolveForm(),
        },
    )


@role_required(Role.AGENT)
def my_evaluations(request: HttpRequest) -> HttpResponse:
    mine = Evaluation.objects.visible_to_agent(request.user).select_related(
        "contact__partner", "form"
    )
    return render(request, "quality/my_evaluations.html", {"evaluations": mine})


def _respond(request: HttpRequest, evaluation_id: int, action: str) -> HttpResponse:
    found = access_evaluation(user=request.user, evaluation_id=evaluation_id)
    try:
        if action == "acknowledge":
            acknowledge_evaluation(evaluation=found, actor=request.user)  # type: ignore[arg-type]
            messages.success(request, "Je hebt de beluistering als gezien gemarkeerd.")
        elif action == "dispute":
            dispute_form = DisputeForm(request.POST)
            if not dispute_form.is_valid():
                messages.error(request, "Schrijf waarom je het niet eens bent (max. 4000 tekens).")
                return redirect("quality:evaluation", found.pk)
            dispute_evaluation(
                evaluation=found,
                text=dispute_form.cleaned_data["text"],
                actor=request.user,  # type: ignore[arg-type]
            )
            messages.success(request, "Je betwisting is doorgegeven aan de kwaliteitsmedewerkers.")
        else:
            form = ResolveForm(request.POST)
            if not form.is_valid():
                messages.error(request, "Schrijf een beslissing met uitleg (max. 4000 tekens).")
                return redirect("quality:evaluation", found.pk)
            resolve_dispute(evaluation=found, reply=form.cleaned_data["reply"], actor=request.user)  # type: ignore[arg-type]
            messages.success(request, "De betwisting is beslist.")
    except QualityError as error:
        messages.error(request, error.message)
    return redirect("quality:evaluation", found.pk)


@require_POST
@role_required(Role.AGENT)
def acknowledge(request: HttpRequest, evaluation_id: int) -> HttpResponse:
    return _respond(request, evaluation_id, "acknowledge")


@require_POST
@role_required(Role.AGENT)
def dispute(request: HttpRequest, evaluation_id: int) -> HttpResponse:
    return _respond(request, evaluation_id, "dispute")


@require_POST
@role_required(*RESOLVER_ROLES)
def resolve(request: HttpRequest, evaluation_id: int) -> HttpResponse:
    return _respond(request, evaluation_id, "resolve")


@require_POST
@role_required(*EVALUATOR_ROLES)
def upload_recording(request: HttpRequest, contact_id: int) -> HttpResponse:
    contact = get_object_or_404(Contact, pk=contact_id, channel=Channel.PHONE)
    form = RecordingForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(str(e) for e in errors))
        return redirect(reverse("quality:evaluate", args=[contact.pk]))
    add_recording(
        contact=contact,
        upload=form.cleaned_data["file"],
        duration_seconds=form.cleaned_data["duration_seconds"],
        actor=request.user,  # type: ignore[arg-type]
    )
    messages.success(request, "Opname opgeladen.")
    return redirect(reverse("quality:evaluate", args=[contact.pk]))


@role_required(*STAFF_ROLES, Role.AGENT)
def recording(request: HttpRequest, recording_id: int) -> HttpResponse:
    found = access_recording(user=request.user, recording_id=recording_id)
    response = FileResponse(found.file.open("rb"), content_type=found.content_type)
    response["Content-Disposition"] = f'inline; filename="opname-{found.pk}{found.file.name[-4:]}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response  # type: ignore[return-value]  # streamed: a 50 MB file stays out of memory
