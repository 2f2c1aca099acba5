from celery import shared_task

from .reminders import schedule_waiting_reminders


@shared_task(acks_late=True)
def remind_waiting_applications():
    """Daily (beat): coordinators hear about applications waiting over ten working days."""
    return schedule_waiting_reminders()
