"""Measures the Monday reminder for every employee with visit duty on the large data.

    BENCH_DATABASE_URL=postgres://... .venv/bin/python bench/reminder_sweep.py

Takes a Monday morning some weeks ahead, when nobody has planned a visit yet: every employee
with duty is due a "nothing planned" reminder. Times the sweep that creates the rows and the
sweeps that send them (as beat runs them, until nothing is due), counts the mails per person
with the in-memory mail backend, and runs both sweeps again to show nothing is sent twice.
Writes its section of bench/results.md.
"""

import datetime
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import machine, setup_django, write_section

setup_django()

from django.core import mail  # noqa: E402
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


def main():
    monday = week_start(timezone.localdate()) + datetime.timedelta(weeks=WEEKS_AHEAD)
    now = local_datetime(monday) + datetime.timedelta(hours=7)
    key = week_key(monday)
    rows = Reminder.objects.filter(kind=NOTHING_PLANNED, key=key)
    expected = {e.pk: e.email for e in duty_employees()}
    mail.outbox = []
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
    per_address = Counter(address for message in mail.outbox for address in message.to)

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
        f"{sweeps} sweeps, {send_seconds:.2f} s in all.",
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
