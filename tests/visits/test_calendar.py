"""The private calendar feed of planned visits (iCalendar, RFC 5545)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from school.models import CalendarToken
from tests.factories_visits import LoggedVisitFactory, VisitFactory
from visits.ics import visits_calendar
from visits.models import Visit

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(datetime.datetime(2026, 11, 23, 9, 30))


def test_the_feed_lists_ones_own_visits_as_all_day_events(client, employee, colleague):
    today = timezone.localdate()
    planned = VisitFactory(
        employee=employee,
        planned_for=today + datetime.timedelta(days=2),
        household__dwelling__street="Kade; hoek, Plein",
        household__dwelling__house_number=7,
    )
    logged = LoggedVisitFactory(employee=employee, planned_for=today - datetime.timedelta(days=3))
    LoggedVisitFactory(
        employee=employee,
        planned_for=today - datetime.timedelta(days=1),
        outcome="cancelled",
        satisfaction=None,
    )
    VisitFactory(employee=colleague)
    token = CalendarToken.objects.create(user=employee)

    response = client.get(reverse("visits:calendar-feed", args=[token.token]))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    assert "\n" not in body.replace("\r\n", "")  # every line ends in CRLF
    assert body.count("BEGIN:VEVENT") == 2  # not the cancelled one, not the colleague's
    assert f"UID:visit-{planned.pk}@127.0.0.1" in body
    assert f"DTSTART;VALUE=DATE:{planned.planned_for:%Y%m%d}" in body
    assert "Kade\\; hoek\\, Plein 7" in body  # escaped
    assert f"/bezoeken/{planned.pk}/verslag/" in body  # planned: straight to logging
    assert f"/bezoeken/{logged.pk}/" in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


def test_the_stamp_is_in_utc_and_long_lines_are_folded(employee):
    visit = VisitFactory(employee=employee, household__dwelling__street="Lange" * 20)
    body = visits_calendar(Visit.objects.filter(pk=visit.pk), name="Test", now=NOW)
    assert "DTSTAMP:20261123T083000Z" in body  # 09:30 in Amsterdam in winter
    assert "\r\n " in body  # a folded line goes on after CRLF and a space


def test_a_new_link_stops_the_old_one(client, employee):
    old = CalendarToken.objects.create(user=employee)
    url = reverse("visits:calendar-feed", args=[old.token])
    assert client.get(url).status_code == 200
    client.force_login(employee)
    client.post(reverse("school:calendar-token-reset"), {"next": reverse("visits:my-week")})
    assert client.get(url).status_code == 404
    employee.is_active = False
    employee.save()
    new = CalendarToken.objects.get(user=employee)
    assert client.get(reverse("visits:calendar-feed", args=[new.token])).status_code == 404


def test_my_week_offers_the_link(english, employee):
    english.force_login(employee)
    page = english.get(reverse("visits:my-week")).content.decode()
    assert reverse("school:calendar-token-reset") in page
    response = english.post(
        reverse("school:calendar-token-reset"), {"next": reverse("visits:my-week")}
    )
    assert response.url == reverse("visits:my-week")
    token = CalendarToken.objects.get(user=employee)
    page = english.get(reverse("visits:my-week")).content.decode()
    assert reverse("visits:calendar-feed", args=[token.token]) in page
