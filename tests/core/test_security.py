import os
import re
import subprocess
import sys

import pytest
from django.test import Client

from tests.factories import make_script


@pytest.mark.django_db
def test_public_pages_carry_a_strict_csp_and_secure_headers(client):
    make_script("veilig")
    for url in ("/", "/info/veilig/", "/aanmelden/"):
        response = client.get(url)
        assert response.status_code == 200
        csp = response["Content-Security-Policy"]
        assert "script-src 'self';" in csp and "unsafe-inline" not in csp
        assert "object-src 'none'" in csp
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "SAMEORIGIN"
        assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_public_pages_load_nothing_from_other_hosts(client):
    make_script("lokaal")
    for url in ("/", "/info/lokaal/", "/themas/gezin-en-kinderen/"):
        html = client.get(url).content.decode()
        html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", html, flags=re.S)
        for marker in ('src="http', "src='http", 'href="//', "<script"):
            assert marker not in html, (url, marker)


@pytest.mark.django_db
def test_login_needs_a_csrf_token():
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/aanmelden/", {"username": "x", "password": "y"})
    assert response.status_code == 403


@pytest.mark.django_db
def test_failed_login_is_explained_in_dutch(client):
    response = client.post("/aanmelden/", {"username": "niemand", "password": "fout"})
    assert response.status_code == 200
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in response.content.decode()


@pytest.mark.django_db
def test_dutch_404_page(client):
    response = client.get("/bestaat-echt-niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet (meer)" in response.content.decode()


def _settings_check(env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DATABASE_URL", "INFOLIJN_TESTING"}
    }
    clean["DJANGO_SETTINGS_MODULE"] = "infolijn.config.settings"
    clean.update(env)
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
    return subprocess.run([sys.executable, "-c", code], env=clean, capture_output=True, text=True)


def test_production_refuses_to_start_without_secrets(tmp_path):
    result = _settings_check({"INFOLIJN_ENV": "production", "INFOLIJN_DATA_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr
    result = _settings_check(
        {"INFOLIJN_ENV": "production", "SECRET_KEY": "s" * 50, "INFOLIJN_DATA_DIR": str(tmp_path)}
    )
    assert result.returncode != 0
    assert "DATABASE_URL must be set in production" in result.stderr


def test_production_settings_are_secure(tmp_path):
    result = _settings_check(
        {
            "INFOLIJN_ENV": "production",
            "SECRET_KEY": "s" * 50,
            "DATABASE_URL": "postgres://u@127.0.0.1:5432/x",
            "ALLOWED_HOSTS": "infolijn.example",
            "INFOLIJN_DATA_DIR": str(tmp_path),
        }
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_a_malformed_boolean_setting_is_named():
    result = _settings_check({"DEBUG": "misschien"})
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr
