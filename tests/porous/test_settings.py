import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from porous.models import GroupName

ROOT = Path(__file__).resolve().parents[2]


def run_check(**env):
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**clean, "DJANGO_ENV": "production", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_check(ALLOWED_HOSTS="portal.example.nl")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_check(SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_starts_with_both():
    result = run_check(SECRET_KEY="x" * 60, ALLOWED_HOSTS="portal.example.nl")
    assert result.returncode == 0, result.stderr


def test_env_example_lists_every_variable_the_settings_read():
    settings_source = (ROOT / "porous" / "settings.py").read_text()
    read = set(re.findall(r"""env(?:_bool|_int|_list)?\(\s*"([A-Z_]+)\"""", settings_source))
    example = (ROOT / ".env.example").read_text()
    listed = set(re.findall(r"^([A-Z_]+)=", example, flags=re.MULTILINE))
    assert read, "no variables found: the pattern no longer matches settings.py"
    assert read - listed == set()


@pytest.mark.django_db
def test_staff_groups_exist_with_their_permissions():
    groups = {g.name: g for g in Group.objects.prefetch_related("permissions__content_type")}
    assert set(groups) == set(GroupName.ALL)

    def codes(name):
        return {f"{p.content_type.app_label}.{p.codename}" for p in groups[name].permissions.all()}

    assert "tenants.view_household" in codes(GroupName.EMPLOYEE)
    assert "tenants.change_household" not in codes(GroupName.EMPLOYEE)
    assert "porous.view_team" in codes(GroupName.MANAGER)
    assert "porous.view_dashboard" in codes(GroupName.MANAGER)
    assert {"tenants.change_household", "roles.add_role", "porous.add_user"} <= codes(
        GroupName.ADMINISTRATOR
    )
