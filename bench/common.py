"""What the bench scripts share: Django on the bench database, logged-in sessions without the
login form, a gunicorn server on loopback, and bench/results.md written section by section."""

import os
import platform
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results.md"
RUN_DIR = Path(__file__).resolve().parent / ".run"
EXAMPLE_URL = "postgres://porous_ci:porous_ci@127.0.0.1:5432/porous_bench"


def bench_environment():
    """The environment for Django and gunicorn: the bench database, no debug query log."""
    url = os.environ.get("BENCH_DATABASE_URL")
    if not url or not url.startswith("postgres"):
        sys.exit(f"Set BENCH_DATABASE_URL to a PostgreSQL database, for example {EXAMPLE_URL}")
    env = dict(os.environ)
    env.update(
        DATABASE_URL=url,
        DEBUG="false",
        # Sync workers serve one request at a time: a small pool each is enough.
        DB_POOL_MIN=env.get("DB_POOL_MIN", "1"),
        DB_POOL_MAX=env.get("DB_POOL_MAX", "2"),
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        LOG_LEVEL="WARNING",
    )
    if os.environ.get("BENCH_REDIS_URL"):
        env["REDIS_URL"] = os.environ["BENCH_REDIS_URL"]
    return env


def setup_django():
    os.environ.update(bench_environment())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "porous.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def login_session(user):
    """A session key for `user`, saved in the session store as a completed login leaves it.

    The bench and the load test log in this way so that they do not depend on the login form.
    The session also carries allauth's record of a password and a TOTP step, so pages that
    ask staff for a second factor treat it as done. A user without an authenticator app gets
    one (the demo secret), as the staff rule wants. This is the one place to adapt when the
    login steps change.
    """
    from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY
    from allauth.mfa.models import Authenticator
    from allauth.mfa.utils import encrypt
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from porous.demo.logins import DEMO_TOTP_SECRET

    now = time.time()
    # Staff must hold an authenticator app before staff pages; staff seeded before that rule
    # have none, and without one every staff page answers with a redirect to set it up.
    totp, _ = Authenticator.objects.get_or_create(
        user=user,
        type=Authenticator.Type.TOTP,
        defaults={"data": {"secret": encrypt(DEMO_TOTP_SECRET)}},
    )
    session = SessionStore()
    session[SESSION_KEY] = user._meta.pk.value_to_string(user)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": now, "email": user.email},
        {"method": "mfa", "at": now, "type": "totp", "id": totp.pk},
    ]
    session[f"{AUTHENTICATION_METHODS_SESSION_KEY}_user"] = str(user.pk)
    session.save()
    return session.session_key


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    """gunicorn on 127.0.0.1 with the bench environment; stopped on leaving the block."""

    def __init__(self, workers=3):
        self.workers = workers
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None

    def __enter__(self):
        RUN_DIR.mkdir(exist_ok=True)
        log = open(RUN_DIR / "gunicorn.log", "ab")  # noqa: SIM115 - closed with the process
        self.process = subprocess.Popen(
            [
                str(ROOT / ".venv" / "bin" / "gunicorn"),
                "porous.wsgi",
                f"--workers={self.workers}",
                f"--bind=127.0.0.1:{self.port}",
                "--timeout=60",
            ],
            cwd=ROOT,
            env=bench_environment(),
            stdout=log,
            stderr=log,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"gunicorn stopped at start; see {RUN_DIR / 'gunicorn.log'}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.3)
        self.__exit__()
        sys.exit("gunicorn did not start within 30 s")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def machine():
    """One line about the machine: CPUs, memory, PostgreSQL, Python and Django."""
    import django
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    memory = "?"
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(re.search(r"MemTotal:\s+(\d+)", meminfo.read_text()).group(1))
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists() and (found := re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())):
        cpu = found.group(1).strip()
    return (
        f"{os.cpu_count()} CPUs ({cpu}), {memory} memory, PostgreSQL {postgres}, "
        f"Python {platform.python_version()}, Django {django.get_version()}"
    )


def write_section(name, text):
    """Replace (or add) the part of results.md between the markers of `name`."""
    start, end = f"<!-- {name} -->", f"<!-- /{name} -->"
    block = f"{start}\n{text.strip()}\n{end}"
    current = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    if start in current and end in current:
        before, rest = current.split(start, 1)
        after = rest.split(end, 1)[1]
        current = before + block + after
    else:
        current = current.rstrip() + "\n\n" + block + "\n"
    RESULTS.write_text(current)


def percentile(values, share):
    """The value below which `share` of the values lie (nearest rank)."""
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))
    return ordered[index]
