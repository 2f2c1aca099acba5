import argparse
import time

from django.core.management.base import BaseCommand, CommandError

from porous.demo.logins import logins_table
from porous.demo.seed import DEFAULT_HOUSEHOLDS, database_has_data, seed_demo


def positive_int(value):
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


class Command(BaseCommand):
    help = (
        "Fill an empty database with a believable demo corporation: neighbourhoods, complexes, "
        "households, residents with accounts, staff in teams, extra roles, and six fixed demo "
        "logins (printed at the end)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--households",
            type=positive_int,
            default=DEFAULT_HOUSEHOLDS,
            help=f"Number of households (default {DEFAULT_HOUSEHOLDS}).",
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="Random seed; the same seed gives the same data."
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing (and succeed) when the database already has households.",
        )
        parser.add_argument("--no-progress", action="store_true", help="Do not show progress bars.")
        parser.add_argument(
            "--no-logins",
            action="store_true",
            help="Do not print the demo logins (make run prints them once, after this).",
        )

    def handle(self, *args, **options):
        reason = database_has_data()
        if reason and options["if_empty"]:
            self.stdout.write(f"Demo data not added: {reason}. Nothing to do.")
            return
        if reason:
            raise CommandError(
                f"Refusing to seed: {reason}. The demo seed only fills an empty database. "
                "Start from a fresh one (for SQLite: delete db.sqlite3, then run "
                "`manage.py migrate`), or pass --if-empty to skip quietly."
            )
        started = time.monotonic()
        counts = seed_demo(
            households=options["households"],
            seed=options["seed"],
            progress=not options["no_progress"],
        )
        seconds = time.monotonic() - started
        width = max(len(name) for name in counts)
        self.stdout.write(self.style.SUCCESS(f"Demo data created in {seconds:.1f} s:"))
        for name, count in counts.items():
            self.stdout.write(f"  {name:<{width}}  {count:>8,}")
        if not options["no_logins"]:
            self.stdout.write("")
            self.stdout.write("Demo logins:")
            self.stdout.write(logins_table())
