"""Security headers on every page, and production settings that pass Django's deploy check."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "a-long-random-production-secret-for-the-test-only-0123456789",
    "ALLOWED_HOSTS": "portal.example.nl",
}


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in re.split(r";\s*", policy) if part}


def in_production(code):
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process; production never does.
    dropped = {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in dropped}
    return subprocess.run(
        [sys.executable, *code],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "porous.settings", **PRODUCTION},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["home", "account_login", "account_signup"])
def test_pages_carry_the_security_headers(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert "unsafe" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_staff_pages_and_the_admin_carry_the_policy_too(client, manager, superuser):
    client.force_login(manager)
    assert directives(client.get(reverse("dashboard:dashboard")))["script-src"] == ["'self'"]
    client.force_login(superuser)
    assert directives(client.get(reverse("admin:index")))["script-src"] == ["'self'"]


@pytest.mark.django_db
def test_templates_render_no_inline_scripts_styles_or_handlers(client, manager):
    client.force_login(manager)
    for url in (reverse("home"), reverse("dashboard:dashboard"), reverse("visits:my-week")):
        html = client.get(url).text
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url
        assert not re.search(r"<style\b|\sstyle=|\son[a-z]+=|hx-on", html), url


@pytest.mark.django_db
def test_hsts_on_https_in_production(client):
    result = in_production(
        [
            "-c",
            "import django, json; django.setup(); from django.conf import settings as s; "
            "print(json.dumps([s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
            "s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE]))",
        ]
    )
    assert result.returncode == 0, result.stderr
    hsts_seconds, subdomains, redirect, *secure_cookies = json.loads(result.stdout)
    assert hsts_seconds >= 365 * 24 * 60 * 60
    assert subdomains and redirect and all(secure_cookies)

    from django.test import override_settings

    with override_settings(SECURE_HSTS_SECONDS=hsts_seconds, SECURE_HSTS_INCLUDE_SUBDOMAINS=True):
        response = client.get(reverse("account_login"), secure=True)
    assert response["Strict-Transport-Security"].startswith(f"max-age={hsts_seconds}")


def test_the_deploy_check_passes_in_production_mode():
    result = in_production(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode == 0, result.stdout + result.stderr
