from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_log_actions(actions: Any) -> None:
    actions.register_action(
        "infolijn.planning.forecast", _("Prognose gemaakt"), _("Prognose gemaakt")
    )
    actions.register_action(
        "infolijn.planning.publish", _("Prognose gepubliceerd"), _("Prognose gepubliceerd")
    )
    actions.register_action(
        "infolijn.planning.staffing_plan", _("Personeelsplan gemaakt"), _("Personeelsplan gemaakt")
    )
