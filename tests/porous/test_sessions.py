"""A session ends after a while without requests, however long it was in use before."""

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

ROOT = Path(__file__).resolve().parents[2]


def setting_in_a_fresh_process(name, **env):
    code = f"import django; django.setup(); from django.conf import settings as s; print(s.{name})"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "porous.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_idle_minutes_come_from_the_environment():
    assert setting_in_a_fresh_process("SESSION_COOKIE_AGE", SESSION_IDLE_MINUTES="15") == "900"


@pytest.mark.django_db
def test_the_session_expires_after_the_idle_time_not_before(client, tenant, settings, monkeypatch):
    settings.SESSION_COOKIE_AGE = 30 * 60
    start = timezone.now()
    clock = {"now": start}
    monkeypatch.setattr(timezone, "now", lambda: clock["now"])
    client.force_login(tenant.user)
    page = reverse("roles:my-ladder")

    def visit_after(minutes):
        clock["now"] += datetime.timedelta(minutes=minutes)
        return client.get(page)

    # Every request starts the idle time again, so a long session of use goes on...
    assert visit_after(29).status_code == 200
    assert visit_after(29).status_code == 200
    assert visit_after(29).status_code == 200
    assert clock["now"] - start > datetime.timedelta(minutes=60)
    # ...and a pause longer than the idle time ends it.
    response = visit_after(31)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
