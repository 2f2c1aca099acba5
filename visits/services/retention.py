"""Visit notes are personal data about people at home: they go after the retention period.

The visit itself stays (who, when, outcome, satisfaction) so the statistics stay right.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..models import FollowUp, Visit
from ..weeks import local_datetime, local_today, months_before


def notes_cutoff(now):
    """Notes written before this moment have passed the retention period."""
    months = settings.VISIT_NOTES_RETENTION_MONTHS
    return local_datetime(months_before(local_today(now), months))


@transaction.atomic
def visit_notes_erase_expired(*, now=None) -> int:
    """Erase the notes of visits logged before the cutoff, and the texts of their closed
    follow-ups. Returns how many visits lost their notes. Safe to run again."""
    now = now or timezone.now()
    erased = Visit.objects.filter(
        notes_erased_at__isnull=True, logged_at__lt=notes_cutoff(now)
    ).update(notes="", notes_erased_at=now)
    # Also catches follow-ups closed after their visit's notes were erased.
    FollowUp.objects.filter(visit__notes_erased_at__isnull=False, closed_at__isnull=False).filter(
        ~Q(description="") | ~Q(close_note="")
    ).update(description="", close_note="")
    return erased
