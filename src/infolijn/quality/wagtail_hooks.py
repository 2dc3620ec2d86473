from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from infolijn.quality.models import EvaluationForm

ACTIONS = {
    "infolijn.evaluation.draft": (_("Concept bewaard"), _("Beluistering als concept bewaard")),
    "infolijn.evaluation.submit": (_("Ingediend"), _("Beluistering ingediend")),
    "infolijn.evaluation.acknowledged": (_("Gezien"), _("Beluistering gezien door voorlichter")),
    "infolijn.evaluation.disputed": (_("Betwist"), _("Beluistering betwist")),
    "infolijn.evaluation.resolved": (_("Beslist"), _("Betwisting beslist")),
    "infolijn.calibration.create": (_("Kalibratie"), _("Kalibratiesessie aangemaakt")),
    "infolijn.mystery.create": (_("Campagne"), _("Mystery-callcampagne aangemaakt")),
    "infolijn.mystery.plan": (_("Plan"), _("Mystery-callplan gemaakt")),
    "infolijn.mystery.results": (_("Resultaten"), _("Mystery-callresultaten ingelezen")),
    "infolijn.script_flag.create": (_("Melding"), _("Script gemeld door voorlichter")),
}


@hooks.register("register_log_actions")
def register_log_actions(actions: Any) -> None:
    for name, (label, message) in ACTIONS.items():
        actions.register_action(name, label, message)


class EvaluationFormViewSet(SnippetViewSet):
    model = EvaluationForm
    icon = "form"
    menu_label = _("Beluisteringsformulieren")
    list_display = ["name", "active"]


register_snippet(EvaluationFormViewSet)
