"""PostgreSQL restarted in the middle of a load run: requests fail cleanly, nothing is half
saved, and the portal recovers without restarting gunicorn.

Gunicorn (two workers) serves the portal from a PostgreSQL cluster of its own, which this
check restarts while four clients log visits (each log saves the visit and two follow-ups in
one transaction) and open pages. Afterwards every visit must be either logged with both
follow-ups or untouched, every request that got its redirect must be saved, and the requests
after the restart must succeed with the same gunicorn.

Needs a cluster that may be restarted, never the shared one (as root):

    pg_createcluster 15 faults --port 5433 && pg_ctlcluster 15 faults start
    su postgres -c "psql -p 5433 -c \\"CREATE ROLE porous_ci LOGIN CREATEDB PASSWORD 'porous_ci'\\""
    su postgres -c "psql -p 5433 -c 'CREATE DATABASE porous_faults OWNER porous_ci'"

Run from the repository root:

    DATABASE_URL=postgres://porous_ci:porous_ci@127.0.0.1:5433/porous_faults \\
    FAULTS_CLUSTER="15 faults" .venv/bin/python bench/faults/pg_restart.py

Exits non-zero on a half-saved visit, a lost save, or no recovery. Bounded in requests and time.
"""

import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
CLUSTER = os.environ.get("FAULTS_CLUSTER", "15 faults").split()
VISITS = int(os.environ.get("FAULTS_VISITS", "240"))
CLIENTS = 4
RESTART_AFTER = 60  # requests before the restart
AFTER_RESTART = 60  # requests that must all succeed once the database is back
TIME_LIMIT = 180

if ":5432/" in os.environ.get("DATABASE_URL", ""):
    raise SystemExit("Refusing: this check restarts its database; use a cluster of its own")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6390/2")
os.environ.update(DJANGO_SETTINGS_MODULE="porous.settings", DEBUG="0")
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

import dj_database_url  # noqa: E402
import psycopg  # noqa: E402
import psycopg.sql  # noqa: E402
import requests  # noqa: E402
from django.db import connection  # noqa: E402

from bench.common import login_session  # noqa: E402
from porous.models import GroupName  # noqa: E402
from tests.factories import StaffFactory  # noqa: E402
from tests.factories_visits import VisitFactory  # noqa: E402
from visits.models import FollowUp, Visit  # noqa: E402


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fresh_database():
    """This check's own database, empty: drop it and make it again."""
    settings = dj_database_url.parse(os.environ["DATABASE_URL"])
    with psycopg.connect(
        host=settings["HOST"],
        port=settings["PORT"],
        user=settings["USER"],
        password=settings["PASSWORD"],
        dbname="postgres",
        autocommit=True,
    ) as admin:
        name = psycopg.sql.Identifier(settings["NAME"])
        admin.execute(psycopg.sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        admin.execute(psycopg.sql.SQL("CREATE DATABASE {}").format(name))


def prepare():
    fresh_database()
    subprocess.run(
        [BIN / "python", "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, check=True
    )
    employee = StaffFactory(groups=[GroupName.EMPLOYEE])
    visits = [VisitFactory(employee=employee).pk for _ in range(VISITS)]
    return employee, visits


class Load:
    def __init__(self, base, session_key, visits):
        self.base = base
        self.session_key = session_key
        self.todo = list(visits)
        self.lock = threading.Lock()
        self.results = []  # (sequence, kind, status or error, visit id)
        self.count = 0
        self.restart_done_at = None  # request count when the database was back
        self.deadline = time.monotonic() + TIME_LIMIT

    def next_request(self):
        with self.lock:
            done_at = self.restart_done_at
            if self.count >= RESTART_AFTER + 400 or time.monotonic() > self.deadline:
                return None
            if done_at is not None and self.count >= done_at + AFTER_RESTART:
                return None
            self.count += 1
            kind = ("log", "home", "week")[self.count % 3]
            visit = self.todo.pop() if kind == "log" and self.todo else None
            return self.count, ("home" if kind == "log" and visit is None else kind), visit

    def client(self):
        http = requests.Session()
        http.cookies.set("sessionid", self.session_key)
        while (job := self.next_request()) is not None:
            number, kind, visit = job
            try:
                if kind == "log":
                    url = f"{self.base}/bezoeken/{visit}/verslag/"
                    page = http.get(url, timeout=30)
                    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
                    if page.status_code != 200 or not token:
                        outcome = f"form {page.status_code}"
                    else:
                        response = http.post(
                            url,
                            {
                                "csrfmiddlewaretoken": token.group(1),
                                "outcome": "visited",
                                "satisfaction": "8",
                                "notes": "Koffie gedronken.",
                                "visited_on": time.strftime("%Y-%m-%d"),
                                "follow_up_maintenance": "Lekkende kraan",
                                "follow_up_referral": "Schuldhulp",
                            },
                            headers={"Referer": url},
                            allow_redirects=False,
                            timeout=30,
                        )
                        outcome = response.status_code
                else:
                    path = "/" if kind == "home" else "/bezoeken/"
                    outcome = http.get(self.base + path, timeout=30).status_code
            except requests.RequestException as error:
                outcome = type(error).__name__
            with self.lock:
                self.results.append((number, kind, outcome, visit))


def restart_database(load):
    while True:
        with load.lock:
            if load.count >= RESTART_AFTER:
                break
        time.sleep(0.05)
    started = time.monotonic()
    subprocess.run(["pg_ctlcluster", *CLUSTER, "restart", "-m", "fast"], check=True)
    with load.lock:
        load.restart_done_at = load.count
    print(f"restarted PostgreSQL ({' '.join(CLUSTER)}) in {time.monotonic() - started:.1f}s")


def main():
    employee, visits = prepare()
    session_key = login_session(employee)
    connection.close()  # the restart must not hit this process's own connection
    port = free_port()
    log = tempfile.NamedTemporaryFile(prefix="faults-gunicorn-", suffix=".log", delete=False)
    print(f"gunicorn log: {log.name}")
    gunicorn = subprocess.Popen(
        [BIN / "gunicorn", "porous.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}"]
        + ["--timeout", "60"],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                requests.get(base + "/", timeout=5)
                break
            except requests.RequestException:
                time.sleep(0.2)
        workers_before = worker_pids(gunicorn.pid)
        load = Load(base, session_key, visits)
        threads = [threading.Thread(target=load.client) for _ in range(CLIENTS)]
        threads.append(threading.Thread(target=restart_database, args=(load,)))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(TIME_LIMIT + 60)
        alive = gunicorn.poll() is None
        workers_after = worker_pids(gunicorn.pid)
    finally:
        gunicorn.send_signal(signal.SIGTERM)
        gunicorn.wait(timeout=30)
    return report(load, alive, workers_before, workers_after)


def worker_pids(master):
    out = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True).stdout
    return sorted(out.split())


def report(load, alive, workers_before, workers_after):
    problems = []
    by_outcome = Counter((kind, outcome) for _, kind, outcome, _ in load.results)
    print("requests:", dict(sorted(by_outcome.items(), key=str)))

    follow_ups = Counter(FollowUp.objects.values_list("visit_id", flat=True))
    posted = {visit: outcome for _, kind, outcome, visit in load.results if kind == "log"}
    half_saved = []
    for visit in Visit.objects.filter(pk__in=posted):
        logged = visit.status == Visit.Status.LOGGED
        if (logged and follow_ups[visit.pk] != 2) or (not logged and follow_ups[visit.pk]):
            half_saved.append(visit.pk)
        if posted[visit.pk] == 302 and not logged:
            problems.append(f"visit {visit.pk} got its redirect but is not saved")
    saved = Visit.objects.filter(pk__in=posted, status=Visit.Status.LOGGED).count()
    failed_posts = [v for v, outcome in posted.items() if outcome != 302]
    print(f"visit logs: {len(posted)} posted, {saved} saved, {len(failed_posts)} failed")
    if half_saved:
        problems.append(f"half-saved visits: {half_saved[:5]}")

    back = load.restart_done_at or 0
    failures = [r for r in load.results if r[2] not in (200, 302)]
    during = [r for r in failures if r[0] <= back]
    after = [r for r in failures if r[0] > back]
    print(f"failed while restarting: {len(during)} {Counter(r[2] for r in during)}")
    print(f"failed after the database was back: {len(after)} {Counter(r[2] for r in after)}")
    tail = [r for r in load.results if r[0] > back + 2 * CLIENTS]
    if not tail or any(r[2] not in (200, 302) for r in tail):
        problems.append("requests still fail after the restart")
    if any(str(r[2]).startswith("form 4") or r[2] in (400, 403) for r in failures):
        problems.append("a request was refused (session or CSRF lost)")
    if not alive or workers_before != workers_after:
        problems.append(f"gunicorn restarted workers: {workers_before} -> {workers_after}")
    if load.restart_done_at is None:
        problems.append("the database was never restarted")
    if problems:
        print("FAIL: " + "; ".join(problems))
        return 1
    print("OK: nothing half saved; the portal recovered without restarting gunicorn")
    return 0


if __name__ == "__main__":
    sys.exit(main())
