"""The private calendar feed and its iCalendar text."""

import datetime

import pytest
from django.urls import reverse

from school.ics import Event, calendar, escape_text, fold
from school.models import CalendarToken
from tests.factories import UserFactory
from tests.factories_school import (
    CalendarTokenFactory,
    CourseSessionFactory,
    EnrollmentFactory,
    run_with_sessions,
)

RESET = reverse("school:calendar-token-reset")


def feed_url(token):
    return reverse("school:calendar-feed", args=[token.token])


# The iCalendar text


def test_text_is_escaped():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_long_lines_are_folded_at_75_octets_without_splitting_a_letter():
    line = "SUMMARY:" + "ë" * 100
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(part.encode()) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert "".join(part.removeprefix(" ") for part in parts) == line


def test_a_calendar_has_crlf_lines_and_utc_times():
    start = datetime.datetime(2026, 3, 3, 18, 30, tzinfo=datetime.UTC)
    text = calendar(
        [
            Event(
                uid="x@example.nl",
                start=start,
                end=start + datetime.timedelta(hours=2),
                summary="Schilderen, deel 1",
                location="Buurthuis",
                url="https://e.nl/a",
            )
        ],
        name="Mijn woningbouw",
    )
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert "DTSTART:20260303T183000Z" in text and "DTEND:20260303T203000Z" in text
    assert "SUMMARY:Schilderen\\, deel 1" in text
    assert "UID:x@example.nl" in text and "DTSTAMP:" in text


# The feed


@pytest.mark.django_db
def test_the_feed_has_the_sessions_i_learn_and_teach_and_no_others(client, tenant, settings):
    settings.SITE_URL = "https://portaal.example.nl"
    learning = run_with_sessions(days=(3, 10), course__title="Schilderen")
    EnrollmentFactory(run=learning, learner=tenant.user)
    teaching = CourseSessionFactory(teacher=tenant.user, run__course__title="Mijn eigen wijk")
    waiting = run_with_sessions(days=(5,), course__title="Wachtlijstcursus")
    EnrollmentFactory(run=waiting, learner=tenant.user, status="waitlisted")
    cancelled = CourseSessionFactory(run=learning, cancelled=True)
    other = CourseSessionFactory(run__course__title="Van een ander")

    response = client.get(feed_url(CalendarTokenFactory(user=tenant.user)))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    text = response.content.decode()
    assert text.count("BEGIN:VEVENT") == 3
    assert "Schilderen" in text and "Mijn eigen wijk" in text
    assert "Wachtlijstcursus" not in text and "Van een ander" not in text
    assert f"school-session-{cancelled.pk}@" not in text and f"session-{other.pk}@" not in text
    assert f"UID:school-session-{teaching.pk}@portaal.example.nl" in text
    course_url = "https://portaal.example.nl" + reverse(
        "school:course-detail", args=[learning.course_id]
    )
    assert f"URL:{course_url}" in text.replace("\r\n ", "")


@pytest.mark.django_db
def test_an_unknown_token_or_an_inactive_user_is_404(client):
    assert client.get(reverse("school:calendar-feed", args=["nope"])).status_code == 404
    token = CalendarTokenFactory(user=UserFactory(is_active=False))
    assert client.get(feed_url(token)).status_code == 404


@pytest.mark.django_db
def test_a_new_link_stops_the_old_one(client, tenant):
    old = CalendarTokenFactory(user=tenant.user)
    client.force_login(tenant.user)
    response = client.post(RESET, {"next": reverse("school:teacher-sessions") + "#calendar"})
    assert response["Location"] == reverse("school:teacher-sessions") + "#calendar"
    new = CalendarToken.objects.get(user=tenant.user)
    assert new.token != old.token
    client.logout()
    assert client.get(feed_url(old)).status_code == 404
    assert client.get(feed_url(new)).status_code == 200


@pytest.mark.django_db
def test_the_reset_goes_nowhere_outside_the_site(client, tenant):
    client.force_login(tenant.user)
    response = client.post(RESET, {"next": "https://evil.example.com/"})
    assert response["Location"] == reverse("school:my-courses")


@pytest.mark.django_db
def test_the_reset_needs_login_and_post(client, tenant):
    response = client.post(RESET)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    client.force_login(tenant.user)
    assert client.get(RESET).status_code == 405
    assert not CalendarToken.objects.exists()


@pytest.mark.django_db
def test_the_feed_refuses_post(client, tenant):
    assert client.post(feed_url(CalendarTokenFactory(user=tenant.user))).status_code == 405
