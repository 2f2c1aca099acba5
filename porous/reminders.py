"""The reminder mechanism every app uses: schedule a row once, a sweep sends it once.

An app registers a renderer per kind in its AppConfig.ready():

    @reminders.register("school.session_tomorrow")
    def render(reminder) -> reminders.Message | None: ...

The renderer runs in the recipient's language and returns the message, or None when the
reminder is no longer needed (the visit was logged meanwhile): the row is then marked skipped.
"""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation

from .models import Reminder

logger = logging.getLogger(__name__)

# A claim older than this belongs to a worker that died before it finished: take it over.
CLAIM_TIMEOUT = datetime.timedelta(minutes=10)
MAX_ATTEMPTS = 5

_renderers = {}


@dataclass
class Message:
    subject: str
    body: str


def register(kind):
    def decorator(func):
        _renderers[kind] = func
        return func

    return decorator


def reminder_schedule(*, recipient, kind, key, due_at, object_id=None):
    """Create the reminder unless it exists already; returns (reminder, created)."""
    try:
        with transaction.atomic():
            return (
                Reminder.objects.create(
                    recipient=recipient, kind=kind, key=key, due_at=due_at, object_id=object_id
                ),
                True,
            )
    except IntegrityError:
        return Reminder.objects.get(recipient=recipient, kind=kind, key=key), False


def _claim(pk, now):
    """Take one due row for this worker; False when another worker has it or it was sent."""
    stale = now - CLAIM_TIMEOUT
    return bool(
        Reminder.objects.filter(pk=pk, sent_at__isnull=True)
        .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=stale))
        .update(claimed_at=now)
    )


def _deliver(reminder):
    renderer = _renderers.get(reminder.kind)
    if renderer is None:
        raise LookupError(f"no renderer registered for reminder kind {reminder.kind!r}")
    with translation.override(reminder.recipient.language or settings.LANGUAGE_CODE):
        message = renderer(reminder)
    if message is None:
        return False
    send_mail(message.subject, message.body, None, [reminder.recipient.email])
    return True


def reminders_send_due(*, now=None, limit=1000):
    """Send every due reminder once. Safe to run twice at once or after a crash."""
    now = now or timezone.now()
    stale = now - CLAIM_TIMEOUT
    due_ids = list(
        Reminder.objects.due(now)
        .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=stale), attempts__lt=MAX_ATTEMPTS)
        .order_by("due_at")
        .values_list("pk", flat=True)[:limit]
    )
    sent = 0
    for pk in due_ids:
        if not _claim(pk, now):
            continue
        reminder = Reminder.objects.select_related("recipient").get(pk=pk)
        try:
            delivered = _deliver(reminder)
        except Exception:
            logger.exception("reminder %s could not be sent", pk)
            Reminder.objects.filter(pk=pk).update(claimed_at=None, attempts=reminder.attempts + 1)
            continue
        Reminder.objects.filter(pk=pk).update(
            sent_at=timezone.now(), skipped=not delivered, attempts=reminder.attempts + 1
        )
        sent += int(delivered)
    return sent
