"""Closing the loop: review tasks for editors, and agents flagging a script."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from infolijn.core.access import role_required
from infolijn.knowledge import access as knowledge_access
from infolijn.partners.roles import Role
from infolijn.quality.errors import QualityError
from infolijn.quality.forms import FlagForm
from infolijn.quality.models import ScriptFlag
from infolijn.quality.review import FLAGGING_ROLES, flag_script, resolve_flag, review_tasks

REVIEW_ROLES = (Role.EDITOR, Role.ADMINISTRATOR, Role.QUALITY_MONITOR)


@role_required(*REVIEW_ROLES)
def review(request: HttpRequest) -> HttpResponse:
    return render(request, "quality/review.html", review_tasks(today=timezone.localdate()))


@require_POST
@role_required(Role.EDITOR, Role.ADMINISTRATOR)
def flag_resolve(request: HttpRequest, flag_id: int) -> HttpResponse:
    flag = get_object_or_404(ScriptFlag, pk=flag_id)
    resolve_flag(flag=flag, actor=request.user)  # type: ignore[arg-type]
    messages.success(request, f"Melding over ‘{flag.script_id}’ afgehandeld.")
    return redirect("quality:review")


@role_required(*FLAGGING_ROLES)
def flag(request: HttpRequest, script_id: str) -> HttpResponse:
    script = knowledge_access.access_desk_script(user=request.user, script_id=script_id)
    form = FlagForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                flag_script(
                    script=script,
                    reason=form.cleaned_data["reason"],
                    comment=form.cleaned_data["comment"],
                    actor=request.user,  # type: ignore[arg-type]
                )
            except QualityError as error:
                form.add_error("comment", error.message)
            else:
                messages.success(request, "Bedankt: de redactie bekijkt je melding.")
                return redirect("knowledge:desk_script", script.script_id)
        status = 400
    return render(request, "quality/flag.html", {"script": script, "form": form}, status=status)
