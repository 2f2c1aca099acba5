"""How long a reminder is out but not yet marked sent: the one moment in which a killed worker
makes the reminder go out twice (docs/scaling.md, "A worker killed with SIGKILL").

Sends 300 written mails with the sweep (`porous.reminders.reminders_send_due`, Django's file
mail backend, a real PostgreSQL database) and times, for each, the moment the mail backend
returned to the moment the COMMIT of the "sent" mark is handed to psycopg. A worker killed
after that hand-over still commits: PostgreSQL has the COMMIT.

    DATABASE_URL=postgres://porous_ci:porous_ci@127.0.0.1:5432/porous_faults \\
        .venv/bin/python bench/faults/send_window.py

The rows it makes are deleted afterwards; it needs one active user in the database and no
other reminder due (it would be sent too).
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1])]
os.environ.update(DJANGO_SETTINGS_MODULE="faults_settings", FAULTS_MAIL_DIR=tempfile.mkdtemp())
SENDS = 300

import django  # noqa: E402

django.setup()

import psycopg  # noqa: E402
from django.utils import timezone  # noqa: E402

from porous import reminders  # noqa: E402
from porous.models import Reminder, User  # noqa: E402

mail_out = []
gaps = []


def timed(send):
    """The real send, with the moment it returned noted."""

    def wrapper(*args, **kwargs):
        send(*args, **kwargs)
        mail_out.append(time.perf_counter_ns())

    return wrapper


def timed_commit(commit):
    def wrapper(connection):
        if mail_out:
            gaps.append(time.perf_counter_ns() - mail_out.pop())
        return commit(connection)

    return wrapper


def main():
    user = User.objects.filter(is_active=True).order_by("pk").first()
    if user is None:
        sys.exit("needs one active user in the database")
    if Reminder.objects.due(timezone.now()).exists():
        sys.exit("other reminders are due: the sweep would send them too")
    reminders._send = timed(reminders._send)
    psycopg.Connection.commit = timed_commit(psycopg.Connection.commit)
    stamp = time.time_ns()
    Reminder.objects.bulk_create(
        Reminder(
            recipient=user,
            kind=reminders.MAIL,
            key=f"send-window-{stamp}-{i}",
            due_at=timezone.now(),
            subject="Meting",
            body="Een meting van het verzenden.",
        )
        for i in range(SENDS)
    )
    started = time.perf_counter()
    sent = reminders.reminders_send_due(limit=SENDS)
    per_mail = (time.perf_counter() - started) / SENDS
    Reminder.objects.filter(key__startswith=f"send-window-{stamp}-").delete()
    if sent != SENDS or len(gaps) != SENDS:
        sys.exit(f"FAIL: sent {sent} and timed {len(gaps)} of {SENDS} mails")
    median, mean = statistics.median(gaps) / 1000, statistics.fmean(gaps) / 1000
    print(
        f"{SENDS} mails; from the mail out to the COMMIT handed over: median {median:.0f} µs, "
        f"mean {mean:.0f} µs, max {max(gaps) / 1000:.0f} µs; one mail takes "
        f"{per_mail * 1000:.1f} ms in all, so a kill at a random moment of a sweep lands in "
        f"that gap about once in {per_mail * 1e6 / mean:,.0f} kills"
    )


if __name__ == "__main__":
    main()
