from django.http import HttpRequest
from wagtail.admin.menu import MenuItem

from infolijn.partners.roles import Role, has_role


class EditorsMenuItem(MenuItem):
    """An admin menu item only editors and administrators see (reports about content)."""

    def is_shown(self, request: HttpRequest) -> bool:
        return has_role(request.user, Role.EDITOR, Role.ADMINISTRATOR)
