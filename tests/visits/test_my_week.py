"""Mijn week: what it shows, and that its number of queries does not grow with the data."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import HouseholdFactory, StaffFactory
from tests.factories_visits import (
    FollowUpFactory,
    LoggedVisitFactory,
    VisitFactory,
    VisitRequestFactory,
)
from visits.selectors import my_week, streak
from visits.weeks import week_start

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 25)  # Wednesday of 2026-W48
WEEK = datetime.timedelta(weeks=1)


def test_streak_counts_weeks_met_in_a_row_and_this_week_once_met():
    monday = week_start(TODAY)
    counts = {monday - WEEK: 1, monday - 2 * WEEK: 2, monday - 4 * WEEK: 1}
    assert streak(counts, TODAY) == 2  # this week not met yet: it is not over
    assert streak(counts | {monday: 1}, TODAY) == 3
    assert streak({monday - 2 * WEEK: 1}, TODAY) == 0


def test_nobody_home_meets_the_duty_and_cancelled_does_not(employee):
    LoggedVisitFactory(employee=employee, planned_for=TODAY, outcome="cancelled", satisfaction=None)
    assert my_week(employee=employee, today=TODAY).state == "open"
    LoggedVisitFactory(
        employee=employee, planned_for=TODAY, outcome="nobody_home", satisfaction=None
    )
    assert my_week(employee=employee, today=TODAY).state == "done"


def test_the_week_is_planned_done_or_open(employee):
    VisitFactory(employee=employee, planned_for=TODAY + datetime.timedelta(days=10))
    assert my_week(employee=employee, today=TODAY).state == "open"  # next week's plan
    VisitFactory(employee=employee, planned_for=TODAY + datetime.timedelta(days=2))
    week = my_week(employee=employee, today=TODAY)
    assert week.state == "planned" and len(week.upcoming) == 2
    LoggedVisitFactory(employee=employee, planned_for=TODAY - datetime.timedelta(days=1))
    assert my_week(employee=employee, today=TODAY).state == "done"


def test_the_page_shows_the_week_the_streak_and_the_work(english, employee):
    today = timezone.localdate()
    for weeks_ago in (1, 2, 3):
        LoggedVisitFactory(employee=employee, planned_for=today - weeks_ago * WEEK)
    planned = VisitFactory(employee=employee, planned_for=today)
    FollowUpFactory(owner=employee, due_on=today - datetime.timedelta(days=1))
    request = VisitRequestFactory(topic="Tocht bij het raam")
    english.force_login(employee)
    response = english.get(reverse("visits:my-week"))
    page = response.content.decode()
    assert 'data-state="planned"' in page
    assert "3 weeks in a row with your visit done." in page
    assert reverse("visits:visit-log", args=[planned.pk]) in page
    assert "overdue" in page
    assert "Asked for a visit: “Tocht bij het raam”" in page
    assert reverse("visits:visit-plan", args=[request.household.pk]) + "?kind=requested" in page


def _data(employee, size):
    """`size` households, visits and follow-ups of every kind, for this employee and others."""
    today = timezone.localdate()
    others = StaffFactory.create_batch(2, team=employee.team)
    for i in range(size):
        LoggedVisitFactory(employee=employee, planned_for=today - (i + 1) * WEEK)
        LoggedVisitFactory(employee=others[i % 2], planned_for=today - (i + 1) * WEEK)
        VisitFactory(employee=employee, planned_for=today + datetime.timedelta(days=i))
        FollowUpFactory(owner=employee)
        VisitRequestFactory()
        HouseholdFactory(tenancy_start=today - 6 * WEEK)


def _queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("visits:my-week")).status_code == 200
    return len(queries)


MY_WEEK_MAX_QUERIES = 32
MY_WEEK_KEPT_MAX_QUERIES = 20


def test_my_week_uses_a_fixed_number_of_queries(
    client, employee, team, django_assert_max_num_queries
):
    """Worked out afresh: session, user and groups (3); the week's counts, planned visits,
    recent visits, follow-ups (4); suggestions: colleagues, requests, new tenancies,
    anniversaries, never visited, longest ago, busiest complexes and households there, the
    check that they are still free, and the households chosen (11); the calendar link and
    whether they lead a team (1); the menu's resident profile and permissions (3); saving the
    session (3); reading
    and filling the cache, when it is the database (up to 6).
    With the suggestions kept in the cache, six fewer. The same counts on small and on
    larger data."""
    from django.core.cache import cache

    client.force_login(employee)
    _data(employee, 2)
    cache.clear()
    small = _queries(client)
    small_kept = _queries(client)
    _data(employee, 15)
    cache.clear()
    with django_assert_max_num_queries(MY_WEEK_MAX_QUERIES):
        assert _queries(client) == small
    with django_assert_max_num_queries(MY_WEEK_KEPT_MAX_QUERIES):
        assert _queries(client) == small_kept


def test_only_the_team_manager_gets_the_link_to_the_team(client, employee, manager, team):
    overview = reverse("visits:team-overview")
    client.force_login(employee)
    assert overview not in client.get(reverse("visits:my-week")).content.decode()
    client.force_login(manager)
    assert overview in client.get(reverse("visits:my-week")).content.decode()
