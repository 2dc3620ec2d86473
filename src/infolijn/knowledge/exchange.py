"""Import and export of folders of script files (`infolijn import-scripts` / `export-scripts`)."""

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from infolijn.knowledge.actions import Actor, ImportOutcome, import_script, script_as_file
from infolijn.knowledge.errors import KnowledgeError
from infolijn.knowledge.models import ScriptPage
from infolijn.knowledge.scriptfile import ScriptFileError, parse_script_file, render_script_file


@dataclass(frozen=True)
class FileResult:
    path: Path
    outcome: ImportOutcome | None = None
    error: str | None = None


def import_script_directory(*, directory: Path, actor: Actor, publish: bool) -> list[FileResult]:
    """Import every ``*.md`` in ``directory`` (sorted by name), each file all or nothing.

    A bad file is reported and skipped; the others are still imported.
    """
    results: list[FileResult] = []
    seen_ids: dict[str, Path] = {}
    for path in sorted(directory.glob("*.md")):
        if not path.is_file():
            results.append(FileResult(path, error="not a regular file"))
            continue
        try:
            script_file = parse_script_file(path.read_bytes())
        except ScriptFileError as exc:
            results.append(FileResult(path, error=str(exc)))
            continue
        except OSError as exc:
            results.append(FileResult(path, error=f"cannot read file: {exc.strerror}"))
            continue
        if script_file.id in seen_ids:
            results.append(
                FileResult(
                    path,
                    error=f"id {script_file.id!r} is also used by {seen_ids[script_file.id].name}",
                )
            )
            continue
        seen_ids[script_file.id] = path
        try:
            outcome = import_script(script_file=script_file, actor=actor, publish=publish)
        except KnowledgeError as exc:
            results.append(FileResult(path, error=exc.detail or exc.code.value))
            continue
        results.append(FileResult(path, outcome=outcome))
    return results


def export_script_directory(*, directory: Path) -> int:
    """Write every script's latest version to ``<id>.md``; returns the number written."""
    directory.mkdir(parents=True, exist_ok=True)
    count = 0
    for page in ScriptPage.objects.order_by("script_id").iterator():
        text = render_script_file(script_as_file(page))
        target = directory / f"{page.script_id}.md"
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".export-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, target)
        count += 1
    return count
