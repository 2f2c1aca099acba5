"""The day-before reminder: to the learners holding a place and the teacher, once."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from porous.models import Reminder
from porous.reminders import reminders_send_due
from school import services
from school.reminders import (
    SESSION_TOMORROW,
    learner_reminders_schedule,
    reminder_due_at,
    session_reminders_schedule,
)
from tests.factories import ResidentFactory
from tests.factories_school import EnrollmentFactory, days_from_now, run_with_sessions

pytestmark = pytest.mark.django_db


@pytest.fixture
def tomorrow(teacher):
    """A run with one session tomorrow evening, its teacher's reminder scheduled."""
    run = run_with_sessions(days=(1,), places=5, teacher=teacher)
    session_reminders_schedule(session=run.sessions.get())
    return run


def sweep():
    """Run the sweep at the reminder time (or now, if that is later)."""
    first = Reminder.objects.order_by("due_at").first()
    now = max(timezone.now(), first.due_at) if first else timezone.now()
    return reminders_send_due(now=now)


def test_the_reminder_is_due_at_nine_the_day_before():
    start = timezone.make_aware(datetime.datetime(2026, 3, 29, 19, 0))  # DST starts that night
    due = timezone.localtime(reminder_due_at(start))
    assert (due.date(), due.hour, due.minute) == (datetime.date(2026, 3, 28), 9, 0)


def test_learners_and_the_teacher_get_the_reminder_once(tomorrow, teacher):
    learners = [ResidentFactory().user for _ in range(2)]
    for learner in learners:
        learner.language = "en"
        learner.save()
        services.enrollment_create(learner=learner, run=tomorrow)
    teacher.language = "en"
    teacher.save()
    assert sweep() == 3
    assert sweep() == 0
    received = {m.to[0]: m for m in mail.outbox}
    assert set(received) == {teacher.email, *(u.email for u in learners)}
    assert received[teacher.email].subject.startswith("Tomorrow you teach")
    assert "/aanwezigheid/" in received[teacher.email].body
    learner_mail = received[learners[0].email]
    assert learner_mail.subject == f"Tomorrow: {tomorrow.course.title}"
    assert "Henk Jansen" in learner_mail.body and "Buurthuis De Linde" in learner_mail.body


def test_the_reminder_is_in_the_recipients_language(tomorrow, teacher):
    teacher.language = "nl"
    teacher.save()
    assert sweep() == 1
    # Dutch dates, whatever the catalogue of sentences has yet.
    day = timezone.localtime(tomorrow.sessions.get().start)
    dutch_months = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ]
    assert dutch_months[day.month - 1] in mail.outbox[0].body


def test_no_reminder_after_withdrawing(tomorrow, tenant, teacher):
    enrollment = services.enrollment_create(learner=tenant.user, run=tomorrow)
    services.enrollment_withdraw(enrollment=enrollment)
    assert sweep() == 1  # the teacher's
    assert [m.to[0] for m in mail.outbox] == [teacher.email]
    skipped = Reminder.objects.get(recipient=tenant.user, kind=SESSION_TOMORROW)
    assert skipped.skipped and skipped.sent_at


def test_no_reminder_for_a_cancelled_session_or_run(tomorrow, tenant):
    services.enrollment_create(learner=tenant.user, run=tomorrow)
    tomorrow.cancelled = True
    tomorrow.save()
    assert sweep() == 0
    assert not mail.outbox
    assert Reminder.objects.filter(skipped=True).count() == 2


def test_no_reminder_when_the_session_moved(tomorrow, tenant):
    services.enrollment_create(learner=tenant.user, run=tomorrow)
    tomorrow.sessions.update(start=days_from_now(3), end=days_from_now(3, hour=21))
    assert sweep() == 0


def test_a_session_moved_through_the_schedule_moves_its_reminders(tomorrow, tenant):
    services.enrollment_create(learner=tenant.user, run=tomorrow)
    session = tomorrow.sessions.get()
    session.start, session.end = days_from_now(5), days_from_now(5, hour=21)
    session.save()
    session_reminders_schedule(session=session)
    due = set(Reminder.objects.values_list("due_at", flat=True))
    assert due == {reminder_due_at(session.start)}


def test_no_reminder_for_a_session_today(tenant, teacher):
    run = run_with_sessions(days=(0,), teacher=teacher)
    learner_reminders_schedule(enrollment=EnrollmentFactory(run=run, learner=tenant.user))
    assert not Reminder.objects.exists()
