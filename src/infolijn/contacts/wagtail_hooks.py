from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from infolijn.contacts.models import ReplyTemplate

LOG_ACTIONS = {
    "infolijn.contact.register": (_("Geregistreerd"), _("Contact geregistreerd")),
    "infolijn.contact.script_linked": (_("Script gekoppeld"), _("Script gekoppeld aan contact")),
    "infolijn.contact.taken": (_("In behandeling genomen"), _("Contact in behandeling genomen")),
    "infolijn.contact.replied": (_("Beantwoord"), _("Antwoord verstuurd")),
    "infolijn.contact.forwarded": (_("Doorgestuurd"), _("Doorgestuurd naar de tweede lijn")),
    "infolijn.contact.called_back": (_("Teruggebeld"), _("Burger teruggebeld")),
}


@hooks.register("register_log_actions")
def register_log_actions(actions: Any) -> None:
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action, label, message)


class ReplyTemplateViewSet(SnippetViewSet):
    """Standard answers per partner; editors and administrators keep them (core.setup)."""

    model = ReplyTemplate
    icon = "mail"
    menu_label = "Antwoordsjablonen"
    menu_order = 240
    add_to_admin_menu = True
    list_display = ["name", "partner"]
    list_filter = ["partner"]
    search_fields = ["name", "body"]
    panels = [FieldPanel("partner"), FieldPanel("name"), FieldPanel("body")]


register_snippet(ReplyTemplateViewSet)
