"""The script file format (DESIGN §7.1): Markdown with YAML front matter.

Pure Python, no Django: parsing and writing one file. Parsing is strict about structure
(front matter, known keys, types) and exact about the body, so that a file exported and
imported again yields the same fields and the same body text.
"""

import datetime as dt
import re
from dataclasses import dataclass, field

import yaml

MAX_FILE_BYTES = 1_000_000
REQUIRED_KEYS = ("id", "title", "partner", "theme", "summary")
OPTIONAL_KEYS = ("keywords", "audience", "valid_until")
ALLOWED_KEYS = frozenset(REQUIRED_KEYS + OPTIONAL_KEYS)
AUDIENCES = ("burger", "onderneming", "organisatie")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LIMITS = {"id": 120, "title": 255, "partner": 200, "theme": 255, "summary": 1000, "keyword": 100}

_OPENING = re.compile(r"\A---[ \t]*\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


class ScriptFileError(ValueError):
    """A script file that cannot be imported; the message names the problem for operators."""


@dataclass(frozen=True)
class ScriptFile:
    id: str
    title: str
    partner: str
    themes: tuple[str, ...]
    summary: str
    body: str
    keywords: tuple[str, ...] = field(default=())
    audience: tuple[str, ...] = field(default=())
    valid_until: dt.date | None = None


def parse_script_file(data: bytes) -> ScriptFile:
    if len(data) > MAX_FILE_BYTES:
        raise ScriptFileError(f"file is too large ({len(data)} bytes, at most {MAX_FILE_BYTES})")
    if b"\x00" in data:
        raise ScriptFileError("file is binary, not UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ScriptFileError(f"file is not valid UTF-8 (byte {exc.start})") from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front_matter, body = _split_front_matter(text)
    meta = _load_yaml(front_matter)
    return _build(meta, body)


def _split_front_matter(text: str) -> tuple[str, str]:
    opening = _OPENING.match(text)
    if opening is None:
        raise ScriptFileError("no front matter: the file must start with a line '---'")
    closing = _CLOSING.search(text, opening.end())
    if closing is None:
        raise ScriptFileError("front matter is not closed: add a line '---' after the YAML keys")
    return text[opening.end() : closing.start()], text[closing.end() + 1 :]


def _load_yaml(front_matter: str) -> dict:
    try:
        meta = yaml.safe_load(front_matter)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise ScriptFileError(f"front matter is not valid YAML{where}: {exc.problem}") from exc
    except yaml.YAMLError as exc:
        raise ScriptFileError(f"front matter is not valid YAML: {exc}") from exc
    except (ValueError, TypeError, OverflowError) as exc:
        raise ScriptFileError(f"front matter has an invalid value ({exc})") from exc
    if meta is None:
        raise ScriptFileError(
            "front matter is empty: it needs at least " + ", ".join(REQUIRED_KEYS)
        )
    if not isinstance(meta, dict):
        raise ScriptFileError("front matter must be a set of 'key: value' lines")
    return meta


def _build(meta: dict, body: str) -> ScriptFile:
    bad_keys = [key for key in meta if not isinstance(key, str)]
    if bad_keys:
        raise ScriptFileError(f"front matter keys must be text, got {bad_keys[0]!r}")
    unknown = sorted(key for key in meta if key not in ALLOWED_KEYS)
    if unknown:
        raise ScriptFileError(
            f"unknown field(s): {', '.join(unknown)} (allowed: {', '.join(sorted(ALLOWED_KEYS))})"
        )
    missing = [key for key in REQUIRED_KEYS if meta.get(key) in (None, "", [])]
    if missing:
        raise ScriptFileError(f"missing required field(s): {', '.join(missing)}")

    script_id = _text(meta, "id")
    if not ID_PATTERN.match(script_id):
        raise ScriptFileError(
            f"id {script_id!r} is not a slug: use lowercase letters, digits and single hyphens"
        )
    if not body.strip():
        raise ScriptFileError("the script has no body text after the front matter")
    return ScriptFile(
        id=script_id,
        title=_text(meta, "title"),
        partner=_text(meta, "partner"),
        themes=_text_list(meta, "theme", limit_key="theme", required=True),
        summary=_text(meta, "summary"),
        body=body,
        keywords=_text_list(meta, "keywords", limit_key="keyword"),
        audience=_audience(meta),
        valid_until=_date(meta, "valid_until"),
    )


def _scalar_text(value: object, key: str) -> str:
    if isinstance(value, (bool, dict, list)) or value is None:
        raise ScriptFileError(f"field {key} must be text, got {type(value).__name__}")
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def _text(meta: dict, key: str) -> str:
    value = _scalar_text(meta[key], key)
    if not value.strip():
        raise ScriptFileError(f"field {key} is empty")
    if "\x00" in value:
        raise ScriptFileError(f"field {key} contains a NUL character")
    limit = LIMITS[key]
    if len(value) > limit:
        raise ScriptFileError(f"field {key} is too long ({len(value)} characters, at most {limit})")
    return value


def _text_list(meta: dict, key: str, *, limit_key: str, required: bool = False) -> tuple[str, ...]:
    raw = meta.get(key)
    if raw is None or raw == "":
        items: list = []
    elif isinstance(raw, list):
        items = raw
    elif key == "keywords" and isinstance(raw, str):
        items = [part for part in raw.split(",") if part.strip()]
    else:
        items = [raw]
    values: list[str] = []
    for item in items:
        value = _scalar_text(item, key).strip()
        if not value:
            raise ScriptFileError(f"field {key} has an empty item")
        if len(value) > LIMITS[limit_key]:
            raise ScriptFileError(
                f"an item of {key} is too long (at most {LIMITS[limit_key]} characters)"
            )
        if value in values:
            raise ScriptFileError(f"field {key} lists {value!r} twice")
        values.append(value)
    if required and not values:
        raise ScriptFileError(f"missing required field(s): {key}")
    return tuple(values)


def _audience(meta: dict) -> tuple[str, ...]:
    values = _text_list(meta, "audience", limit_key="theme")
    wrong = [value for value in values if value not in AUDIENCES]
    if wrong:
        raise ScriptFileError(f"audience {wrong[0]!r} is unknown (allowed: {', '.join(AUDIENCES)})")
    return values


def _date(meta: dict, key: str) -> dt.date | None:
    value = meta.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        raise ScriptFileError(f"field {key} must be a date (YYYY-MM-DD), not a date and time")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ScriptFileError(f"field {key} must be a date (YYYY-MM-DD), got {value!r}")


class _FrontMatterDumper(yaml.SafeDumper):
    """Block-style keys with flow-style lists: ``keywords: [kindergeld, groeipakket]``."""


def _represent_list(dumper: yaml.SafeDumper, data: list) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


_FrontMatterDumper.add_representer(list, _represent_list)


def render_script_file(script: ScriptFile) -> str:
    """The file text for ``script``; parsing it gives back an equal ``ScriptFile``."""
    meta: dict[str, object] = {
        "id": script.id,
        "title": script.title,
        "partner": script.partner,
        "theme": script.themes[0] if len(script.themes) == 1 else list(script.themes),
        "summary": script.summary,
    }
    if script.keywords:
        meta["keywords"] = list(script.keywords)
    if script.audience:
        meta["audience"] = (
            script.audience[0] if len(script.audience) == 1 else list(script.audience)
        )
    if script.valid_until is not None:
        meta["valid_until"] = script.valid_until
    front_matter = yaml.dump(
        meta,
        Dumper=_FrontMatterDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1_000_000,
    )
    return f"---\n{front_matter}---\n{script.body}"
