from collections.abc import Iterator
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from infolijn.core.access import role_required
from infolijn.knowledge.language_models import GlossaryTerm, OfficialeseEntry
from infolijn.knowledge.models import ScriptPage
from infolijn.knowledge.plain import MAX_TEXT_CHARS, plain_language_report
from infolijn.partners.roles import Role, has_role


@hooks.register("register_log_actions")
def register_log_actions(actions: Any) -> None:
    actions.register_action(
        "infolijn.script.import",
        _("Geïmporteerd"),
        _("Nieuwe versie geïmporteerd uit een scriptbestand"),
    )
    actions.register_action(
        "infolijn.script.withdraw", _("Ingetrokken"), _("Script ingetrokken met doorverwijzing")
    )
    actions.register_action(
        "infolijn.script.review_reminder",
        _("Herinnering nakijken"),
        _("Herinnering om na te kijken verstuurd"),
    )
    actions.register_action(
        "infolijn.script.level_reason",
        _("Reden voor niveau"),
        _("Reden gegeven waarom het script moeilijker is dan B1"),
    )
    actions.register_action(
        "infolijn.partner.reviewer_assigned",
        _("Reviewer toegewezen"),
        _("Partnerreviewer toegewezen"),
    )


class WithdrawScriptButton(PageMenuItem):
    label = _("Intrekken")
    icon_name = "download"

    @property
    def url(self) -> str:
        return reverse("knowledge:withdraw", args=[self.page.specific.script_id])

    def is_shown(self, user: Any) -> bool:
        return self.page.live and has_role(user, Role.EDITOR, Role.ADMINISTRATOR)


def _withdraw_buttons(page: Any) -> Iterator[PageMenuItem]:
    if isinstance(page.specific_deferred, ScriptPage):
        yield WithdrawScriptButton(page=page, priority=45)


@hooks.register("register_page_header_buttons")
def page_header_buttons(page: Any, user: Any, view_name: str, next_url: str | None = None):
    yield from _withdraw_buttons(page)


@hooks.register("register_page_listing_more_buttons")
def page_listing_more_buttons(page: Any, user: Any, next_url: str | None = None):
    yield from _withdraw_buttons(page)


@require_POST
@role_required(Role.EDITOR, Role.ADMINISTRATOR, Role.PARTNER_REVIEWER)
def plain_language_check(request: HttpRequest) -> HttpResponse:
    """The editor panel's endpoint: the §7.2 report of the posted text, as JSON."""
    text = request.POST.get("text", "")
    if len(text) > MAX_TEXT_CHARS:
        return JsonResponse({"error": "De tekst is te lang om te controleren."}, status=400)
    return JsonResponse(plain_language_report(text.replace("\r\n", "\n")))


@hooks.register("register_admin_urls")
def register_plain_language_urls():
    return [path("klare-taal/", plain_language_check, name="plain_language_check")]


class GlossaryViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "doc-full"
    menu_label = "Woordenlijst"
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["term", "explanation"]
    search_fields = ["term", "explanation"]


class OfficialeseViewSet(SnippetViewSet):
    model = OfficialeseEntry
    icon = "warning"
    menu_label = "Ambtelijke taal"
    menu_order = 240
    add_to_admin_menu = True
    list_display = ["phrase", "suggestions", "action"]
    search_fields = ["phrase", "suggestions"]


register_snippet(GlossaryViewSet)
register_snippet(OfficialeseViewSet)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def log_level_reason(request: HttpRequest, page: Any) -> None:
    """Keep the editor's reason for a script above B1 in the audit trail when submitted."""
    specific = page.specific
    if isinstance(specific, ScriptPage) and "action-submit" in request.POST:
        reason = specific.get_latest_revision_as_object().plain_language_reason
        if reason:
            from wagtail.log_actions import log

            log(
                instance=specific,
                action="infolijn.script.level_reason",
                user=request.user,
                data={"reason": reason},
            )
