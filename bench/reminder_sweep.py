"""Measures the Monday reminder for every employee with visit duty on the large data.

    BENCH_DATABASE_URL=postgres://... .venv/bin/python bench/reminder_sweep.py

Takes a Monday morning some weeks ahead, when nobody has planned a visit yet: every employee
with duty is due a "nothing planned" reminder. Times the sweep that creates the rows and the
sweeps that send them (as beat runs them, until nothing is due), through Django's SMTP backend
to a real mail server on loopback (aiosmtpd), which counts the mails per person and the
connections. Runs both sweeps again to show nothing is sent twice. Writes its section of
bench/results.md.
"""

import datetime
import socket
import sys
import time
from collections import Counter
from pathlib import Path

from aiosmtpd.controller import Controller

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import machine, setup_django, write_section

setup_django()

from django.conf import settings  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from porous.models import Reminder  # noqa: E402
from porous.reminders import reminders_send_due  # noqa: E402
from visits.services.reminders import (  # noqa: E402
    NOTHING_PLANNED,
    duty_employees,
    reminders_nothing_planned,
)
from visits.weeks import local_datetime, week_key, week_start  # noqa: E402

WEEKS_AHEAD = 8


class MailCounter:
    """The mail server's side: each recipient of each mail, and the connections (one EHLO
    each)."""

    def __init__(self):
        self.recipients = Counter()
        self.connections = 0

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        self.connections += 1
        session.host_name = hostname
        return responses

    async def handle_DATA(self, server, session, envelope):
        self.recipients.update(envelope.rcpt_tos)
        return "250 Message accepted for delivery"


def mail_server():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    counter = MailCounter()
    controller = Controller(counter, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    return controller, counter


def main():
    monday = week_start(timezone.localdate()) + datetime.timedelta(weeks=WEEKS_AHEAD)
    now = local_datetime(monday) + datetime.timedelta(hours=7)
    key = week_key(monday)
    rows = Reminder.objects.filter(kind=NOTHING_PLANNED, key=key)
    expected = {e.pk: e.email for e in duty_employees()}
    controller, counter = mail_server()
    # In one transaction that is rolled back: the bench data stays as it was. Other reminders
    # that would be due by then are held as claimed, so only this Monday's mails are counted.
    with transaction.atomic():
        Reminder.objects.filter(sent_at__isnull=True).update(claimed_at=now)

        started = time.perf_counter()
        offered = reminders_nothing_planned(now=now)
        schedule_seconds = time.perf_counter() - started

        started, sweeps, sent = time.perf_counter(), 0, 0
        while rows.filter(sent_at__isnull=True).exists():
            sent += reminders_send_due(now=now)
            sweeps += 1
        send_seconds = time.perf_counter() - started

        again = reminders_nothing_planned(now=now), reminders_send_due(now=now)
        created = rows.count()
        transaction.set_rollback(True)
    controller.stop()
    per_address = counter.recipients

    exactly_once = set(per_address) == set(expected.values()) and set(per_address.values()) == {1}
    lines = [
        "## Reminder sweep",
        "",
        f"Run on {datetime.date.today():%Y-%m-%d}: {machine()}.",
        "",
        f"- Monday {monday:%Y-%m-%d} 07:00, nothing planned yet: {len(expected):,} employees "
        "with visit duty.",
        f"- Creating the rows (`reminders_nothing_planned`): {offered:,} offered, "
        f"{created:,} created, {schedule_seconds:.2f} s.",
        f"- Sending (`reminders_send_due`, 1,000 per sweep as beat runs it): {sent:,} mails in "
        f"{sweeps} sweeps, {send_seconds:.2f} s in all, through Django's SMTP backend to a "
        f"mail server on loopback (aiosmtpd) over {counter.connections:,} connections.",
        f"- Mails per person: {len(per_address):,} people, "
        f"{'each exactly one' if exactly_once else 'NOT exactly one each'} "
        f"(most to one person: {max(per_address.values(), default=0)}).",
        f"- Both sweeps again: {again[1]} more mails sent "
        f"({again[0]:,} rows offered, all ignored as already there).",
        "- All in one transaction, rolled back afterwards: the bench data stays as it was.",
    ]
    write_section("reminders", "\n".join(lines))
    print("\n".join(lines))
    if not exactly_once or again[1]:
        sys.exit(1)


if __name__ == "__main__":
    main()
