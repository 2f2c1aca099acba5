from celery import shared_task

from .reminders import reminders_send_due


@shared_task(acks_late=True)
def send_due_reminders():
    """Every few minutes (beat): send what is due. Idempotent, so retries are harmless."""
    return reminders_send_due()
