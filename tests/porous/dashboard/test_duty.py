"""Block 1, the visit duty, on a small fixed dataset (numbers worked out by hand below)."""

import datetime
from decimal import Decimal

import pytest

from porous.dashboard import selectors
from porous.dashboard.blocks.duty import CHART_TEAMS, duty_block
from porous.dashboard.selectors.duty import MANAGERS, NO_TEAM
from porous.models import GroupName
from tests.factories import StaffFactory, TeamFactory
from tests.factories_visits import LoggedVisitFactory, VisitFactory
from visits.models import Visit

from .conftest import DAY, filters

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 3, 16)  # this week
LAST_SUNDAY = datetime.date(2026, 3, 15)  # the last day of last week


def visit(employee, day, outcome=Visit.Outcome.VISITED):
    return LoggedVisitFactory(
        employee=employee,
        planned_for=day,
        outcome=outcome,
        satisfaction=8 if outcome == Visit.Outcome.VISITED else None,
    )


@pytest.fixture
def staff(teams):
    """Team A: manager M1, E1 and E2 with duty, E3 without. Team B: E4. No team: E5.
    Team C: nobody with duty."""
    team_c = TeamFactory(name="Team C")
    people = {
        "m1": StaffFactory(team=teams["a"], groups=[GroupName.EMPLOYEE, GroupName.MANAGER]),
        "e1": StaffFactory(team=teams["a"]),
        "e2": StaffFactory(team=teams["a"]),
        "e3": StaffFactory(team=teams["a"], has_visit_duty=False),
        "e4": StaffFactory(team=teams["b"]),
        "e5": StaffFactory(team=None),
        "gone": StaffFactory(team=team_c, is_active=False),
    }
    # This week: M1 visited, E1 nobody home (counts), E2 cancelled (does not), E5 visited on
    # Monday, E4 only planned; E3 visited but has no duty.
    visit(people["m1"], DAY)
    visit(people["e1"], DAY, Visit.Outcome.NOBODY_HOME)
    visit(people["e2"], DAY, Visit.Outcome.CANCELLED)
    visit(people["e5"], MONDAY)
    VisitFactory(employee=people["e4"], planned_for=DAY)
    visit(people["e3"], DAY)
    # Last week: E1 on its Sunday, E4 on Tuesday. The week before: nobody at all.
    visit(people["e1"], LAST_SUNDAY)
    visit(people["e4"], datetime.date(2026, 3, 10))
    return people


def test_duty_per_team_with_the_managers_first(staff, teams):
    data = selectors.duty(filters())

    assert data.mondays[-1] == MONDAY and data.mondays[0] == datetime.date(2025, 12, 29)
    assert len(data.mondays) == 12
    # With duty: M1, E1, E2, E4, E5 (E3 has none, the inactive one is gone). Met this week:
    # M1, E1 (nobody home counts), E5.
    assert (data.total.staff, data.total.met_this_week) == (5, 3)
    assert data.total.share_this_week == Decimal("60.0")
    assert data.managers.key == MANAGERS
    assert (data.managers.staff, data.managers.met_this_week) == (1, 1)
    rows = {row.label or row.key: row for row in data.teams}
    assert [row.label or row.key for row in data.teams] == ["Team A", "Team B", "Team C", NO_TEAM]
    assert (rows["Team A"].staff, rows["Team A"].met_this_week) == (3, 2)
    assert rows["Team A"].share_this_week == Decimal("66.7")
    assert (rows["Team B"].staff, rows["Team B"].met_this_week) == (1, 0)
    assert rows["Team B"].share_this_week == Decimal("0.0")
    # Nobody with duty in team C: no share rather than 0 %.
    assert (rows["Team C"].staff, rows["Team C"].share_this_week) == (0, None)
    assert (rows[NO_TEAM].staff, rows[NO_TEAM].met_this_week) == (1, 1)


def test_trend_places_visits_in_iso_weeks_and_shows_an_empty_week(staff):
    data = selectors.duty(filters())

    # Last week: E1 (on its Sunday) and E4; the week before: no visits at all.
    assert data.total.met[-2] == 2
    assert data.total.shares[-2] == Decimal("40.0")
    assert data.total.met[-3] == 0 and data.total.shares[-3] == Decimal("0.0")
    assert data.total.met[:-2] == [0] * 10
    # 3 + 2 person-weeks met out of 5 people × 12 weeks.
    assert data.total.share_trend == Decimal("8.3")


def test_team_filter_keeps_only_that_team(staff, teams):
    data = selectors.duty(filters(team=teams["b"]))

    assert [row.label for row in data.teams] == ["Team B"]
    assert (data.total.staff, data.total.met[-2:]) == (1, [1, 0])
    assert data.managers.staff == 0 and data.managers.share_this_week is None


def test_the_end_of_the_period_decides_the_last_week(staff):
    data = selectors.duty(filters(end=LAST_SUNDAY))

    assert data.mondays[-1] == datetime.date(2026, 3, 9)
    assert data.total.met_this_week == 2


def test_no_staff_with_duty(db, teams):
    data = selectors.duty(filters())

    assert data.total.staff == 0
    assert data.total.share_this_week is None and data.total.share_trend is None
    assert [row.staff for row in data.teams] == [0, 0]


def test_visits_per_week_setting_is_respected(staff, settings):
    settings.VISITS_PER_WEEK = 2
    visit(staff["e5"], DAY)

    data = selectors.duty(filters())

    assert data.total.met_this_week == 1  # only E5 made two visits this week
    assert data.per_week == 2


def test_my_record_uses_the_streak_of_the_visits_app(staff):
    record = selectors.my_record(staff["e1"], filters())

    assert [n for _monday, n, _met in record.weeks][-3:] == [0, 1, 1]
    assert record.streak == 2
    assert record.weeks_met == 2
    assert record.this_week == (MONDAY, 1, True)


def test_the_chart_shows_the_teams_furthest_behind_when_there_are_many(db, settings):
    """17 teams of two: the first two met their duty this week, the others half or not at
    all. The chart keeps the managers and the 15 lowest; the table (its download) has every team."""
    settings.LANGUAGE_CODE = "en"
    people = {}
    for n in range(1, CHART_TEAMS + 3):
        team = TeamFactory(name=f"Team {n:02}")
        people[n] = [StaffFactory(team=team), StaffFactory(team=team)]
    for n, (first, second) in people.items():
        if n <= 2 or n % 2:  # teams 1 and 2 and every odd one: the first person went
            visit(first, DAY)
        if n <= 2:
            visit(second, DAY)
    block = duty_block(filters())
    svg = str(block.charts[1])
    shown = [n for n in people if f">Team {n:02}<" in svg]
    # 100 % for teams 1 and 2; 50 % for the odd ones; 0 % for the even ones from 4 on.
    assert shown == [n for n in people if n > 2]
    assert "15 teams furthest behind" in svg
    assert "Every team is in the download of the table below" in svg
    assert svg.index(">Team 04<") < svg.index(">Team 03<")  # lowest first
    [summary, _trend] = block.tables
    assert len(summary.rows) == len(people) + 2  # the managers, every team, and everyone


def test_the_chart_shows_every_team_when_there_are_few(staff, teams):
    svg = str(duty_block(filters()).charts[1])
    assert ">Team A<" in svg and ">Team B<" in svg and "furthest behind" not in svg


def test_teams_come_in_the_order_people_read_names(db):
    for name in ["Team 10", "Team 2", "team 1"]:
        TeamFactory(name=name)
    data = selectors.duty(filters())
    assert [row.label for row in data.teams] == ["team 1", "Team 2", "Team 10"]
