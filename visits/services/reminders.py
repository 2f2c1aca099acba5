"""The sweeps that create reminder rows; beat runs each on its own schedule (see migration
0003), and porous' five-minute sweep sends them.

Each reminder is unique per recipient, kind and key, and rows are inserted with
"ignore conflicts": a sweep that runs twice, late, or in two workers at once adds nothing.
The renderers in visits/reminders.py check again at sending time.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from porous.models import GroupName, Reminder

from ..models import COUNTED_OUTCOMES, FollowUp, Visit
from ..weeks import local_datetime, local_today, week_end, week_key, week_start, weeks_back

NOTHING_PLANNED = "visits.nothing_planned"
DAY_BEFORE = "visits.day_before"
NOT_LOGGED = "visits.not_logged"
MANAGER_MISSED = "visits.manager_missed_two_weeks"
FOLLOW_UP_OVERDUE = "visits.followup_overdue"

BATCH_SIZE = 500


def _schedule(kind, rows, due_at):
    """rows: (recipient id, key, object id). Returns how many rows were offered."""
    reminders = [
        Reminder(recipient_id=recipient, kind=kind, key=key, object_id=object_id, due_at=due_at)
        for recipient, key, object_id in rows
    ]
    Reminder.objects.bulk_create(reminders, batch_size=BATCH_SIZE, ignore_conflicts=True)
    return len(reminders)


def duty_employees():
    """Active employees with visit duty."""
    User = get_user_model()
    in_employee_group = User.groups.through.objects.filter(
        user_id=OuterRef("pk"), group__name=GroupName.EMPLOYEE
    )
    return User.objects.filter(is_active=True, has_visit_duty=True).filter(
        Exists(in_employee_group) | Q(is_superuser=True)
    )


def busy_q(day):
    """Visits that mean "taken care of" for the week of `day`: planned, or made (not cancelled)."""
    start, end = week_start(day), week_end(day)
    return Q(status=Visit.Status.PLANNED, planned_for__range=(start, end)) | Q(
        status=Visit.Status.LOGGED, outcome__in=COUNTED_OUTCOMES, visited_on__range=(start, end)
    )


def busy_in_week(day):
    return Visit.objects.filter(busy_q(day), employee_id=OuterRef("pk"))


def reminders_nothing_planned(*, now=None):
    """Monday morning: everyone with duty and nothing planned or done this week."""
    now = now or timezone.now()
    today = local_today(now)
    key = week_key(today)
    idle = duty_employees().filter(~Exists(busy_in_week(today))).values_list("pk", flat=True)
    return _schedule(NOTHING_PLANNED, [(pk, key, None) for pk in idle], now)


def reminders_day_before(*, now=None):
    """Daily: the employees with a visit planned for tomorrow."""
    now = now or timezone.now()
    tomorrow = local_today(now) + datetime.timedelta(days=1)
    visits = Visit.objects.planned().filter(planned_for=tomorrow, employee__is_active=True)
    rows = [(employee, f"visit:{pk}", pk) for pk, employee in visits.values_list("pk", "employee")]
    return _schedule(DAY_BEFORE, rows, now)


def reminders_not_logged(*, now=None):
    """Friday noon: planned visits up to today that are not logged yet (once per visit)."""
    now = now or timezone.now()
    visits = Visit.objects.planned().filter(
        planned_for__lte=local_today(now), employee__is_active=True
    )
    rows = [(employee, f"visit:{pk}", pk) for pk, employee in visits.values_list("pk", "employee")]
    return _schedule(NOT_LOGGED, rows, now)


def missed_weeks_filter(today):
    """Annotations and filter for employees who met the duty in neither of the last two weeks."""
    per_week = settings.VISITS_PER_WEEK
    counted = Q(visits__status=Visit.Status.LOGGED, visits__outcome__in=COUNTED_OUTCOMES)
    weeks = {}
    for name, back in (("week_1", 1), ("week_2", 2)):
        start = weeks_back(today, back)
        weeks[name] = Count(
            "visits",
            filter=counted & Q(visits__visited_on__range=(start, week_end(start))),
        )
    return weeks, Q(week_1__lt=per_week, week_2__lt=per_week)


def employees_missing_two_weeks(today):
    """Employees with duty, a team manager, and no met duty in the last two full weeks.
    Someone who joined after the first of those weeks began is left alone."""
    weeks, missed = missed_weeks_filter(today)
    return (
        duty_employees()
        .filter(
            team__manager__isnull=False,
            team__manager__is_active=True,
            date_joined__lt=local_datetime(weeks_back(today, 2)),
        )
        .annotate(**weeks)
        .filter(missed)
    )


def reminders_manager_missed_weeks(*, now=None):
    """Monday: tell the team manager about each employee who missed two weeks in a row."""
    now = now or timezone.now()
    today = local_today(now)
    key = week_key(today)
    rows = [
        (manager, f"{employee}:{key}", employee)
        for employee, manager in employees_missing_two_weeks(today).values_list(
            "pk", "team__manager"
        )
        if employee != manager  # a manager who misses visits is nobody's to remind here
    ]
    return _schedule(MANAGER_MISSED, rows, now)


def reminders_follow_ups_overdue(*, now=None):
    """Daily: one reminder per owner listing their overdue follow-ups."""
    now = now or timezone.now()
    today = local_today(now)
    owners = (
        FollowUp.objects.overdue(today)
        .filter(owner__is_active=True)
        .order_by()
        .values_list("owner", flat=True)
        .distinct()
    )
    key = f"overdue:{today.isoformat()}"
    return _schedule(FOLLOW_UP_OVERDUE, [(owner, key, None) for owner in owners], now)
