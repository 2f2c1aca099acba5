"""The reminder mechanism every app uses: schedule a row once, a sweep sends it once.

An app registers a renderer per kind in its AppConfig.ready():

    @reminders.register("school.session_tomorrow")
    def render(reminder) -> reminders.Message | None: ...

The renderer runs in the recipient's language and returns the message, or None when the
reminder is no longer needed (the visit was logged meanwhile): the row is then marked skipped.
"""

import datetime
import logging
import smtplib
import socket
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone, translation

from .models import Reminder

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
# Mails sent over one connection before it is opened again: many mail servers take no more.
MAILS_PER_CONNECTION = 100
# Seconds a connection may stand unused in a sweep before it is opened again: servers drop
# idle connections (after 30 s and more), and a mail on a dropped one would fail.
MAIL_CONNECTION_IDLE = 10


def claim_timeout():
    """After this a claim belongs to a worker that died: take it over. It must be longer than
    sending one mail can take (EMAIL_TIMEOUT), or a slow live worker would lose its claim."""
    return datetime.timedelta(seconds=settings.REMINDER_CLAIM_TIMEOUT)


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


def _claim(pk, at):
    """Take one due row for this worker; False when another worker has it or it was sent.

    Each claim counts as an attempt, so a reminder that crashes its worker every time is
    given up after MAX_ATTEMPTS instead of taking every sweep down with it."""
    stale = at - claim_timeout()
    return bool(
        Reminder.objects.filter(pk=pk, sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS)
        .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=stale))
        .update(claimed_at=at, attempts=F("attempts") + 1)
    )


def _render(reminder):
    renderer = _renderers.get(reminder.kind)
    if renderer is None:
        raise LookupError(f"no renderer registered for reminder kind {reminder.kind!r}")
    with translation.override(reminder.recipient.language or settings.LANGUAGE_CODE):
        return renderer(reminder)


class MailServer:
    """The connection to the mail server that sends go over; one for a whole sweep, not one
    per mail: each new one
    costs a TCP handshake, the greeting and EHLO, and in production a TLS handshake and a
    login, before the mail itself. Opened when the first mail goes, and again after a failed
    send (which may have left it broken), after MAILS_PER_CONNECTION mails, and after a pause
    in which the server may have dropped it (MAIL_CONNECTION_IDLE)."""

    def __init__(self):
        self.backend = get_connection()
        self.on_this_connection = 0
        self.last_used = 0.0
        # The connection could not be opened: nothing was sent, and the rest of the sweep
        # would fail the same way.
        self.unreachable = False

    def send(self, email):
        idle = time.monotonic() - self.last_used > MAIL_CONNECTION_IDLE
        if self.on_this_connection and (idle or self.on_this_connection >= MAILS_PER_CONNECTION):
            self.close()
        try:
            self.backend.open()  # nothing when it is open
        except Exception:
            self.unreachable = True
            raise
        email.connection = self.backend
        email.send()
        self.on_this_connection += 1
        self.last_used = time.monotonic()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def close(self):
        try:
            self.backend.close()
        except Exception:  # a connection that broke cannot say goodbye
            logger.info("mail connection closed with an error", exc_info=True)
        self.on_this_connection = 0


def _send(reminder, message, server):
    # The same Message-ID on every try: a mail server or mail program can spot a repeat.
    domain = urlsplit(settings.SITE_URL).hostname or "localhost"
    email = EmailMessage(
        message.subject,
        message.body,
        to=[reminder.recipient.email],
        headers={"Message-ID": f"<reminder-{reminder.pk}@{domain}>"},
    )
    server.send(email)


def reminders_send_due(*, now=None, limit=1000):
    """Send every due reminder once. Safe to run twice at once or after a crash."""
    now = now or timezone.now()
    stale = now - claim_timeout()
    due_ids = list(
        Reminder.objects.due(now)
        .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=stale), attempts__lt=MAX_ATTEMPTS)
        .order_by("due_at")
        .values_list("pk", flat=True)[:limit]
    )
    if not due_ids:
        return 0
    started = timezone.now()
    sent = 0
    with MailServer() as server:
        for pk in due_ids:
            # The claim carries the time it is made, not the sweep's start: the claims of a
            # long sweep must not look stale to the next sweep.
            claimed_at = now + (timezone.now() - started)
            if _claim(pk, claimed_at):
                sent += _send_claimed(pk, claimed_at, server)
            if server.unreachable:
                # The rest would fail the same way, each after a timeout at worst: they stay
                # due, untouched, for the next sweep.
                logger.warning("mail server out of reach: the sweep stops after %s mails", sent)
                break
    return sent


def reminder_send_now(pk):
    """Send one reminder now unless another worker has it: a mail right after a decision.
    When it fails it stays for the sweep."""
    claimed_at = timezone.now()
    if _claim(pk, claimed_at):
        with MailServer() as server:
            _send_claimed(pk, claimed_at, server)


def _send_claimed(pk, claimed_at, server):
    """Send a reminder this worker claimed over `server` (a MailServer); True when a mail
    went out."""
    reminder = Reminder.objects.select_related("recipient").get(pk=pk)
    try:
        message = _render(reminder)
        # Marked sent in the transaction that sends, committed the moment the mail is out: a
        # worker killed before that leaves the row unsent, and a failed send rolls the mark
        # back. The mark needs our claim still in place: a worker that was taken over as
        # dead sends nothing, and the row lock holds off the other until this one is done.
        # A written mail's text goes with the mark: it is kept only until it is out.
        with transaction.atomic():
            ours = Reminder.objects.filter(
                pk=pk, claimed_at=claimed_at, sent_at__isnull=True
            ).update(sent_at=timezone.now(), skipped=message is None, subject="", body="")
            if ours and message is not None:
                _send(reminder, message, server)
    except Exception as error:
        logger.exception("reminder %s could not be sent", pk)
        # No connection at all (refused, timed out, TLS or login failed): nothing went out.
        away = server_away(error) or server.unreachable
        server.close()
        release = {"claimed_at": None}
        if away:
            # Not the reminder's fault: the attempt is given back, so an outage of any
            # length delays the mail and never drops it.
            release["attempts"] = F("attempts") - 1
        Reminder.objects.filter(pk=pk, claimed_at=claimed_at).update(**release)
        # Given up: a written mail's text is not kept for nothing.
        Reminder.objects.filter(pk=pk, sent_at__isnull=True, attempts__gte=MAX_ATTEMPTS).update(
            subject="", body=""
        )
        return False
    return bool(ours and message is not None)


def server_away(error):
    """True when the mail server could not be reached or asked to try again later (a 4xx
    reply, also on connecting): then the mail surely did not go out. A refused address, a
    rejected message or a timeout (the mail may have gone out) count as an attempt."""
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    return isinstance(error, ConnectionRefusedError | socket.gaierror)


MAIL = "porous.mail"


@register(MAIL)
def _written_mail(reminder):
    """A mail written when it was decided on (porous.notify): its text is in the row."""
    return Message(reminder.subject, reminder.body)
