"""The benchmark: pages on the large data, measured against gunicorn + PostgreSQL.

    BENCH_DATABASE_URL=postgres://... .venv/bin/python bench/run.py

Seeds the database once (BENCH_HOUSEHOLDS, default 100,000) and reuses it afterwards. For each
page: the median and p95 over BENCH_REQUESTS sequential requests, the ratio to the floor (the
same user's bare base page, requested right after each request of the page), the number of
queries, and the large tables the plan reads in full.
The dashboard twice: as managers mostly get it, with the figures kept a few minutes
(porous/dashboard/kept.py), and worked out for every request, also against running its own
SELECTs directly right after each request (so both meet the same moment of a shared machine).
BENCH_REQUESTS (30) and BENCH_WARMUP (3) set the requests per page. Writes bench/results.md.
"""

import datetime
import os
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Gunicorn, login_session, machine, percentile, setup_django, write_section

setup_django()

import requests  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from porous.dashboard.blocks import TABLE_BLOCKS  # noqa: E402
from porous.demo.logins import (  # noqa: E402
    DEMO_ADMIN,
    DEMO_COORDINATOR,
    DEMO_EMPLOYEE,
    DEMO_MANAGER,
    DEMO_TENANT,
)
from porous.models import Team, User  # noqa: E402
from tenants.models import Household, Neighbourhood  # noqa: E402
from visits.models import Visit  # noqa: E402
from visits.weeks import local_today  # noqa: E402

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "30"))
WARMUP = int(os.environ.get("BENCH_WARMUP", "3"))
HOUSEHOLDS = int(os.environ.get("BENCH_HOUSEHOLDS", "100000"))
# A plan that reads a table of more rows than this in full is reported as a scan.
BIG_TABLE = 10_000
CSRF = "b" * 32  # a fixed CSRF secret: sent as cookie and header, as a browser form would


@dataclass
class Page:
    name: str
    who: str | None  # a key of USERS, or None for anonymous
    path: str
    goal: str  # "3x", "10x" or "admin"
    post: dict | None = None
    # The dashboard worked out for every request: its kept figures (kept.py) forgotten first.
    fresh: bool = False
    times: list = field(default_factory=list)
    # For a fresh dashboard: its SELECTs, and their time run directly after each request.
    selects: list = field(default_factory=list)
    sql_times: list = field(default_factory=list)
    # The same user's floor, requested right after each request of this page.
    floor_times: list = field(default_factory=list)
    queries: int = 0
    scans: set = field(default_factory=set)


USERS = {
    "resident": DEMO_TENANT.email,
    "employee": DEMO_EMPLOYEE.email,
    "coordinator": DEMO_COORDINATOR.email,
    "manager": DEMO_MANAGER.email,
    "administrator": DEMO_ADMIN.email,
}


def ensure_data():
    """Migrate, seed when empty, and refresh the planner's statistics."""
    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)  # without Redis the cache is a table
    seeded = None
    if not Household.objects.exists():
        started = time.monotonic()
        call_command("seed_demo", households=HOUSEHOLDS)
        seeded = time.monotonic() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return seeded


def table_sizes():
    from rewards.models import Grant
    from roles.models import Application, Opening
    from school.models import Enrollment
    from tenants.models import Resident

    return {
        "households": Household.objects.count(),
        "users": User.objects.count(),
        "residents with an account": Resident.objects.count(),
        "employees with visit duty": User.objects.filter(has_visit_duty=True).count(),
        "visits": Visit.objects.count(),
        "openings": Opening.objects.count(),
        "applications": Application.objects.count(),
        "enrolments": Enrollment.objects.count(),
        "grants": Grant.objects.count(),
    }


def planned_visits(employee, count):
    """Planned visits for today, for the visit log POSTs: households without an open plan."""
    today = local_today()
    taken = Visit.objects.planned().values("household")
    households = (
        Household.objects.filter(tenancy_end__isnull=True)
        .exclude(pk__in=taken)
        .order_by("?")
        .values_list("pk", "neighbourhood")[:count]
    )
    visits = [
        Visit(
            employee=employee,
            household_id=pk,
            neighbourhood_id=neighbourhood,
            kind=Visit.Kind.REGULAR,
            planned_for=today,
        )
        for pk, neighbourhood in households
    ]
    return Visit.objects.bulk_create(visits)


def define_pages(users):
    today = local_today()
    neighbourhood = Neighbourhood.objects.order_by("pk").first()
    team = Team.objects.order_by("pk").first()
    start = today - datetime.timedelta(weeks=26)
    filtered = f"?start={start}&end={today}&neighbourhood={neighbourhood.pk}&team={team.pk}"
    dashboard = reverse("dashboard:dashboard")
    pages = [Page(f"floor ({who})", who, reverse("floor"), "floor") for who in USERS]
    pages += [
        Page("home with the matrix, anonymous", None, reverse("home"), "3x"),
        Page("home with the matrix, resident", "resident", reverse("home"), "3x"),
        Page("Mijn ladder", "resident", reverse("roles:my-ladder"), "3x"),
        Page("Mijn week", "employee", reverse("visits:my-week"), "3x"),
        Page(
            "applications to decide (coordinator)",
            "coordinator",
            reverse("roles:coordinator-applications"),
            "3x",
        ),
        Page(
            "visit log (POST)",
            "employee",
            "",
            "3x",
            post={"outcome": "visited", "visited_on": today.isoformat(), "satisfaction": "8"},
        ),
        Page("dashboard", "manager", dashboard, "10x"),
        Page("dashboard, filtered", "manager", dashboard + filtered, "10x"),
        Page("dashboard, worked out", "manager", dashboard, "10x", fresh=True),
        Page("dashboard, filtered, worked out", "manager", dashboard + filtered, "10x", fresh=True),
    ]
    pages += [
        Page(f"CSV {slug}", "manager", reverse("dashboard:block-csv", args=[slug]), "10x")
        for slug in TABLE_BLOCKS
    ]
    pages += [
        Page("admin: visits", "administrator", "/admin/visits/visit/", "admin"),
        Page("admin: households", "administrator", "/admin/tenants/household/", "admin"),
        Page("admin: grants", "administrator", "/admin/rewards/grant/", "admin"),
    ]
    return pages


def is_select(sql):
    return sql.lstrip().upper().startswith(("SELECT", "WITH"))


def big_scans(sql):
    """The large tables a SELECT's plan reads in full (Seq Scan)."""
    if not is_select(sql):
        return set()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
        plan = cursor.fetchone()[0][0]["Plan"]
    found, nodes = set(), [plan]
    while nodes:
        node = nodes.pop()
        nodes.extend(node.get("Plans", []))
        if node["Node Type"] == "Seq Scan":
            table = node["Relation Name"]
            with connection.cursor() as cursor:
                cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
                if cursor.fetchone()[0] > BIG_TABLE:
                    found.add(table)
    return found


def in_process(page, sessions, visit_pks):
    """Run the page once in this process: its queries, and the big tables they scan."""
    client = Client(HTTP_HOST="127.0.0.1")
    if page.who:
        client.cookies["sessionid"] = sessions[page.who]
    if page.fresh:
        cache.clear()
    with CaptureQueriesContext(connection) as captured:
        if page.post:
            response = client.post(visit_log_path(visit_pks.pop()), page.post)
        else:
            response = client.get(page.path)
    expected = 302 if page.post else 200
    if response.status_code != expected:
        sys.exit(f"{page.name}: {response.status_code} in process, expected {expected}")
    page.queries = len(captured.captured_queries)
    for query in captured.captured_queries:
        page.scans |= big_scans(query["sql"])
    return captured.captured_queries


def visit_log_path(pk):
    return reverse("visits:visit-log", args=[pk])


def over_http(page, server, http, visit_pks):
    session = http[page.who]
    floor_who = page.who or "resident"
    for number in range(WARMUP + REQUESTS):
        if page.fresh:
            cache.clear()  # gunicorn's workers share this cache (bench_environment)
        started = time.perf_counter()
        if page.post:
            response = session.post(
                server.url + visit_log_path(visit_pks.pop()),
                data=page.post,
                headers={"X-CSRFToken": CSRF},
                allow_redirects=False,
            )
        else:
            response = session.get(server.url + page.path, allow_redirects=False)
        took = time.perf_counter() - started
        expected = 302 if page.post else 200
        if response.status_code != expected:
            sys.exit(f"{page.name}: {response.status_code} over HTTP, expected {expected}")
        if number >= WARMUP:
            page.times.append(took)
        if page.selects:
            # Right after the page, so that both see the same moment of a shared machine.
            sql_took = run_selects(page.selects)
            if number >= WARMUP:
                page.sql_times.append(sql_took)
        if page.goal != "floor":
            # Right after each request of the page: a shared machine's speed drifts within a
            # run (the five users' floors, the same page, had medians of 13 to 18 ms in one run).
            started = time.perf_counter()
            response = http[floor_who].get(server.url + reverse("floor"), allow_redirects=False)
            took = time.perf_counter() - started
            if response.status_code != 200:
                sys.exit(f"floor after {page.name}: {response.status_code} over HTTP")
            if number >= WARMUP:
                page.floor_times.append(took)


def run_selects(selects):
    """Seconds to run these SELECTs directly on the connection and fetch their rows."""
    started = time.perf_counter()
    with connection.cursor() as cursor:
        for sql in selects:
            cursor.execute(sql)
            cursor.fetchall()
    return time.perf_counter() - started


def main():
    started = time.monotonic()
    seeded = ensure_data()
    sizes = table_sizes()
    users = {who: User.objects.get(email=email) for who, email in USERS.items()}
    sessions = {who: login_session(user) for who, user in users.items()}
    pages = define_pages(users)
    log_page = next(p for p in pages if p.post)
    visit_pks = [v.pk for v in planned_visits(users["employee"], WARMUP + REQUESTS + 1)]

    for page in pages:
        queries = in_process(page, sessions, visit_pks)
        if page.fresh:  # the SQL of a dashboard that works its figures out
            page.selects = [q["sql"] for q in queries if is_select(q["sql"])]

    with Gunicorn(workers=int(os.environ.get("BENCH_WORKERS", "3"))) as server:
        http = {None: requests.Session()}
        for who, key in sessions.items():
            http[who] = requests.Session()
            http[who].cookies.set("sessionid", key)
            http[who].cookies.set("csrftoken", CSRF)
        for page in pages:
            over_http(page, server, http, visit_pks)
            print(f"{page.name:<45} {statistics.median(page.times) * 1000:8.1f} ms", flush=True)
    assert log_page.times

    report(pages, sizes, seeded, time.monotonic() - started)


def report(pages, sizes, seeded, seconds):
    limits = {"3x": 3, "10x": 10}
    lines = [
        "## Pages",
        "",
        f"Run on {datetime.date.today():%Y-%m-%d}: {machine()}.",
        f"gunicorn with {os.environ.get('BENCH_WORKERS', '3')} sync workers on 127.0.0.1; "
        f"{REQUESTS} sequential requests per page after {WARMUP} warm-up requests; "
        f"the whole run took {seconds:.0f} s. Cache: "
        + (
            "Redis (BENCH_REDIS_URL)."
            if os.environ.get("BENCH_REDIS_URL")
            else "the database table."
        ),
        "",
        "Data: " + ", ".join(f"{n:,} {name}" for name, n in sizes.items()) + ".",
    ]
    if seeded is not None:
        lines.append(f"Seeded in this run in {seeded:.0f} s.")
    lines += [
        "",
        "The ratio compares a page with the floor of the same user (the anonymous home page "
        "with the resident's floor), requested right after each request of the page, so that "
        "both meet the same moments of the machine; the floor column is that floor's median. "
        "Scans: large tables the query plans read in full.",
        "",
        "| page | user | median ms | p95 ms | floor ms | × floor | goal | queries | scans |",
        "|---|---|--:|--:|--:|--:|---|--:|---|",
    ]
    missed = []
    for page in pages:
        median = statistics.median(page.times)
        floor = statistics.median(page.floor_times or page.times)
        ratio = median / floor
        goal = limits.get(page.goal)
        verdict = page.goal if page.goal in ("floor", "admin") else f"≤ {page.goal}"
        if goal and ratio > goal:
            verdict += " **missed**"
            missed.append(page.name)
        lines.append(
            f"| {page.name} | {page.who or 'anonymous'} | {median * 1000:.1f} | "
            f"{percentile(page.times, 0.95) * 1000:.1f} | {floor * 1000:.1f} | "
            f"{ratio:.1f} | {verdict} | "
            f"{page.queries} | {', '.join(sorted(page.scans)) or '–'} |"
        )
    lines += [
        "",
        "Dashboard against its own SQL: its SELECTs run directly on one connection, once right "
        "after each request of the page.",
        "",
    ]
    lines += ["| page | SELECTs | SQL median ms | page median ms | page ÷ SQL | goal |"]
    lines += ["|---|--:|--:|--:|--:|---|"]
    for page in pages:
        if page.sql_times:
            sql, count = statistics.median(page.sql_times), len(page.selects)
            median = statistics.median(page.times)
            ratio = median / sql
            verdict = "≤ 1.5" + (" **missed**" if ratio > 1.5 else "")
            if ratio > 1.5:
                missed.append(page.name + " against its SQL")
            lines.append(
                f"| {page.name} | {count} | {sql * 1000:.1f} | {median * 1000:.1f} | "
                f"{ratio:.2f} | {verdict} |"
            )
    lines += ["", "Goals missed: " + (", ".join(missed) if missed else "none") + "."]
    write_section("pages", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
