"""Celery tasks of the visits app. Beat runs them on the schedules of migration 0003 (editable
in the admin under Periodic tasks). Each calls one idempotent service, so a retry or a double
run is harmless."""

from celery import shared_task

from . import services


@shared_task(acks_late=True)
def remind_nothing_planned():
    """Monday 08:00: everyone with visit duty and nothing planned this week."""
    return services.reminders_nothing_planned()


@shared_task(acks_late=True)
def remind_day_before():
    """Daily 07:00: visits planned for tomorrow."""
    return services.reminders_day_before()


@shared_task(acks_late=True)
def remind_not_logged():
    """Friday 12:00: planned visits up to today that are not logged yet."""
    return services.reminders_not_logged()


@shared_task(acks_late=True)
def remind_managers_missed_weeks():
    """Monday 09:00: managers hear about employees who missed two weeks in a row."""
    return services.reminders_manager_missed_weeks()


@shared_task(acks_late=True)
def remind_follow_ups_overdue():
    """Daily 07:00: owners of overdue follow-ups."""
    return services.reminders_follow_ups_overdue()


@shared_task(acks_late=True)
def erase_expired_notes():
    """Daily 03:00: erase visit notes older than VISIT_NOTES_RETENTION_MONTHS."""
    return services.visit_notes_erase_expired()


@shared_task(acks_late=True)
def repair_reach_copies():
    """Daily 03:30: households whose copies of their reached visits are out of step."""
    return services.repair_reached()
