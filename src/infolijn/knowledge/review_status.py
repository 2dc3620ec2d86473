"""Where a script stands in the editorial lifecycle, in the words a partner understands."""

from dataclasses import dataclass

from django.utils import timezone

from infolijn.knowledge.models import ScriptPage
from infolijn.knowledge.workflows import EditorialReviewTask, PartnerApprovalTask


@dataclass(frozen=True)
class ReviewStatus:
    code: str
    label: str


def review_status_of(script: ScriptPage) -> ReviewStatus:
    state = script.current_workflow_state
    if state is not None and state.status == state.STATUS_IN_PROGRESS:
        task = state.current_task_state.task.specific if state.current_task_state else None
        if isinstance(task, PartnerApprovalTask):
            return ReviewStatus("partner_approval", "Wacht op goedkeuring van de partner")
        if isinstance(task, EditorialReviewTask):
            return ReviewStatus("editorial_review", "Bij de redactie ter controle")
        return ReviewStatus("in_review", "In behandeling")
    if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
        return ReviewStatus("needs_changes", "Wordt aangepast na opmerkingen")
    scheduled = script.scheduled_revision
    if scheduled is not None and scheduled.approved_go_live_at:
        moment = timezone.localtime(scheduled.approved_go_live_at)
        return ReviewStatus("scheduled", f"Gepland voor {moment:%d-%m-%Y %H:%M}")
    if script.live:
        if script.has_unpublished_changes:
            return ReviewStatus("live_with_draft", "Gepubliceerd; nieuwe versie in voorbereiding")
        return ReviewStatus("live", "Gepubliceerd")
    if script.withdrawals.exists():
        return ReviewStatus("withdrawn", "Ingetrokken")
    return ReviewStatus("draft", "Concept")
