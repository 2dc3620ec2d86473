from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_log_actions(actions: Any) -> None:
    actions.register_action(
        "infolijn.contact.register", _("Geregistreerd"), _("Contact geregistreerd")
    )
    actions.register_action(
        "infolijn.contact.script_linked", _("Script gekoppeld"), _("Script gekoppeld aan contact")
    )
