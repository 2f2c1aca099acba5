"""Mails about a decision are rows written with the decision (porous.notify): sent right
after the commit, never for a rolled-back decision, and kept while the mail server is away."""

import smtplib
import socket

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.urls import reverse

from porous.models import Reminder
from porous.notify import MAIL, notify_user
from porous.reminders import MAX_ATTEMPTS, reminders_send_due, server_away
from roles.models import Application
from tests.conftest import login
from tests.factories import UserFactory
from tests.factories_roles import ApplicationFactory, OpeningFactory

pytestmark = pytest.mark.django_db


def back(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def test_the_mail_goes_out_after_the_commit_in_the_users_language(
    django_capture_on_commit_callbacks,
):
    user = UserFactory(language="en")
    with django_capture_on_commit_callbacks(execute=True):
        notify_user(user, lambda: ("Subject", "Body"))

    assert [(m.to, m.subject, m.body) for m in mail.outbox] == [([user.email], "Subject", "Body")]
    sent = Reminder.objects.get(kind=MAIL)
    assert sent.sent_at is not None
    assert (sent.subject, sent.body) == ("", "")  # the text is kept only until it is out
    assert reminders_send_due() == 0  # sent once, not again by the sweep


def test_a_rolled_back_decision_leaves_no_mail(django_capture_on_commit_callbacks):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        with transaction.atomic():
            notify_user(user, lambda: ("Subject", "Body"))
            raise RuntimeError("the decision failed")

    assert not Reminder.objects.exists()
    assert not mail.outbox


def test_a_decision_while_the_mail_server_is_away_is_saved_and_mailed_later(
    client, tenant, coordinator, mail_server_away, django_capture_on_commit_callbacks
):
    application = ApplicationFactory(
        resident=tenant, opening=OpeningFactory(coordinator=coordinator)
    )
    login(client, coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("roles:application-decide", args=[application.pk]),
            {"action": "decline", "reason": "Alle plekken zijn al bezet."},
        )

    assert response.status_code == 302  # not an error page
    application.refresh_from_db()
    assert application.status == Application.Status.DECLINED
    waiting = Reminder.objects.get(kind=MAIL, recipient=tenant.user)
    assert (waiting.sent_at, waiting.claimed_at) == (None, None)

    # Longer than MAX_ATTEMPTS sweeps without a mail server: the mail is still kept.
    for _sweep in range(MAX_ATTEMPTS + 1):
        assert reminders_send_due() == 0
    back(mail_server_away)
    assert reminders_send_due() == 1
    assert reminders_send_due() == 0
    assert [m.to for m in mail.outbox] == [[tenant.user.email]]
    assert "Alle plekken zijn al bezet." in mail.outbox[0].body


class RefusingServer(BaseEmailBackend):
    """A mail server that is there but refuses the address (what smtplib raises then)."""

    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused({messages[0].to[0]: (550, b"no such mailbox")})


@pytest.mark.parametrize(
    ("error", "away"),
    [
        (ConnectionRefusedError(), True),
        (socket.gaierror(), True),
        (smtplib.SMTPConnectError(421, b"too busy, try later"), True),
        (smtplib.SMTPResponseException(451, b"try again later"), True),
        (smtplib.SMTPResponseException(554, b"message rejected"), False),
        (smtplib.SMTPRecipientsRefused({"a@example.nl": (550, b"unknown")}), False),
        (TimeoutError(), False),  # the mail may have gone out
    ],
)
def test_only_a_server_out_of_reach_gives_the_attempt_back(error, away):
    assert server_away(error) is away


def test_a_refused_address_is_given_up_after_the_attempts_and_its_text_dropped(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingServer"
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        notify_user(user, lambda: ("Over uw aanmelding", "De reden: alle plekken zijn bezet."))
    for _sweep in range(MAX_ATTEMPTS + 2):
        reminders_send_due()

    given_up = Reminder.objects.get(kind=MAIL)
    assert (given_up.sent_at, given_up.attempts) == (None, MAX_ATTEMPTS)
    assert (given_up.subject, given_up.body) == ("", "")


def test_the_admin_does_not_show_a_mails_text(client, superuser):
    notify_user(UserFactory(), lambda: ("Over uw aanmelding", "De reden: geheim."))
    client.force_login(superuser)

    page = client.get(
        reverse("admin:porous_reminder_change", args=[Reminder.objects.get(kind=MAIL).pk])
    )

    assert page.status_code == 200
    assert "De reden: geheim." not in page.content.decode()
