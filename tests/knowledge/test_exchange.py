import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Revision

from infolijn.knowledge.exchange import export_script_directory, import_script_directory
from infolijn.knowledge.models import ScriptPage, ThemePage
from infolijn.knowledge.scriptfile import parse_script_file
from infolijn.partners.models import Partner

DEMO_SCRIPTS = (
    Path(__file__).resolve().parents[2] / "src" / "infolijn" / "demo" / "content" / "scripts"
)

GOOD = """---
id: {id}
title: {title}
partner: Vlaamse Belastingdienst
theme: Belastingen
summary: Je betaalt elk jaar onroerende voorheffing.
keywords: [grondbelasting]
---
## Wat is het?

Een belasting op je woning.
"""


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.django_db
def test_round_trip_is_exact_on_the_demo_corpus(tmp_path):
    results = import_script_directory(directory=DEMO_SCRIPTS, actor=None, publish=False)
    assert [r.error for r in results if r.error] == []
    assert export_script_directory(directory=tmp_path) == len(results)
    for source in sorted(DEMO_SCRIPTS.glob("*.md")):
        exported = tmp_path / source.name
        assert parse_script_file(exported.read_bytes()) == parse_script_file(source.read_bytes())
        assert exported.read_text(encoding="utf-8") == source.read_text(encoding="utf-8")


@pytest.mark.django_db
def test_reimport_adds_a_version_never_a_duplicate(tmp_path):
    write(
        tmp_path, "a.md", GOOD.format(id="onroerende-voorheffing", title="Onroerende voorheffing")
    )
    import_script_directory(directory=tmp_path, actor=None, publish=True)
    script = ScriptPage.objects.get(script_id="onroerende-voorheffing")
    revisions_before = Revision.objects.for_instance(script).count()

    unchanged = import_script_directory(directory=tmp_path, actor=None, publish=True)
    assert unchanged[0].outcome.value == "unchanged"
    assert Revision.objects.for_instance(script).count() == revisions_before

    write(
        tmp_path,
        "a.md",
        GOOD.format(id="onroerende-voorheffing", title="Onroerende voorheffing 2027"),
    )
    updated = import_script_directory(directory=tmp_path, actor=None, publish=False)
    assert updated[0].outcome.value == "updated"
    assert ScriptPage.objects.filter(script_id="onroerende-voorheffing").count() == 1
    script.refresh_from_db()
    assert script.title == "Onroerende voorheffing"  # live version untouched until published
    assert script.has_unpublished_changes
    assert script.get_latest_revision_as_object().title == "Onroerende voorheffing 2027"
    assert Revision.objects.for_instance(script).count() == revisions_before + 1


@pytest.mark.django_db
def test_bad_files_are_named_skipped_and_lose_nothing(tmp_path):
    write(tmp_path, "good.md", GOOD.format(id="goed", title="Goed"))
    import_script_directory(directory=tmp_path, actor=None, publish=True)
    stored = ScriptPage.objects.get(script_id="goed")

    bad = {
        "broken-yaml.md": "---\nid: goed\ntitle: [oops\n---\nbody\n",
        "no-front-matter.md": "## Zomaar tekst\n",
        "no-id.md": GOOD.format(id="x", title="y").replace("id: x\n", ""),
        "binary.md": b"\x00\x01\x02\xff\xfe",
        "unknown-field.md": GOOD.format(id="goed", title="Gewijzigd").replace(
            "theme:", "owner: jan\ntheme:"
        ),
        "latin1.md": GOOD.format(id="goed", title="Caf\u00e9").encode("latin-1"),
    }
    for name, content in bad.items():
        write(tmp_path, name, content)
    write(tmp_path, "new.md", GOOD.format(id="nieuw", title="Nieuw"))

    results = {
        r.path.name: r
        for r in import_script_directory(directory=tmp_path, actor=None, publish=True)
    }
    assert {name for name, r in results.items() if r.error} == set(bad)
    assert "unknown field(s): owner" in results["unknown-field.md"].error
    assert results["new.md"].outcome.value == "created"
    stored.refresh_from_db()
    assert stored.title == "Goed"
    assert not stored.has_unpublished_changes
    assert ScriptPage.objects.count() == 2


@pytest.mark.django_db
def test_duplicate_ids_in_one_folder_import_the_first_only(tmp_path):
    write(tmp_path, "1.md", GOOD.format(id="zelfde", title="Eerste"))
    write(tmp_path, "2.md", GOOD.format(id="zelfde", title="Tweede"))
    results = import_script_directory(directory=tmp_path, actor=None, publish=True)
    assert results[1].error == "id 'zelfde' is also used by 1.md"
    assert ScriptPage.objects.get(script_id="zelfde").title == "Eerste"


@pytest.mark.django_db
def test_unknown_partner_and_theme_are_created_once(tmp_path):
    write(tmp_path, "a.md", GOOD.format(id="a", title="A"))
    write(
        tmp_path,
        "b.md",
        GOOD.format(id="b", title="B").replace(
            "Vlaamse Belastingdienst", "vlaamse-belastingdienst"
        ),
    )
    import_script_directory(directory=tmp_path, actor=None, publish=True)
    assert list(Partner.objects.values_list("name", flat=True)) == ["Vlaamse Belastingdienst"]
    theme = ThemePage.objects.get(title="Belastingen")
    assert theme.live
    assert {s.script_id for s in theme.public_scripts()} == {"a", "b"}


@pytest.mark.django_db
def test_injected_html_is_escaped_on_the_public_page(tmp_path, client):
    evil = GOOD.format(id="kwaad", title="'<script>alert(1)</script>'").replace(
        "Een belasting op je woning.", "<script>alert(2)</script> [klik](javascript:alert(3))"
    )
    write(tmp_path, "kwaad.md", evil)
    import_script_directory(directory=tmp_path, actor=None, publish=True)
    html = client.get("/info/kwaad/").content.decode()
    assert "<script>" not in html
    assert 'href="javascript:' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.django_db
def test_management_command_reports_on_stderr_and_fails(tmp_path, capsys):
    write(tmp_path, "ok.md", GOOD.format(id="ok", title="Ok"))
    write(tmp_path, "kapot.md", "geen front matter")
    with pytest.raises(SystemExit) as exit_info:
        call_command("import_scripts", str(tmp_path))
    assert exit_info.value.code == 1
    out, err = capsys.readouterr()
    assert "kapot.md: no front matter" in err
    assert "2 files: 1 created" in out


def test_cli_contract_in_a_fresh_data_dir(tmp_path):
    """`infolijn import-scripts` / `export-scripts` as an operator runs them (own data dir)."""
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "ok.md", GOOD.format(id="ok", title="Ok"))
    write(folder, "kapot.md", b"\xff\xfe\x00")
    env = {**os.environ, "INFOLIJN_DATA_DIR": str(tmp_path / "data"), "DJANGO_SETTINGS_MODULE": ""}
    env.pop("DJANGO_SETTINGS_MODULE")
    env.pop("DATABASE_URL", None)
    cli = [sys.executable, "-m", "infolijn.cli"]
    subprocess.run([*cli, "migrate", "-v", "0"], env=env, check=True, capture_output=True)
    result = subprocess.run(
        [*cli, "import-scripts", str(folder), "--publish"], env=env, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert f"{folder / 'kapot.md'}: file is binary" in result.stderr
    exported = subprocess.run(
        [*cli, "export-scripts", str(tmp_path / "out")], env=env, capture_output=True, text=True
    )
    assert exported.returncode == 0, exported.stderr
    assert (tmp_path / "out" / "ok.md").read_text(encoding="utf-8") == GOOD.format(
        id="ok", title="Ok"
    )
