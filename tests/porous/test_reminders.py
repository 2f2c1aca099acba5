import datetime
import threading

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from porous import reminders
from porous.models import Reminder
from porous.reminders import Message, reminder_schedule, reminders_send_due
from tests.conftest import free_port
from tests.factories import UserFactory

NOW = timezone.make_aware(datetime.datetime(2026, 11, 23, 9, 0))


@pytest.fixture(autouse=True)
def test_kinds():
    @reminders.register("test.hello")
    def hello(reminder):
        from django.utils.translation import gettext

        return Message(subject=gettext("Log in"), body=f"Hallo {reminder.recipient}")

    @reminders.register("test.outdated")
    def outdated(reminder):
        return None

    @reminders.register("test.broken")
    def broken(reminder):
        raise RuntimeError("template missing")


@pytest.mark.django_db
def test_a_reminder_is_scheduled_once_per_recipient_kind_and_key():
    user = UserFactory()
    first, created = reminder_schedule(recipient=user, kind="test.hello", key="k", due_at=NOW)
    again, created_again = reminder_schedule(recipient=user, kind="test.hello", key="k", due_at=NOW)
    assert created and not created_again
    assert first.pk == again.pk
    assert Reminder.objects.count() == 1


@pytest.mark.django_db
def test_due_reminders_are_sent_once_in_the_recipients_language():
    dutch = UserFactory(language="nl")
    english = UserFactory(language="en")
    for user in (dutch, english):
        reminder_schedule(recipient=user, kind="test.hello", key="k", due_at=NOW)
    reminder_schedule(
        recipient=dutch, kind="test.hello", key="later", due_at=NOW + datetime.timedelta(days=1)
    )
    assert reminders_send_due(now=NOW) == 2
    assert reminders_send_due(now=NOW) == 0
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects == {dutch.email: "Inloggen", english.email: "Log in"}
    assert Reminder.objects.filter(sent_at__isnull=True).count() == 1


@pytest.mark.django_db
def test_an_outdated_reminder_is_marked_skipped_and_not_sent():
    reminder, _ = reminder_schedule(
        recipient=UserFactory(), kind="test.outdated", key="k", due_at=NOW
    )
    assert reminders_send_due(now=NOW) == 0
    reminder.refresh_from_db()
    assert reminder.skipped and reminder.sent_at
    assert not mail.outbox


@pytest.mark.django_db
def test_a_failing_reminder_is_released_for_the_next_sweep_and_gives_up_after_five():
    reminder, _ = reminder_schedule(
        recipient=UserFactory(), kind="test.broken", key="k", due_at=NOW
    )
    for _ in range(7):
        reminders_send_due(now=NOW)
    reminder.refresh_from_db()
    assert reminder.attempts == reminders.MAX_ATTEMPTS
    assert reminder.sent_at is None and reminder.claimed_at is None


@pytest.mark.django_db
def test_a_claim_of_a_dead_worker_is_taken_over_after_the_timeout():
    reminder, _ = reminder_schedule(recipient=UserFactory(), kind="test.hello", key="k", due_at=NOW)
    Reminder.objects.filter(pk=reminder.pk).update(claimed_at=NOW)  # a worker died mid-send
    assert reminders_send_due(now=NOW + datetime.timedelta(minutes=1)) == 0
    assert reminders_send_due(now=NOW + reminders.claim_timeout() * 2) == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_reminder_that_kills_its_worker_every_time_is_given_up_after_five():
    reminder, _ = reminder_schedule(recipient=UserFactory(), kind="test.hello", key="k", due_at=NOW)
    later = NOW
    for _ in range(reminders.MAX_ATTEMPTS):
        assert reminders._claim(reminder.pk, later)  # the worker claims it, then dies
        later += reminders.claim_timeout() * 2
    assert reminders_send_due(now=later) == 0
    reminder.refresh_from_db()
    assert reminder.attempts == reminders.MAX_ATTEMPTS and reminder.sent_at is None
    assert not mail.outbox


@pytest.mark.django_db
def test_a_worker_taken_over_as_dead_sends_nothing_when_it_wakes_up():
    reminder, _ = reminder_schedule(recipient=UserFactory(), kind="test.slow", key="k", due_at=NOW)
    stalled, later = [], []

    @reminders.register("test.slow")
    def slow(reminder):
        if not stalled:  # the first worker stalls here longer than the claim timeout...
            stalled.append(True)
            later.append(reminders_send_due(now=NOW + reminders.claim_timeout() * 2))
        return Message(subject="Hallo", body="Eén keer.")

    assert reminders_send_due(now=NOW) == 0  # ...and finds its claim taken when it wakes
    assert later == [1]  # the sweep that took over sent it
    assert len(mail.outbox) == 1
    reminder.refresh_from_db()
    assert reminder.sent_at is not None


@pytest.mark.django_db
def test_a_mail_server_that_is_down_leaves_the_reminder_unsent_for_the_next_sweep(settings):
    reminder, _ = reminder_schedule(recipient=UserFactory(), kind="test.hello", key="k", due_at=NOW)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    # A port where nothing listens: the connection is refused.
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    assert reminders_send_due(now=NOW) == 0
    reminder.refresh_from_db()
    assert reminder.sent_at is None and reminder.claimed_at is None  # the mark rolled back

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert reminders_send_due(now=NOW) == 1
    assert reminders_send_due(now=NOW) == 0
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_every_try_of_a_reminder_carries_the_same_message_id(settings):
    settings.SITE_URL = "https://portal.example.nl"
    reminder, _ = reminder_schedule(recipient=UserFactory(), kind="test.hello", key="k", due_at=NOW)
    reminders_send_due(now=NOW)
    Reminder.objects.filter(pk=reminder.pk).update(sent_at=None, claimed_at=None)
    reminders_send_due(now=NOW)
    ids = {m.message()["Message-ID"] for m in mail.outbox}
    assert ids == {f"<reminder-{reminder.pk}@portal.example.nl>"}


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_sweeps_at_once_send_each_reminder_once(migration_data):
    users = UserFactory.create_batch(20)
    for user in users:
        reminder_schedule(recipient=user, kind="test.hello", key="k", due_at=NOW)
    barrier = threading.Barrier(2)
    results = []

    def sweep():
        barrier.wait()
        try:
            results.append(reminders_send_due(now=NOW))
        finally:
            connection.close()

    threads = [threading.Thread(target=sweep) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(results) == 20
    assert len(mail.outbox) == 20
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in users)


@pytest.mark.django_db
def test_the_sweep_runs_as_a_celery_task_from_the_beat_schedule(settings):
    from django_celery_beat.models import PeriodicTask

    from porous.tasks import send_due_reminders

    assert PeriodicTask.objects.get(name="Send due reminders").task == send_due_reminders.name
    reminder_schedule(recipient=UserFactory(), kind="test.hello", key="k", due_at=timezone.now())
    assert send_due_reminders.apply().get() == 1
