import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from infolijn.knowledge.actions import revise_script
from infolijn.search.models import SearchLog
from tests.factories import make_script

pytestmark = pytest.mark.django_db


def test_periodic_jobs_run_and_are_safe_to_repeat(editor):
    script = make_script("nakijken", actor=editor)
    revise_script(
        script=script,
        actor=editor,
        changes={"review_by": timezone.localdate() + dt.timedelta(days=3)},
    ).publish(user=editor, skip_permission_checks=True)
    SearchLog.objects.create(
        query="oud", scope="public", results=0, created_at=timezone.now() - dt.timedelta(days=500)
    )
    mail.outbox.clear()
    out = StringIO()
    call_command("periodic", stdout=out)
    assert "search_index_documents=1" in out.getvalue()
    assert "review_reminders=1" in out.getvalue()
    assert "search_logs_purged=1" in out.getvalue()
    out = StringIO()
    call_command("periodic", stdout=out)
    assert "review_reminders=0" in out.getvalue()
    assert "search_logs_purged=0" in out.getvalue()
    assert len(mail.outbox) == 1
