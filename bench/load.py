"""The load test: 50 simultaneous users for 5 minutes against gunicorn + PostgreSQL + Redis.

    BENCH_DATABASE_URL=postgres://... BENCH_REDIS_URL=redis://127.0.0.1:6379/4 \
        .venv/bin/python bench/load.py

Needs the large data (run bench/run.py first). Logs the simulated people in through the
session store, starts gunicorn on loopback, runs locust headless (LOAD_USERS, LOAD_TIME), writes
the p95 per request type to bench/results.md, and exits non-zero when any request failed.
"""

import csv
import datetime
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ROOT, RUN_DIR, Gunicorn, login_session, machine, setup_django, write_section

setup_django()

from django.contrib.auth.models import Permission  # noqa: E402
from django.db.models import Q  # noqa: E402
from django.urls import reverse  # noqa: E402

from porous.dashboard.blocks import TABLE_BLOCKS  # noqa: E402
from porous.models import Team, User  # noqa: E402
from roles.models import Opening, Role  # noqa: E402
from tenants.models import Household, Neighbourhood, Resident  # noqa: E402
from visits.models import Visit  # noqa: E402
from visits.services.reminders import duty_employees  # noqa: E402
from visits.weeks import local_today  # noqa: E402

USERS = int(os.environ.get("LOAD_USERS", "50"))
RUN_TIME = os.environ.get("LOAD_TIME", "5m")
WORKERS = int(os.environ.get("BENCH_WORKERS", "4"))
# More people than simulated users of each kind, so no two simulated users share a person.
POOL = USERS
HOUSEHOLDS_PER_EMPLOYEE = 40


def people():
    residents = (
        Resident.objects.filter(household__isnull=False, user__is_active=True)
        .order_by("?")
        .values_list("user", flat=True)[:POOL]
    )
    employees = list(duty_employees().order_by("?")[:POOL])
    dashboard = Permission.objects.get(codename="view_dashboard")
    managers = (
        User.objects.filter(Q(groups__permissions=dashboard) | Q(user_permissions=dashboard))
        .distinct()
        .order_by("?")[:POOL]
    )
    return User.objects.filter(pk__in=list(residents)), employees, list(managers)


def households_to_visit(count):
    """Households with no open plan, for the employees to plan and log."""
    taken = Visit.objects.planned().values("household")
    return list(
        Household.objects.filter(tenancy_end__isnull=True)
        .exclude(pk__in=taken)
        .order_by("?")
        .values_list("pk", flat=True)[:count]
    )


def load_data():
    today = local_today()
    residents, employees, managers = people()
    free = households_to_visit(len(employees) * HOUSEHOLDS_PER_EMPLOYEE)
    start = today - datetime.timedelta(weeks=26)
    neighbourhoods = Neighbourhood.objects.values_list("pk", flat=True)
    teams = Team.objects.values_list("pk", flat=True)[:20]
    return {
        "csrf": "c" * 32,
        "today": today.isoformat(),
        "residents": [{"session": login_session(u)} for u in residents],
        "employees": [
            {
                "session": login_session(u),
                "households": free[i * HOUSEHOLDS_PER_EMPLOYEE : (i + 1) * HOUSEHOLDS_PER_EMPLOYEE],
            }
            for i, u in enumerate(employees)
        ],
        "managers": [{"session": login_session(u)} for u in managers],
        "urls": {
            "my-ladder": reverse("roles:my-ladder"),
            "my-applications": reverse("roles:my-applications"),
            "my-week": reverse("visits:my-week"),
            "dashboard": reverse("dashboard:dashboard"),
        },
        "roles": [
            reverse("roles:role-detail", args=[slug])
            for slug in Role.objects.values_list("slug", flat=True)
        ],
        "openings": list(Opening.objects.open().values_list("pk", flat=True)),
        "apply": reverse("roles:application-create", args=[0]).replace("/0/", "/%s/"),
        "plan": reverse("visits:visit-plan", args=[0]).replace("/0/", "/%s/"),
        "filters": [f"?start={start}&end={today}&neighbourhood={n}" for n in neighbourhoods]
        + [f"?team={t}" for t in teams],
        "csv": [reverse("dashboard:block-csv", args=[slug]) for slug in TABLE_BLOCKS],
    }


def main():
    if not os.environ.get("BENCH_REDIS_URL"):
        sys.exit("Set BENCH_REDIS_URL, for example redis://127.0.0.1:6379/4")
    if not Household.objects.exists():
        sys.exit("No data: run `make bench` first, it seeds the bench database.")
    RUN_DIR.mkdir(exist_ok=True)
    data_file = RUN_DIR / "load-data.json"
    data_file.write_text(json.dumps(load_data()))
    prefix = RUN_DIR / "load"
    with Gunicorn(workers=WORKERS) as server:
        started = time.monotonic()
        result = subprocess.run(
            [
                str(ROOT / ".venv" / "bin" / "locust"),
                f"--locustfile={Path(__file__).with_name('locustfile.py')}",
                "--headless",
                f"--users={USERS}",
                "--spawn-rate=10",
                f"--run-time={RUN_TIME}",
                f"--host={server.url}",
                f"--csv={prefix}",
                "--only-summary",
                "--exit-code-on-error=1",
                "--stop-timeout=10",
            ],
            env={**os.environ, "BENCH_LOAD_DATA": str(data_file)},
            cwd=ROOT,
        )
        seconds = time.monotonic() - started
    report(prefix, result.returncode, seconds)
    sys.exit(result.returncode)


def report(prefix, returncode, seconds):
    with open(f"{prefix}_stats.csv", newline="") as stats:
        rows = list(csv.DictReader(stats))
    lines = [
        "## Load",
        "",
        f"Run on {datetime.date.today():%Y-%m-%d}: {machine()}.",
        f"locust, headless, {USERS} simultaneous users (residents 30 : employees 15 : "
        f"managers 5, 1–4 s between requests) for {RUN_TIME} ({seconds:.0f} s with start and "
        f"stop) against gunicorn ({WORKERS} sync workers) + PostgreSQL + Redis on 127.0.0.1. "
        f"locust exited with {returncode} ({'no failures' if returncode == 0 else 'FAILURES'}).",
        "",
        "| request | requests | failures | median ms | p95 ms | max ms | per s |",
        "|---|--:|--:|--:|--:|--:|--:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['Name']} | {row['Request Count']} | {row['Failure Count']} | "
            f"{row['50%']} | {row['95%']} | {float(row['Max Response Time']):.0f} | "
            f"{float(row['Requests/s']):.1f} |"
        )
    write_section("load", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
