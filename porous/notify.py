"""Email one person in their own language, after the current transaction commits."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import translation


def absolute_url(path):
    return settings.SITE_URL.rstrip("/") + path


def notify_user(user, render):
    """`render()` returns (subject, body); it runs in the user's language at send time.

    Sending waits for the commit, so a rolled-back decision never sends a mail about it.
    """

    def send():
        with translation.override(user.language or settings.LANGUAGE_CODE):
            subject, body = render()
        send_mail(str(subject), str(body), None, [user.email])

    transaction.on_commit(send)
