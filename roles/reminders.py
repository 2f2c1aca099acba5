"""Reminders to coordinators about applications that wait too long for a decision."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from porous import reminders
from porous.notify import absolute_url

from .models import Application

KIND = "roles.application_waiting"
WAITING_WORKING_DAYS = 10


def working_days_between(start, end):
    """Monday to Friday from the day after `start` up to and including `end`."""
    days = 0
    day = start
    while day < end:
        day += datetime.timedelta(days=1)
        days += day.weekday() < 5
    return days


def waiting_too_long(today):
    # Ten working days are at most fourteen calendar days, so filter first in the database.
    cutoff = timezone.make_aware(
        datetime.datetime.combine(today - datetime.timedelta(days=13), datetime.time.min)
    )
    candidates = Application.objects.filter(
        status=Application.Status.PENDING, created_at__lt=cutoff
    ).select_related("opening")
    return [
        a
        for a in candidates
        if working_days_between(timezone.localdate(a.created_at), today) > WAITING_WORKING_DAYS
    ]


def schedule_waiting_reminders(*, today=None):
    """One reminder per waiting application per day; running it twice adds nothing."""
    today = today or timezone.localdate()
    created = 0
    for application in waiting_too_long(today):
        _, new = reminders.reminder_schedule(
            recipient=application.opening.coordinator,
            kind=KIND,
            key=f"application:{application.pk}:{today.isoformat()}",
            due_at=timezone.now(),
            object_id=application.pk,
        )
        created += new
    return created


@reminders.register(KIND)
def render_waiting(reminder):
    application = (
        Application.objects.select_related("resident__user", "opening__role")
        .filter(pk=reminder.object_id, status=Application.Status.PENDING)
        .first()
    )
    if application is None:
        return None  # decided in the meantime
    days = (timezone.now() - application.created_at).days
    return reminders.Message(
        subject=_("An application has waited %(days)s days") % {"days": days},
        body=_(
            "%(name)s applied as %(role)s %(days)s days ago and is still waiting for your "
            "answer. Please decide: %(url)s"
        )
        % {
            "name": application.resident,
            "role": application.opening.role.display_name,
            "days": days,
            "url": absolute_url(reverse("roles:coordinator-applications")),
        },
    )
