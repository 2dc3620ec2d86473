import datetime as dt

import pytest

from infolijn.knowledge.scriptfile import (
    MAX_FILE_BYTES,
    ScriptFile,
    ScriptFileError,
    parse_script_file,
    render_script_file,
)

VALID = """---
id: groeipakket-startbedrag
title: Startbedrag van het Groeipakket
partner: Agentschap Opgroeien
theme: Gezin en kinderen
summary: Je krijgt een startbedrag bij de geboorte of adoptie van een kind.
---
## Wie heeft recht?

Elk kind dat in Vlaanderen geboren wordt.
"""


def parse(text: str) -> ScriptFile:
    return parse_script_file(text.encode("utf-8"))


def error_of(data: bytes | str) -> str:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with pytest.raises(ScriptFileError) as info:
        parse_script_file(raw)
    return str(info.value)


def test_parses_the_design_example():
    script = parse(VALID)
    assert script.id == "groeipakket-startbedrag"
    assert script.themes == ("Gezin en kinderen",)
    assert script.keywords == ()
    assert script.body == "## Wie heeft recht?\n\nElk kind dat in Vlaanderen geboren wordt.\n"


def test_optional_fields_lists_and_dates():
    script = parse(
        VALID.replace(
            "theme: Gezin en kinderen\n",
            "theme: [Gezin en kinderen, Onderwijs]\nkeywords: [kindergeld, 'EPC']\n"
            "audience: [burger, organisatie]\nvalid_until: 2026-12-31\n",
        )
    )
    assert script.themes == ("Gezin en kinderen", "Onderwijs")
    assert script.keywords == ("kindergeld", "EPC")
    assert script.audience == ("burger", "organisatie")
    assert script.valid_until == dt.date(2026, 12, 31)


def test_render_then_parse_gives_the_same_script():
    original = parse(
        VALID.replace(
            "theme: Gezin en kinderen\n", "theme: Gezin en kinderen\nkeywords: ['2026', 'ja']\n"
        )
    )
    assert parse(render_script_file(original)) == original


def test_render_keeps_the_file_byte_for_byte_for_plain_yaml():
    assert render_script_file(parse(VALID)) == VALID


def test_crlf_and_bom_are_normalised():
    script = parse_script_file(("\ufeff" + VALID).replace("\n", "\r\n").encode("utf-8"))
    assert script.body.startswith("## Wie heeft recht?\n\n")
    assert "\r" not in script.body


def test_body_keeps_markdown_and_yaml_like_lines_exactly():
    body = "Tekst\n\n---\n\nNog meer: *nadruk* en `code`\n   \n"
    assert parse(VALID.split("---\n## Wie")[0] + "---\n" + body).body == body


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("", "no front matter"),
        ("## Alleen tekst\n", "no front matter"),
        ("---\nid: a\ntitle: b\n", "not closed"),
        ("---\n---\nbody\n", "front matter is empty"),
        ("---\n- a\n- b\n---\nbody\n", "key: value"),
        ("---\nid: [unclosed\n---\nbody\n", "not valid YAML at line"),
        (
            "---\ntitle: x\npartner: p\ntheme: t\nsummary: s\n---\nbody\n",
            "missing required field(s): id",
        ),
        (
            VALID.replace("id: groeipakket-startbedrag", "id: Groeipakket Startbedrag"),
            "is not a slug",
        ),
        (VALID.replace("id: groeipakket-startbedrag", "id: ../../etc/passwd"), "is not a slug"),
        (VALID.replace("summary:", "author: Jan\nsummary:"), "unknown field(s): author"),
        (VALID.replace("theme: Gezin en kinderen", "theme: {a: b}"), "must be text"),
        (VALID.replace("theme: Gezin en kinderen", "theme: [a, a]"), "twice"),
        (
            VALID.replace("summary:", "audience: iedereen\nsummary:"),
            "audience 'iedereen' is unknown",
        ),
        (VALID.replace("summary:", "valid_until: morgen\nsummary:"), "must be a date"),
        (
            VALID.replace("summary:", "valid_until: 2026-02-30\nsummary:"),
            "invalid value (day is out",
        ),
        (
            VALID.replace("summary:", "valid_until: 2026-01-01 10:00:00\nsummary:"),
            "not a date and time",
        ),
        (VALID.replace("title: Startbedrag van het Groeipakket", "title: '   '"), "title is empty"),
        (
            VALID.replace("title: Startbedrag van het Groeipakket", "title: " + "x" * 300),
            "too long",
        ),
        (VALID.split("## Wie")[0], "no body text"),
        (VALID.replace("title: Startbedrag", "title: true\nx: Startbedrag"), "unknown field"),
    ],
)
def test_bad_files_are_rejected_with_a_message_naming_the_problem(data, expected):
    assert expected in error_of(data)


def test_binary_junk_and_wrong_encoding():
    assert "binary" in error_of(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    assert "not valid UTF-8" in error_of(VALID.encode("cp1252").replace(b"Gezin", b"G\xe9zin"))


def test_huge_file_is_rejected_before_parsing():
    assert "too large" in error_of(b"x" * (MAX_FILE_BYTES + 1))


def test_yaml_tags_cannot_build_python_objects():
    assert "not valid YAML" in error_of(
        VALID.replace(
            "title: Startbedrag van het Groeipakket",
            "title: !!python/object/apply:os.system ['ls']",
        )
    )


def test_html_in_fields_is_kept_as_text_for_escaping_later():
    script = parse(
        VALID.replace(
            "title: Startbedrag van het Groeipakket", "title: '<script>alert(1)</script>'"
        )
    )
    assert script.title == "<script>alert(1)</script>"


# Any valid script survives render → parse unchanged: the basis of the exact round trip.
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00"),
    min_size=1,
    max_size=60,
).filter(lambda s: s.strip() != "")
_item = _text.map(str.strip).filter(bool)
_body = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"),
    min_size=1,
    max_size=400,
).filter(lambda s: s.strip() != "")


@settings(max_examples=300, deadline=None)
@given(
    script_id=st.from_regex(r"\A[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,3}\Z"),
    title=_text,
    partner=_text,
    themes=st.lists(_item, min_size=1, max_size=3, unique=True),
    summary=_text,
    body=_body,
    keywords=st.lists(_item.filter(lambda s: "," not in s), max_size=5, unique=True),
    audience=st.lists(st.sampled_from(["burger", "onderneming", "organisatie"]), unique=True),
    valid_until=st.none() | st.dates(),
)
def test_round_trip_property(
    script_id, title, partner, themes, summary, body, keywords, audience, valid_until
):
    script = ScriptFile(
        id=script_id,
        title=title,
        partner=partner,
        themes=tuple(themes),
        summary=summary,
        body=body,
        keywords=tuple(keywords),
        audience=tuple(audience),
        valid_until=valid_until,
    )
    assert parse_script_file(render_script_file(script).encode("utf-8")) == script
