"""Headers, cookies and the production configuration."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "prod-test-" + "x7Kq2mZr9" * 7,
    "ALLOWED_HOSTS": "medvandrer.example.no",
    "SQLITE_PATH": "/tmp/medvandrer-deploy-check.sqlite3",
}


@pytest.mark.django_db
def test_person_pages_carry_the_security_headers(charlie_client, charlie_person):
    response = charlie_client.get(f"/personer/{charlie_person.pk}/")
    csp = response["Content-Security-Policy"]
    assert re.search(r"script-src 'self' 'nonce-[A-Za-z0-9+/=]+'", csp)
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cache-Control"] == "no-store, private"


def test_no_template_has_inline_script_style_or_event_handlers():
    offenders = []
    for template in ROOT.glob("**/templates/**/*.html"):
        if ".venv" in template.parts:
            continue
        text = template.read_text(encoding="utf-8")
        for tag in re.findall(r"<script\b[^>]*>", text):
            if "src=" not in tag:
                offenders.append(f"{template.name}: inline script")
        if re.search(r"\son[a-z]+\s*=", text):
            offenders.append(f"{template.name}: inline event handler")
        if re.search(r"\sstyle\s*=", text):
            offenders.append(f"{template.name}: style attribute")
    assert offenders == []


def run_with_production_settings(*args) -> subprocess.CompletedProcess:
    env = {**os.environ, **PRODUCTION_ENV}
    for leftover in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"):  # the browser harness sets the latter
        env.pop(leftover, None)
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)  # noqa: S603 - our own manage.py


def test_check_deploy_is_clean_with_production_settings():
    result = run_with_production_settings("manage.py", "check", "--deploy")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout, result.stdout + result.stderr


def test_production_cookies_and_transport():
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE, "
        "s.CSRF_COOKIE_SECURE, s.CSRF_COOKIE_HTTPONLY, s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT]))"
    )
    result = run_with_production_settings(
        "-c", f"import os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'medvandrer.settings'); {code}"
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [True, True, "Lax", True, True, 31536000, True]


def test_production_refuses_to_start_without_a_secret_key():
    env_key = PRODUCTION_ENV["SECRET_KEY"]
    PRODUCTION_ENV["SECRET_KEY"] = ""
    try:
        result = run_with_production_settings("manage.py", "check")
    finally:
        PRODUCTION_ENV["SECRET_KEY"] = env_key
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr
