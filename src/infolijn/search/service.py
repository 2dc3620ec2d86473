"""The search index of this app server, kept in step with the database.

Every process holds one ``ScriptIndex`` on disk under the data directory. Before a search (at
most every few seconds) it compares a cheap database fingerprint of the published scripts and
synonyms with the one the index was built for; when they differ it syncs: re-indexes the
scripts whose live revision changed and drops withdrawn ones, under a file lock so processes
sharing a data directory never write at the same time. Other app servers do the same on their
own disk, so nothing depends on which machine ran the publish task.
"""

import fcntl
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db.models import Count, Max, Sum
from django.utils import timezone

from infolijn.knowledge.markdown import plain_text
from infolijn.knowledge.models import ScriptPage, Visibility
from infolijn.search.engine.analysis import ANALYZER_VERSION
from infolijn.search.engine.index import Scope, ScriptIndex, SearchDocument, SearchResult
from infolijn.search.engine.synonyms import Synonym as EngineSynonym
from infolijn.search.engine.synonyms import builtin_synonyms
from infolijn.search.models import Synonym

CHECK_INTERVAL_SECONDS = 5.0

_lock = threading.Lock()
_state: dict[str, object] = {"index": None, "fingerprint": None, "checked_at": 0.0}


def index_dir() -> Path:
    return Path(settings.DATA_DIR) / "search-index"


def database_fingerprint() -> str:
    scripts = ScriptPage.objects.live().aggregate(
        n=Count("pk"), total=Sum("live_revision_id"), last=Max("live_revision_id")
    )
    synonyms = Synonym.objects.aggregate(n=Count("pk"), last=Max("updated_at"))
    last_synonym = synonyms["last"].isoformat() if synonyms["last"] else "-"
    return (
        f"v{ANALYZER_VERSION}:{scripts['n']}:{scripts['total'] or 0}:{scripts['last'] or 0}:"
        f"{synonyms['n']}:{last_synonym}"
    )


def current_synonyms() -> list[EngineSynonym]:
    editors = [EngineSynonym(s.term, s.replacement) for s in Synonym.objects.all()]
    return builtin_synonyms() + editors


def to_document(script: ScriptPage) -> SearchDocument:
    public_from = script.public_from.timestamp() if script.public_from else 0.0
    return SearchDocument(
        key=script.script_id,
        title=script.title,
        summary=script.summary,
        body=plain_text(script.body),
        keywords=tuple(script.keywords),
        agent_notes=plain_text(script.agent_notes) if script.agent_notes else "",
        public=script.visibility == Visibility.PUBLIC,
        public_from=public_from,
    )


@contextmanager
def _write_lock() -> Iterator[None]:
    index_dir().parent.mkdir(parents=True, exist_ok=True)
    with open(index_dir().parent / "search-index.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _revisions_path() -> Path:
    return index_dir() / "infolijn-revisions.json"


def sync_index(*, force_rebuild: bool = False) -> ScriptIndex:
    """Bring this server's index in step with the database; returns the fresh index."""
    fingerprint = database_fingerprint()
    with _write_lock():
        index = ScriptIndex(index_dir(), current_synonyms())
        if index.is_current(fingerprint) and not force_rebuild:
            return index
        live = {
            script.script_id: script
            for script in ScriptPage.objects.live().only(
                "script_id",
                "title",
                "summary",
                "body",
                "keywords",
                "agent_notes",
                "visibility",
                "public_from",
                "live_revision_id",
            )
        }
        known: dict[str, int] = {}
        if _revisions_path().exists() and index.fingerprint is not None and not force_rebuild:
            known = json.loads(_revisions_path().read_text(encoding="utf-8"))
        synonyms_changed = (
            index.fingerprint is None
            or index.fingerprint.split(":")[4:] != fingerprint.split(":")[4:]
        )
        if not known or synonyms_changed:
            index.rebuild((to_document(s) for s in live.values()), fingerprint=fingerprint)
        else:
            changed = [
                to_document(s) for key, s in live.items() if known.get(key) != s.live_revision_id
            ]
            removed = [key for key in known if key not in live]
            index.upsert(changed, removed, fingerprint=fingerprint)
        revisions = {key: s.live_revision_id for key, s in live.items()}
        _revisions_path().write_text(json.dumps(revisions), encoding="utf-8")
        return index


def get_index() -> ScriptIndex:
    """This process's index, synced when the database changed (checked every few seconds)."""
    now = time.monotonic()
    with _lock:
        index = _state["index"]
        if index is not None and now - float(_state["checked_at"]) < CHECK_INTERVAL_SECONDS:  # type: ignore[arg-type]
            return index  # type: ignore[return-value]
        fingerprint = database_fingerprint()
        if index is None or _state["fingerprint"] != fingerprint:
            index = sync_index()
            _state.update(index=index, fingerprint=fingerprint)
        _state["checked_at"] = now
        return index  # type: ignore[return-value]


def mark_stale() -> None:
    """Make this process compare fingerprints at its next search (after a local change)."""
    with _lock:
        _state["checked_at"] = 0.0


def reset() -> None:
    """Forget this process's index (tests, and after the data directory changes)."""
    with _lock:
        _state.update(index=None, fingerprint=None, checked_at=0.0)


def search_scripts(query: str, *, scope: Scope, limit: int = 10) -> SearchResult:
    return get_index().search(query, scope=scope, now=timezone.now().timestamp(), limit=limit)
