"""`manage.py import_register FILE.csv`: the register export into the register.

The work is done in tenants.importer; this reports it and sets the exit status.
"""

import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from tqdm import tqdm

from tenants.importer import CREATED, FAILED, UNCHANGED, UPDATED, import_register


class Command(BaseCommand):
    help = (
        "Import the register export (CSV) of the tenancy system: neighbourhoods, complexes, "
        "dwellings and households. Exit status 0: all rows imported; 1: some rows failed "
        "(the good ones are imported); 2: the file was refused and nothing was imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the CSV file, ';' or ',' separated, UTF-8")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, file, no_progress, **options):
        stream = options.get("stderr") or sys.stderr
        bars = {}  # one bar per stage: checking rows, then saving records

        def progress(*, stage, done, total):
            if stage not in bars:
                for bar in bars.values():
                    bar.close()
                bars[stage] = tqdm(
                    total=total, desc=stage, unit="", file=stream, disable=no_progress
                )
            bars[stage].update(done - bars[stage].n)

        try:
            result = import_register(file=file, progress=progress)
        except ValidationError as error:
            raise CommandError(error.messages[0], returncode=2) from error
        except OSError as error:
            message = _("Cannot read %(file)s: %(reason)s") % {
                "file": file,
                "reason": error.strerror,
            }
            raise CommandError(message, returncode=2) from error
        finally:
            for bar in bars.values():
                bar.close()

        for warning in result.warnings:
            self.stderr.write(warning, self.style.WARNING)
        for error in result.errors:
            self.stderr.write(str(error))
        for model, counts in result.records.items():
            self.stdout.write(
                _("%(records)s: %(created)s created, %(updated)s updated, %(unchanged)s unchanged")
                % {"records": capfirst(model._meta.verbose_name_plural), **self.counts(counts)}
            )
        rows = result.rows
        summary = _(
            "%(total)s rows: %(created)s created, %(updated)s updated, %(unchanged)s unchanged, "
            "%(failed)s failed"
        ) % {"total": rows.total(), "failed": rows[FAILED], **self.counts(rows)}
        self.stdout.write(summary, self.style.ERROR if result.failed else self.style.SUCCESS)
        if result.failed:
            sys.exit(1)

    @staticmethod
    def counts(counter):
        return {
            "created": counter[CREATED],
            "updated": counter[UPDATED],
            "unchanged": counter[UNCHANGED],
        }
