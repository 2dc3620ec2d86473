"""Finish action for approved workflows (``WAGTAIL_FINISH_WORKFLOW_ACTION``).

Kept free of module-level Wagtail imports: Wagtail imports it while defining its models.
"""

from typing import Any


def publish_approved_revision(workflow_state: Any, user: Any = None) -> None:
    """Publish (or schedule, when ``go_live_at`` is set) the approved revision.

    The last approver is a partner reviewer who holds no publish permission of their own:
    the completed approval is the authority to publish.
    """
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
