"""The private calendar feed of planned visits, as iCalendar (RFC 5545) text.

Visits have a date, not a time, so they are all-day events (DATE values, no time zone); the
stamp is in UTC. Escaping and line folding come from the school's writer, which serves the
same private link (school.CalendarToken).
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from school.ics import CRLF, escape_text, fold

from .models import Visit

# Logged visits stay in the calendar this long, so a visit does not vanish the moment it is
# logged.
KEEP_LOGGED = datetime.timedelta(weeks=4)


def feed_visits(user, today):
    return (
        Visit.objects.filter(employee=user)
        .exclude(outcome=Visit.Outcome.CANCELLED)
        .filter(planned_for__gte=today - KEEP_LOGGED)
        .select_related("household__dwelling")
        .order_by("planned_for", "pk")
    )


def _date(day):
    return day.strftime("%Y%m%d")


def _event_lines(visit, stamp, host):
    dwelling = visit.household.dwelling
    location = f"{dwelling.address}, {dwelling.postcode_display} {dwelling.city}"
    url = settings.SITE_URL.rstrip("/") + reverse(
        "visits:visit-log" if visit.is_planned else "visits:visit-detail", args=[visit.pk]
    )
    summary = _("Home visit: %(address)s") % {"address": dwelling.address}
    if not visit.is_planned:
        summary = _("%(summary)s (logged)") % {"summary": summary}
    description = _("%(kind)s. Log the visit afterwards: %(url)s") % {
        "kind": visit.get_kind_display(),
        "url": url,
    }
    return [
        "BEGIN:VEVENT",
        f"UID:visit-{visit.pk}@{host}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{_date(visit.planned_for)}",
        f"DTEND;VALUE=DATE:{_date(visit.planned_for + datetime.timedelta(days=1))}",
        f"SUMMARY:{escape_text(summary)}",
        f"LOCATION:{escape_text(location)}",
        f"DESCRIPTION:{escape_text(description)}",
        f"URL:{url}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def visits_calendar(visits, *, name, now=None):
    """The whole VCALENDAR for these visits."""
    now = now or timezone.now()
    stamp = now.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Mijn woningbouw//Huisbezoeken//NL",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
        "X-PUBLISHED-TTL:PT6H",
    ]
    for visit in visits:
        lines += _event_lines(visit, stamp, host)
    lines.append("END:VCALENDAR")
    return CRLF.join(fold(line) for line in lines) + CRLF
