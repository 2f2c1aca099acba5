"""Email one person in their own language, once the current transaction commits.

The mail is written as a row (a Reminder of kind MAIL, with its text) in the transaction of
what it is about: a rolled-back decision leaves no mail, a saved one always has its mail. It
is sent right after the commit; when the mail server is away it stays unsent, the request
ends normally, and the reminder sweep (every 5 minutes) sends it once the server is back.
"""

import uuid
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from . import reminders
from .models import Reminder

MAIL = reminders.MAIL


def absolute_url(path):
    return settings.SITE_URL.rstrip("/") + path


def notify_user(user, render):
    """`render()` returns (subject, body); it runs now, in the user's language."""
    with translation.override(user.language or settings.LANGUAGE_CODE):
        subject, body = render()
    mail = Reminder.objects.create(
        recipient=user,
        kind=MAIL,
        key=uuid.uuid4().hex,  # every mail is its own
        due_at=timezone.now(),
        subject=str(subject),
        body=str(body),
    )
    # robust: whatever goes wrong here is logged and left to the sweep, never shown to the
    # person whose decision was saved, and the other mails of the request still go.
    transaction.on_commit(partial(reminders.reminder_send_now, mail.pk), robust=True)
