"""Role checks for views. Object-level access (partner scoping) lives in each app's access.py."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from infolijn.partners.roles import Role, has_role

View = Callable[..., HttpResponse]


def role_required(*roles: Role) -> Callable[[View], View]:
    """Anonymous users go to the login page; signed-in users without one of ``roles`` get 403."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_role(request.user, *roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.required_roles = roles  # type: ignore[attr-defined]
        return wrapped

    return decorator


def is_htmx(request: HttpRequest) -> bool:
    """True for requests htmx made (django-htmx sets ``request.htmx``): answer with a fragment."""
    return bool(getattr(request, "htmx", False))
