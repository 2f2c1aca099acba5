"""The sweep against a real mail server on loopback (aiosmtpd): one connection for the whole
sweep, a fresh one after a failure or after MAILS_PER_CONNECTION mails, and a stop as soon as
the server is out of reach."""

import datetime
import email
import logging

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone

from porous import reminders
from porous.models import Reminder
from porous.notify import MAIL
from porous.reminders import reminders_send_due
from tests.conftest import free_port
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


class Recorder:
    """Takes every mail, except for the addresses it refuses or asks to try later; counts the
    connections (one EHLO each)."""

    def __init__(self):
        self.mails = []  # (recipients, Message-ID)
        self.refuse = set()  # 550 to the address
        self.later = set()  # 451 to the mail
        self.connections = 0

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        self.connections += 1
        session.host_name = hostname
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.later & set(envelope.rcpt_tos):
            return "451 Try again later"
        message = email.message_from_bytes(envelope.content)
        self.mails.append((tuple(envelope.rcpt_tos), message["Message-ID"]))
        return "250 Message accepted for delivery"


@pytest.fixture
def mail_server(settings):
    recorder = Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = controller.hostname, controller.port
    settings.EMAIL_USE_TLS, settings.EMAIL_USE_SSL, settings.EMAIL_TIMEOUT = False, False, 5
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield recorder
    controller.stop()


def due_mails(n):
    past = timezone.now() - datetime.timedelta(minutes=1)
    return [
        Reminder.objects.create(
            recipient=UserFactory(),
            kind=MAIL,
            key=f"test-{i}",
            due_at=past + datetime.timedelta(seconds=i),  # sent in this order
            subject="Onderwerp",
            body="Tekst",
        )
        for i in range(n)
    ]


def test_a_sweep_sends_every_mail_once_over_one_connection(mail_server):
    rows = due_mails(5)
    assert reminders_send_due() == 5
    assert [to for to, _id in mail_server.mails] == [(r.recipient.email,) for r in rows]
    assert len({message_id for _to, message_id in mail_server.mails}) == 5
    assert mail_server.connections == 1
    assert reminders_send_due() == 0  # and none again


def test_a_new_connection_after_so_many_mails(mail_server, monkeypatch):
    monkeypatch.setattr(reminders, "MAILS_PER_CONNECTION", 2)
    due_mails(5)
    assert reminders_send_due() == 5
    assert mail_server.connections == 3  # 2 + 2 + 1


def test_a_refused_address_does_not_stop_the_sweep(mail_server):
    first, refused, last = due_mails(3)
    mail_server.refuse.add(refused.recipient.email)
    assert reminders_send_due() == 2
    assert [to for to, _id in mail_server.mails] == [
        (first.recipient.email,),
        (last.recipient.email,),
    ]
    # The failed send may have left the connection broken: the next mail took a fresh one.
    assert mail_server.connections == 2
    refused.refresh_from_db()
    assert (refused.sent_at, refused.claimed_at, refused.attempts) == (None, None, 1)


def test_a_connection_left_unused_is_opened_again(mail_server, monkeypatch):
    # Servers drop idle connections; here every pause counts as too long.
    monkeypatch.setattr(reminders, "MAIL_CONNECTION_IDLE", -1)
    due_mails(3)
    assert reminders_send_due() == 3
    assert mail_server.connections == 3


def test_try_later_for_one_mail_does_not_stop_the_sweep_nor_use_an_attempt(mail_server):
    first, later, last = due_mails(3)
    mail_server.later.add(later.recipient.email)
    for _sweep in range(3):
        reminders_send_due()
    assert [to for to, _id in mail_server.mails] == [
        (first.recipient.email,),
        (last.recipient.email,),
    ]
    later.refresh_from_db()
    assert (later.sent_at, later.claimed_at, later.attempts) == (None, None, 0)
    mail_server.later.clear()
    assert reminders_send_due() == 1


def test_a_connection_that_cannot_be_set_up_stops_the_sweep_without_using_an_attempt(
    mail_server, settings, caplog
):
    settings.EMAIL_USE_TLS = True  # this server offers no STARTTLS: the connection fails
    rows = due_mails(3)
    with caplog.at_level(logging.WARNING, logger="porous.reminders"):
        assert reminders_send_due() == 0
    tried = [r for r in caplog.records if r.getMessage().startswith("reminder ")]
    assert [r.getMessage() for r in tried] == [f"reminder {rows[0].pk} could not be sent"]
    assert Reminder.objects.filter(sent_at__isnull=True, claimed_at=None, attempts=0).count() == 3
    settings.EMAIL_USE_TLS = False
    assert reminders_send_due() == 3


def test_the_sweep_stops_while_the_server_is_out_of_reach(mail_server_away, caplog):
    rows = due_mails(4)
    with caplog.at_level(logging.WARNING, logger="porous.reminders"):
        assert reminders_send_due() == 0
    # One reminder tried and given its attempt back; the other three not even tried.
    tried = [r for r in caplog.records if r.getMessage().startswith("reminder ")]
    assert [r.getMessage() for r in tried] == [f"reminder {rows[0].pk} could not be sent"]
    assert any("sweep stops" in r.getMessage() for r in caplog.records)
    assert Reminder.objects.filter(sent_at__isnull=True, claimed_at=None, attempts=0).count() == 4
