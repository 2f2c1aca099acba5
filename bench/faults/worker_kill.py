"""A Celery worker killed with SIGKILL in the middle of the reminder sweep, ten times over:
afterwards every reminder went out exactly once.

A real worker (prefork, one child) takes its tasks from a Redis of its own and works on a real
PostgreSQL database; mail goes to files, one message per send. The check makes a Monday "plan
your visit" reminder for each of many employees, then ten times: asks for a sweep, waits until
a few more reminders went out, and kills. Odd rounds kill the pool child (the worker requeues
the task it lost); even rounds kill the whole worker at once, as a crashed machine would, and
start a new one. Then sweeps run until nothing is due, and the mail is counted.

Run from the repository root (nothing else may use the broker's Redis database):

    DATABASE_URL=postgres://porous_ci:porous_ci@127.0.0.1:5432/porous_faults \\
    FAULTS_BROKER_URL=redis://127.0.0.1:6390/0 .venv/bin/python bench/faults/worker_kill.py

Exits non-zero when a reminder is lost or sent twice. Bounded: every wait has a time limit.
"""

import email
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
ROUNDS = int(os.environ.get("FAULTS_ROUNDS", "10"))
EMPLOYEES = int(os.environ.get("FAULTS_EMPLOYEES", "1500"))
BROKER = os.environ.get("FAULTS_BROKER_URL", "redis://127.0.0.1:6390/0")
CLAIM_SECONDS = 3  # a dead worker's claim is taken over after this (10 minutes in production)
DOMAIN = "faults.invalid"
SEPARATOR = b"\n" + b"-" * 79 + b"\n"  # Django's file backend writes this after each message

work_dir = Path(tempfile.mkdtemp(prefix="faults-worker-kill-"))
(work_dir / "mail").mkdir()
os.environ.update(
    DJANGO_SETTINGS_MODULE="faults_settings",
    FAULTS_MAIL_DIR=str(work_dir / "mail"),
    CELERY_BROKER_URL=BROKER,
    REDIS_URL=BROKER.rsplit("/", 1)[0] + "/1",  # the cache, beside the broker
    REMINDER_CLAIM_TIMEOUT=str(CLAIM_SECONDS),
    PYTHONPATH=os.pathsep.join([str(HERE), str(ROOT)]),
)
sys.path[:0] = [str(HERE), str(ROOT)]

import django  # noqa: E402

django.setup()

import redis  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402

from porous.celery import app  # noqa: E402
from porous.models import GroupName, Reminder, User  # noqa: E402
from porous.reminders import MAX_ATTEMPTS  # noqa: E402
from visits.services import reminders_nothing_planned  # noqa: E402

BIN = Path(sys.executable).parent


def ours():
    return Reminder.objects.filter(recipient__email__endswith="@" + DOMAIN)


def sent_count():
    return ours().filter(sent_at__isnull=False).count()


def wait_for(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.02)
    raise SystemExit(f"FAIL: timed out after {seconds}s waiting for {what}")


def prepare():
    subprocess.run(
        [BIN / "python", "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, check=True
    )
    redis.Redis.from_url(BROKER).flushdb()
    User.objects.filter(email__endswith="@" + DOMAIN).delete()  # and their reminders
    users = User.objects.bulk_create(
        User(
            email=f"employee{i}@{DOMAIN}",
            full_name=f"Medewerker {i}",
            has_visit_duty=True,
            password="!",
        )
        for i in range(EMPLOYEES)
    )
    group = Group.objects.get(name=GroupName.EMPLOYEE)
    User.groups.through.objects.bulk_create(
        User.groups.through(user_id=user.pk, group_id=group.pk) for user in users
    )
    reminders_nothing_planned()  # the Monday sweep: one row per employee, due now
    return ours().count()


class Worker:
    def __init__(self):
        self.log = open(work_dir / "worker.log", "ab")  # noqa: SIM115 - lives as long as the check
        self.process = None
        self.starts = 0

    def start(self):
        self.starts += 1
        mark = self.log.tell()
        self.process = subprocess.Popen(
            [BIN / "celery", "-A", "porous", "worker", "--pool", "prefork", "--concurrency", "1"]
            + ["--without-mingle", "--without-gossip", "--loglevel", "INFO"]
            + ["-n", f"faults{self.starts}@%h"],
            cwd=ROOT,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, to kill it whole
        )
        log_file = work_dir / "worker.log"
        wait_for(lambda: b"ready." in log_file.read_bytes()[mark:], 60, "the worker to start")

    def pool_child(self):
        out = subprocess.run(
            ["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True
        ).stdout.split()
        return int(out[0]) if out else None

    def kill_child(self):
        child = self.pool_child()
        os.kill(child, signal.SIGKILL)

    def kill_all(self):
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)


def count_mail():
    """Complete messages per Message-ID; a message cut off by the kill was never sent."""
    counts, cut_off = Counter(), 0
    for path in (work_dir / "mail").iterdir():
        data = path.read_bytes()
        parts = data.split(SEPARATOR)
        cut_off += bool(parts[-1].strip())
        for part in parts[:-1]:
            counts[email.message_from_bytes(part)["Message-ID"]] += 1
    return counts, cut_off


def main():
    total = prepare()
    print(f"{total} reminders due; worker log and mail in {work_dir}")
    worker = Worker()
    try:
        worker.start()
        for number in range(1, ROUNDS + 1):
            before = sent_count()
            app.send_task("porous.tasks.send_due_reminders")
            target = min(before + random.randint(5, 40), total)
            wait_for(lambda t=target: sent_count() >= t, 60, "the sweep to send")
            if number % 2:
                worker.kill_child()
                how = "pool child"
            else:
                worker.kill_all()
                worker.start()
                how = "whole worker"
            print(f"round {number:2}: killed the {how} after {sent_count()}/{total} sent")

        # Sweeps as beat would send them, until the claims of the killed workers ran out.
        deadline = time.monotonic() + 120
        while sent_count() < total and time.monotonic() < deadline:
            app.send_task("porous.tasks.send_due_reminders")
            time.sleep(CLAIM_SECONDS + 1)
    finally:
        worker.stop()

    unsent = ours().filter(sent_at__isnull=True)
    given_up = unsent.filter(attempts__gte=MAX_ATTEMPTS).count()
    counts, cut_off = count_mail()
    expected = {f"<reminder-{pk}@" for pk in ours().values_list("pk", flat=True)}
    by_reminder = Counter()
    for message_id, n in counts.items():
        by_reminder[message_id.split("@")[0] + "@"] += n
    twice = sorted(k for k, n in by_reminder.items() if n > 1)
    missing = sorted(expected - set(by_reminder))
    strangers = sorted(set(by_reminder) - expected)
    print(
        f"sent {sent_count()}/{total}; mails {sum(by_reminder.values())}; "
        f"cut off by a kill and never finished: {cut_off}; retried after a kill: "
        f"{ours().filter(attempts__gt=1).count()}"
    )
    problems = []
    if unsent.exists():
        problems.append(f"{unsent.count()} never sent ({given_up} given up)")
    if missing:
        problems.append(f"{len(missing)} without a mail: {missing[:5]}")
    if twice:
        problems.append(f"{len(twice)} sent twice: {twice[:5]}")
    if strangers:
        problems.append(f"mail for unknown reminders: {strangers[:5]}")
    if problems:
        print("FAIL: " + "; ".join(problems))
        return 1
    print(f"OK: {ROUNDS} kills, every one of {total} reminders sent exactly once")
    return 0


if __name__ == "__main__":
    sys.exit(main())
