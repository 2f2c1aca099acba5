"""The Celery tasks: scheduled by the migration, run in-process (apply) and by a real worker
thread on an in-memory broker."""

import datetime

import pytest
from celery import Celery
from celery.contrib.testing.worker import start_worker
from django.core import mail
from django.utils import timezone

from porous import tasks as porous_tasks  # noqa: F401 - the sending sweep, for the worker
from porous.models import Reminder
from tests.factories import StaffFactory
from tests.factories_visits import FollowUpFactory, LoggedVisitFactory, VisitFactory
from visits import tasks
from visits.models import Visit

DAY = datetime.timedelta(days=1)
SCHEDULES = {
    # task: (minute, hour, day of week)
    "visits.tasks.remind_nothing_planned": ("0", "8", "1"),
    "visits.tasks.remind_managers_missed_weeks": ("0", "9", "1"),
    "visits.tasks.remind_not_logged": ("0", "12", "5"),
    "visits.tasks.remind_day_before": ("0", "7", "*"),
    "visits.tasks.remind_follow_ups_overdue": ("0", "7", "*"),
    "visits.tasks.erase_expired_notes": ("0", "3", "*"),
    "visits.tasks.repair_reach_copies": ("30", "3", "*"),
}


@pytest.mark.django_db
def test_the_migration_schedules_every_task_in_amsterdam_time():
    from django_celery_beat.models import PeriodicTask

    periodic = {
        task.task: task
        for task in PeriodicTask.objects.select_related("crontab").filter(
            task__startswith="visits."
        )
    }
    assert set(periodic) == set(SCHEDULES)
    for name, (minute, hour, day_of_week) in SCHEDULES.items():
        crontab = periodic[name].crontab
        assert (crontab.minute, crontab.hour, crontab.day_of_week) == (minute, hour, day_of_week)
        assert str(crontab.timezone) == "Europe/Amsterdam"
        assert periodic[name].enabled
        assert getattr(tasks, name.rsplit(".", 1)[1]).name == name


@pytest.mark.django_db
def test_each_task_runs_its_service_in_process():
    today = timezone.localdate()
    StaffFactory()  # duty, nothing planned
    VisitFactory(planned_for=today + datetime.timedelta(days=1))
    VisitFactory(planned_for=today - datetime.timedelta(days=1))
    FollowUpFactory(due_on=today - datetime.timedelta(days=1))
    LoggedVisitFactory(planned_for=today - datetime.timedelta(days=900))

    assert tasks.remind_day_before.apply().get() == 1
    assert tasks.remind_not_logged.apply().get() == 1
    assert tasks.remind_follow_ups_overdue.apply().get() == 1
    assert tasks.erase_expired_notes.apply().get() == 1
    assert tasks.repair_reach_copies.apply().get() == 0  # every save kept the copies
    assert tasks.remind_nothing_planned.apply().get() >= 1
    assert tasks.remind_managers_missed_weeks.apply().get() == 0  # nobody has a manager
    assert all(task.acks_late for task in (tasks.remind_day_before, tasks.erase_expired_notes))


@pytest.fixture
def worker_app():
    """A Celery app like the project's, on an in-memory broker, with a worker thread."""
    app = Celery("visits-tests", set_as_current=False)
    app.config_from_object("django.conf:settings", namespace="CELERY")
    app.conf.update(
        broker_url="memory://",
        broker_transport_options={},
        result_backend="cache+memory://",
        task_always_eager=False,
    )
    app.finalize()  # picks up every @shared_task, the visits tasks included
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        yield app


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_runs_the_tasks_from_the_broker(migration_data, worker_app):
    employee = StaffFactory()
    old = LoggedVisitFactory(employee=employee, planned_for=timezone.localdate() - 900 * DAY)

    result = worker_app.send_task("visits.tasks.remind_nothing_planned")
    assert result.get(timeout=20) >= 1
    assert Reminder.objects.filter(recipient=employee, kind="visits.nothing_planned").exists()
    assert worker_app.send_task("porous.tasks.send_due_reminders").get(timeout=20) >= 1
    assert [m.subject for m in mail.outbox if m.to == [employee.email]] == [
        "Plan your home visit for this week"
    ]
    assert worker_app.send_task("visits.tasks.erase_expired_notes").get(timeout=20) == 1
    assert Visit.objects.get(pk=old.pk).notes == ""
