"""The dependency audit must fail when it cannot check, not report "no known vulnerabilities"
for packages it skipped."""

import os
import shutil
import subprocess

import pytest
from django.conf import settings


@pytest.mark.skipif(not shutil.which("make"), reason="needs make")
def test_the_audit_fails_when_the_advisory_service_cannot_be_reached(tmp_path):
    env = {
        **os.environ,
        # Nothing listens on port 9 of this machine: every request of the audit fails.
        "HTTPS_PROXY": "http://127.0.0.1:9",
        "https_proxy": "http://127.0.0.1:9",
        "NO_PROXY": "",
        "no_proxy": "",
        # An empty cache, so no earlier answer stands in for the service.
        "XDG_CACHE_HOME": str(tmp_path),
    }
    result = subprocess.run(
        ["make", "--no-print-directory", "audit-deps"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "No known vulnerabilities found" not in output
