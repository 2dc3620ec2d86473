from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

LOG_ACTIONS = {
    "infolijn.intake.created": (_("Dossier aangemaakt"), _("Intakedossier aangemaakt")),
    "infolijn.intake.edited": (_("Dossier aangepast"), _("Intakedossier aangepast")),
    "infolijn.intake.submitted": (_("Dossier ingediend"), _("Intakedossier ingediend")),
    "infolijn.intake.more_info": (_("Meer info gevraagd"), _("Meer informatie gevraagd")),
    "infolijn.intake.accepted": (_("Dossier aanvaard"), _("Intakedossier aanvaard")),
    "infolijn.intake.declined": (_("Dossier geweigerd"), _("Intakedossier geweigerd")),
    "infolijn.intake.live": (_("Dossier live"), _("Intakedossier live gezet")),
    "infolijn.intake.revision": (_("Herziening"), _("Leidt tot herziening van een script")),
    "infolijn.intake.training_planned": (_("Opleiding gepland"), _("Opleiding gepland")),
    "infolijn.intake.attendance": (_("Aanwezigheid"), _("Aanwezigheid geregistreerd")),
    "infolijn.intake.warning": (_("Waarschuwing"), _("Waarschuwing go-live verstuurd")),
}


@hooks.register("register_log_actions")
def register_log_actions(actions: Any) -> None:
    for action, (label, message) in LOG_ACTIONS.items():
        actions.register_action(action, label, message)
