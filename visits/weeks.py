"""ISO weeks in the corporation's time zone (settings.TIME_ZONE, Europe/Amsterdam).

The visit duty counts per ISO week from Monday to Sunday. A moment is placed in its week by
its local date, so Monday 00:30 in Amsterdam belongs to the new week even though it is still
Sunday in UTC, in summer and in winter time alike.
"""

import calendar
import datetime

from django.utils import timezone


def local_today(now=None):
    return timezone.localdate(now or timezone.now())


def week_start(day):
    """The Monday of the ISO week of `day`."""
    return day - datetime.timedelta(days=day.weekday())


def week_end(day):
    """The Sunday of the ISO week of `day`."""
    return week_start(day) + datetime.timedelta(days=6)


def week_key(day):
    """'2026-W48': the ISO year and week, as used in reminder keys."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def weeks_back(day, count):
    """The Monday `count` weeks before the week of `day`."""
    return week_start(day) - datetime.timedelta(weeks=count)


def local_datetime(day, hour=0, minute=0):
    """An aware moment at a wall-clock time in the corporation's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def months_before(day, months):
    """The same day `months` earlier; the last day of the month when that day does not exist."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
