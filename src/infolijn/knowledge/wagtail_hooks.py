from collections.abc import Iterator
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from infolijn.knowledge.models import ScriptPage
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
