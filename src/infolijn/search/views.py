from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from infolijn.knowledge.models import ScriptPage
from infolijn.search.actions import log_search, record_click
from infolijn.search.engine.index import Scope
from infolijn.search.forms import SearchForm
from infolijn.search.models import SearchScope
from infolijn.search.service import search_scripts

PUBLIC_LIMIT = 20


def public_search(request: HttpRequest) -> HttpResponse:
    """The citizen's search: plain GET form, works without JavaScript."""
    form = SearchForm(request.GET or None)
    context: dict = {"form": form, "result": None}
    if form.is_valid() and form.cleaned_data["q"]:
        query = form.cleaned_data["q"]
        result = search_scripts(query, scope=Scope.PUBLIC, limit=PUBLIC_LIMIT)
        log = log_search(query=query, scope=SearchScope.PUBLIC, results=len(result.hits))
        pages = {
            p.script_id: p
            for p in ScriptPage.objects.public(timezone.now()).filter(
                script_id__in=[h.key for h in result.hits]
            )
        }
        context.update(
            result=result,
            rows=[(hit, pages[hit.key]) for hit in result.hits if hit.key in pages],
            log_id=log.pk if log else None,
        )
    return render(request, "search/public_search.html", context)


def public_click(request: HttpRequest, log_id: int, script_id: str) -> HttpResponse:
    """Follow a search result: counts the click (for 'no click' analytics), then goes there."""
    script = ScriptPage.objects.public(timezone.now()).filter(script_id=script_id).first()
    if script is None:
        raise Http404
    record_click(log_id=log_id, script_id=script_id)
    return redirect(script.get_url(request))
