"""The editorial lifecycle: draft → second editor → owning partner → published."""

import datetime as dt
from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from wagtail.actions.publish_revision import PublishPermissionError
from wagtail.models import PageLogEntry, WorkflowState

from infolijn.knowledge.actions import (
    act_on_review,
    revise_script,
    submit_for_review,
)
from infolijn.knowledge.errors import KnowledgeError
from infolijn.knowledge.models import ScriptPage
from infolijn.knowledge.review_status import review_status_of
from tests.factories import make_script


@pytest.fixture
def draft(editor, partner_a):
    return make_script("startbedrag", publish=False, actor=editor, partner=partner_a.name)


def fresh(script: ScriptPage) -> ScriptPage:
    return ScriptPage.objects.get(pk=script.pk)


def test_full_lifecycle_publishes_after_both_approvals(draft, editor, second_editor, reviewer_a):
    submit_for_review(script=draft, actor=editor)
    assert review_status_of(fresh(draft)).code == "editorial_review"
    assert not fresh(draft).live

    act_on_review(script=draft, actor=second_editor, action="approve")
    assert review_status_of(fresh(draft)).code == "partner_approval"
    assert not fresh(draft).live

    act_on_review(script=draft, actor=reviewer_a, action="approve", comment="Klopt.")
    published = fresh(draft)
    assert published.live
    assert review_status_of(published).code == "live"
    actions = list(
        PageLogEntry.objects.filter(page=draft)
        .order_by("timestamp", "id")
        .values_list("action", "user")
    )
    assert ("wagtail.workflow.start", editor.pk) in actions
    assert ("wagtail.workflow.approve", second_editor.pk) in actions
    assert ("wagtail.workflow.approve", reviewer_a.pk) in actions
    assert ("wagtail.publish", reviewer_a.pk) in actions


def test_reviewers_are_notified_by_mail(
    draft, editor, second_editor, reviewer_a, reviewer_b, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit_for_review(script=draft, actor=editor)
    editorial = [m for m in mail.outbox if m.subject.startswith("Te beoordelen")]
    assert [m.to for m in editorial] == [[second_editor.email]]  # not the author
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        act_on_review(script=draft, actor=second_editor, action="approve")
    partner_mails = [m for m in mail.outbox if m.subject.startswith("Te beoordelen")]
    assert [m.to for m in partner_mails] == [[reviewer_a.email]]  # not partner B's reviewer


def test_editor_cannot_review_own_script(draft, editor):
    submit_for_review(script=draft, actor=editor)
    with pytest.raises(PermissionDenied):
        act_on_review(script=draft, actor=editor, action="approve")
    assert review_status_of(fresh(draft)).code == "editorial_review"


def test_wrong_partner_cannot_approve(draft, editor, second_editor, reviewer_b):
    submit_for_review(script=draft, actor=editor)
    act_on_review(script=draft, actor=second_editor, action="approve")
    with pytest.raises(PermissionDenied):
        act_on_review(script=draft, actor=reviewer_b, action="approve")
    assert not fresh(draft).live


def test_partner_reviewer_cannot_do_the_editorial_review(draft, editor, reviewer_a, agent):
    submit_for_review(script=draft, actor=editor)
    for outsider in (reviewer_a, agent):
        with pytest.raises(PermissionDenied):
            act_on_review(script=draft, actor=outsider, action="approve")


def test_editor_cannot_approve_for_the_partner(draft, editor, second_editor):
    submit_for_review(script=draft, actor=editor)
    act_on_review(script=draft, actor=second_editor, action="approve")
    with pytest.raises(PermissionDenied):
        act_on_review(script=draft, actor=second_editor, action="approve")
    assert not fresh(draft).live


def test_editor_cannot_publish_without_approval(draft, editor):
    with pytest.raises(PublishPermissionError):
        fresh(draft).get_latest_revision().publish(user=editor)
    assert not fresh(draft).live


def test_rejection_needs_a_comment_and_goes_back_to_the_author(
    draft, editor, second_editor, reviewer_a
):
    submit_for_review(script=draft, actor=editor)
    act_on_review(script=draft, actor=second_editor, action="approve")
    with pytest.raises(PermissionDenied):
        act_on_review(script=draft, actor=reviewer_a, action="reject", comment="  ")
    act_on_review(script=draft, actor=reviewer_a, action="reject", comment="Bedrag is fout.")
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(draft.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Bedrag is fout."
    assert review_status_of(fresh(draft)).code == "needs_changes"
    assert not fresh(draft).live


def test_scheduled_publication_goes_live_at_its_moment(draft, editor, second_editor, reviewer_a):
    go_live = timezone.now() + dt.timedelta(days=2)
    revise_script(script=draft, actor=editor, changes={"go_live_at": go_live})
    submit_for_review(script=fresh(draft), actor=editor)
    act_on_review(script=draft, actor=second_editor, action="approve")
    act_on_review(script=draft, actor=reviewer_a, action="approve")
    assert not fresh(draft).live
    assert review_status_of(fresh(draft)).code == "scheduled"

    from django.core.management import call_command

    call_command("publish_scheduled", verbosity=0)
    assert not fresh(draft).live
    later = go_live + dt.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled", verbosity=0)
    assert fresh(draft).live


def test_live_version_stays_while_a_new_one_is_reviewed(
    editor, second_editor, reviewer_a, partner_a
):
    script = make_script(
        "schoolbonus", publish=True, actor=editor, partner=partner_a.name, title="Schoolbonus"
    )
    revise_script(script=script, actor=editor, changes={"title": "Schoolbonus 2027"})
    submit_for_review(script=fresh(script), actor=editor)
    assert fresh(script).title == "Schoolbonus"
    assert review_status_of(fresh(script)).code == "editorial_review"
    act_on_review(script=script, actor=second_editor, action="approve")
    act_on_review(script=script, actor=reviewer_a, action="approve")
    assert fresh(script).title == "Schoolbonus 2027"


def test_revert_to_an_earlier_revision(editor, partner_a):
    script = make_script(
        "revert", publish=True, actor=editor, partner=partner_a.name, title="Eerste"
    )
    first = fresh(script).live_revision
    revise_script(script=script, actor=editor, changes={"title": "Tweede"})
    reverted = first.as_object()
    new_revision = reverted.save_revision(user=editor, previous_revision=first)
    assert new_revision.as_object().title == "Eerste"


def test_revise_rejects_unknown_fields_and_non_editors(editor, agent, partner_a):
    script = make_script("x", publish=True, partner=partner_a.name)
    with pytest.raises(KnowledgeError):
        revise_script(script=script, actor=editor, changes={"partner_id": 99})
    with pytest.raises(KnowledgeError):
        revise_script(script=script, actor=agent, changes={"title": "Hack"})
    assert fresh(script).get_latest_revision_as_object().title == script.title
