from celery import shared_task
from django.conf import settings
from django.utils import translation

from .reminders import reminders_send_due


@shared_task(acks_late=True)
def send_due_reminders():
    """Every few minutes (beat): send what is due. Idempotent, so retries are harmless."""
    return reminders_send_due()


@shared_task(acks_late=True)
def keep_dashboard_ahead():
    """Every 4 minutes (beat): the dashboard as managers open it (no filters), worked out in
    each language and kept before the kept copies run out (DASHBOARD_KEEP_SECONDS, 5 minutes).
    At 100,000 households working it out takes half a second or more; this way no manager
    waits for it. Other filters are worked out when someone asks. Idempotent: a retry or a
    second run only works the same figures out again. Returns the blocks kept."""
    if not settings.DASHBOARD_KEEP_SECONDS:
        return 0
    from .dashboard.blocks import BUILDERS
    from .dashboard.filters import Filters
    from .dashboard.kept import work_out_ahead

    kept = 0
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            kept += work_out_ahead(BUILDERS, Filters.default())
    return kept
