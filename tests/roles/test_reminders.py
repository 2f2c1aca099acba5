import datetime

import pytest
from django.core import mail
from django.utils import timezone

from porous.reminders import reminders_send_due
from roles.models import Application
from roles.reminders import schedule_waiting_reminders, working_days_between
from roles.tasks import remind_waiting_applications
from tests.factories_roles import ApplicationFactory

MONDAY = datetime.date(2026, 11, 2)


def test_working_days_skip_weekends():
    assert working_days_between(MONDAY, MONDAY + datetime.timedelta(days=7)) == 5
    assert working_days_between(MONDAY, MONDAY + datetime.timedelta(days=14)) == 10
    friday = MONDAY + datetime.timedelta(days=4)
    assert working_days_between(friday, friday + datetime.timedelta(days=3)) == 1


def applied(days_ago, today):
    application = ApplicationFactory()
    moment = timezone.make_aware(
        datetime.datetime.combine(today - datetime.timedelta(days=days_ago), datetime.time(10))
    )
    Application.objects.filter(pk=application.pk).update(created_at=moment)
    return application


@pytest.mark.django_db
def test_only_applications_waiting_over_ten_working_days_remind_once_a_day():
    today = MONDAY + datetime.timedelta(days=21)  # a Monday
    old = applied(15, today)  # 11 working days
    applied(14, today)  # exactly 10: not yet
    decided = applied(20, today)
    Application.objects.filter(pk=decided.pk).update(status=Application.Status.DECLINED)

    assert schedule_waiting_reminders(today=today) == 1
    assert schedule_waiting_reminders(today=today) == 0  # twice the same day: nothing new
    assert reminders_send_due() == 1
    assert mail.outbox[0].to == [old.opening.coordinator.email]
    # The next day: the old one again, and the other has now waited 11 working days too.
    assert schedule_waiting_reminders(today=today + datetime.timedelta(days=1)) == 2


@pytest.mark.django_db
def test_a_reminder_for_an_application_decided_meanwhile_is_not_sent():
    today = timezone.localdate()
    application = applied(30, today)
    schedule_waiting_reminders(today=today)
    Application.objects.filter(pk=application.pk).update(status=Application.Status.DECLINED)
    assert reminders_send_due() == 0
    assert not mail.outbox


@pytest.mark.django_db
def test_the_daily_task_runs_in_celery():
    applied(30, timezone.localdate())
    assert remind_waiting_applications.apply().get() == 1
