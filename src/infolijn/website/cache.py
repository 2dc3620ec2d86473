"""Cache of the public pages for anonymous visitors, dropped as a whole on every publish.

Only what every citizen sees the same way is cached: GET requests without a query string and
without a session cookie, answered 200 with HTML and setting no cookie. Publishing or
unpublishing any page bumps a version number that is part of every key, so a stale page is
never served after a change (``REDIS_URL`` makes this shared between app servers).
"""

from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

from infolijn.website.visits import count_view, is_bot

VERSION_KEY = "public-pages:version"
TIMEOUT_SECONDS = 600
NOT_CACHED_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/kennisbank/",
    "/partner/",
    "/zoeken/",
    "/aanmelden/",
    "/afmelden/",
    "/werkplek/",
    "/static/",
    "/media/",
    "/documents/",
    "/feedback/",
)


def current_version() -> int:
    return int(cache.get_or_set(VERSION_KEY, 1, timeout=None) or 1)


def invalidate_public_pages() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def _cacheable_request(request: HttpRequest) -> bool:
    return (
        request.method == "GET"
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(NOT_CACHED_PREFIXES)
    )


class PublicPageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _cacheable_request(request):
            return self.get_response(request)
        key = f"public-pages:{current_version()}:{request.get_host()}:{request.path}"
        cached = cache.get(key)
        if cached is not None:
            content, content_type, page_id = cached
            response = HttpResponse(content, content_type=content_type)
            response["X-Infolijn-Cache"] = "hit"
        else:
            response = self.get_response(request)
            page = getattr(request, "infolijn_page_id", None)
            page_id = page if isinstance(page, int) else None
            if (
                response.status_code == 200
                and not response.streaming
                and not response.cookies
                and response.get("Content-Type", "").startswith("text/html")
            ):
                cache.set(
                    key, (response.content, response["Content-Type"], page_id), TIMEOUT_SECONDS
                )
                response["X-Infolijn-Cache"] = "miss"
        if (
            page_id is not None
            and response.status_code == 200
            and not is_bot(request.headers.get("User-Agent", ""))
        ):
            count_view(page_id)
        return response
