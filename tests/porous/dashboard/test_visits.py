"""Blocks 2, 3 and 9 (reach, follow-ups, satisfaction) on small fixed datasets."""

import datetime
from decimal import Decimal

import pytest
from django.utils.translation import override

from porous.dashboard import selectors
from porous.dashboard.blocks.visits import follow_ups_block
from porous.dashboard.filters import Filters
from porous.models import Team
from tests.factories import StaffFactory
from tests.factories_visits import FollowUpFactory, LoggedVisitFactory, VisitFactory
from visits.models import FollowUp, Visit
from visits.services import visit_log
from visits.services.reach import refresh_household

from .conftest import DAY, at, filters, household_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(teams):
    return {
        "a": StaffFactory(team=teams["a"]),
        "b": StaffFactory(team=teams["b"]),
        "none": StaffFactory(team=None),
    }


def visit(household, employee, day, outcome=Visit.Outcome.VISITED, score=None):
    return LoggedVisitFactory(
        household=household, employee=employee, planned_for=day, outcome=outcome, satisfaction=score
    )


@pytest.fixture
def reach_world(places, staff):
    noord, zuid = places["noord"], places["zuid"]
    h = {
        name: household_in(noord, tenancy_start=datetime.date(2010, 1, 1))
        for name in ("h1", "h2", "h3", "h4")
    }
    # Not current at the end of the period: ended before it, starts after it.
    household_in(
        noord, tenancy_start=datetime.date(2010, 1, 1), tenancy_end=datetime.date(2026, 1, 1)
    )
    household_in(noord, tenancy_start=datetime.date(2026, 4, 1))
    h["h7"] = household_in(zuid, tenancy_start=datetime.date(2010, 1, 1))
    h["h8"] = household_in(zuid, tenancy_start=datetime.date(2010, 1, 1))
    visit(h["h1"], staff["a"], datetime.date(2026, 2, 1))  # reached
    visit(h["h2"], staff["a"], datetime.date(2025, 3, 18))  # exactly 12 months: not recent
    visit(h["h3"], staff["a"], datetime.date(2026, 2, 2), Visit.Outcome.NOBODY_HOME)
    visit(h["h7"], staff["b"], DAY)  # on the last day of the period
    visit(h["h8"], staff["b"], datetime.date(2025, 12, 1))
    return h


def test_reach_per_neighbourhood_with_the_empty_one(reach_world):
    rows = {row.name: row for row in selectors.reach(filters())}

    assert [name for name in rows] == ["Leeg", "Noord", "Zuid"]
    noord = rows["Noord"]
    # Current: h1–h4. Reached in 12 months: h1. Never reached: h3 (nobody home), h4.
    assert (noord.households, noord.reached, noord.never) == (4, 1, 2)
    assert (noord.share_reached, noord.share_never) == (Decimal("25.0"), Decimal("50.0"))
    zuid = rows["Zuid"]
    assert (zuid.households, zuid.reached, zuid.never) == (2, 2, 0)
    leeg = rows["Leeg"]
    assert (leeg.households, leeg.reached, leeg.never, leeg.share_reached) == (0, 0, 0, None)


def test_reach_narrowed_to_a_neighbourhood_and_a_team(reach_world, places, teams):
    assert [
        (r.name, r.households) for r in selectors.reach(filters(neighbourhood=places["zuid"]))
    ] == [("Zuid", 2)]
    rows = {row.name: row for row in selectors.reach(filters(team=teams["a"]))}
    # Only team A's visits count: Zuid's visits were by team B.
    assert (rows["Noord"].reached, rows["Noord"].never) == (1, 2)
    assert (rows["Zuid"].reached, rows["Zuid"].never) == (0, 2)


def test_reach_as_it_was_at_an_earlier_end(reach_world):
    rows = {row.name: row for row in selectors.reach(filters(end=datetime.date(2026, 1, 31)))}

    # On 31 January h1 had not been visited yet, and the household that ended on 1 January
    # was gone already; h2's visit of March 2025 was still within 12 months.
    assert (rows["Noord"].households, rows["Noord"].reached, rows["Noord"].never) == (4, 1, 3)


def _reach_figures(shown):
    return {row.name: (row.households, row.reached, row.never) for row in selectors.reach(shown)}


def test_reach_from_the_households_copies_agrees_with_counting_the_visits(
    reach_world, staff, django_assert_num_queries
):
    """Up to today and for every team, reach reads the households' copies of their reached
    visits; any other period counts the visits themselves. Whatever happened to the visits,
    both give the same figures."""
    h = reach_world
    Visit.objects.get(household=h["h1"]).delete()
    changed = Visit.objects.get(household=h["h8"])
    changed.outcome, changed.satisfaction = Visit.Outcome.NOBODY_HOME, None
    changed.save()
    planned = VisitFactory(household=h["h4"], employee=staff["a"], planned_for=DAY)
    visit_log(visit=planned, by=staff["a"], outcome=Visit.Outcome.VISITED, visited_on=DAY)
    moved = visit(h["h3"], staff["a"], DAY)  # then given to h2, as in the admin
    moved.household = h["h2"]
    moved.save()
    refresh_household(h["h3"].pk)

    from_copies = filters()
    with django_assert_num_queries(2):  # neighbourhoods, households by band (with reach)
        figures = _reach_figures(from_copies)
    # Same day, seen from a day later: the visits are counted.
    counted = Filters(start=from_copies.start, end=DAY, today=DAY + datetime.timedelta(days=1))
    with django_assert_num_queries(3):
        assert _reach_figures(counted) == figures
    # Noord, current h1–h4: reached h2 (moved visit), h4 (logged); never h1 (its visit
    # deleted) and h3 (nobody home; the visit moved away). Zuid: h8 now nobody home.
    assert figures["Noord"] == (4, 2, 2)
    assert figures["Zuid"] == (2, 1, 1)
    assert h["h1"].__class__.objects.get(pk=h["h1"].pk).first_reached_on is None


@pytest.fixture
def follow_ups(places, staff):
    noord = household_in(places["noord"])
    zuid = household_in(places["zuid"])

    def make(owner, kind, due, household, closed=None, created=datetime.date(2026, 3, 1)):
        item = FollowUpFactory(
            visit=visit(household, owner, datetime.date(2026, 3, 1)),
            owner=owner,
            kind=kind,
            due_on=due,
            closed_at=at(closed) if closed else None,
            close_note="Gedaan." if closed else "",
        )
        FollowUp.objects.filter(pk=item.pk).update(created_at=at(created))
        return item

    kind = FollowUp.Kind
    make(staff["a"], kind.MAINTENANCE, datetime.date(2026, 3, 10), noord)  # overdue
    make(staff["a"], kind.REFERRAL, datetime.date(2026, 3, 25), noord)
    make(staff["b"], kind.GIFT, datetime.date(2026, 3, 1), zuid, closed=datetime.date(2026, 3, 5))
    # Closed after the end of the period: still open (and overdue) then.
    make(
        staff["b"],
        kind.FORM_HELP,
        datetime.date(2026, 3, 17),
        zuid,
        closed=datetime.date(2026, 3, 20),
    )
    make(staff["none"], kind.MAINTENANCE, DAY, noord)  # due on the last day: not overdue yet
    make(
        staff["a"], kind.GIFT, datetime.date(2026, 4, 1), noord, created=datetime.date(2026, 3, 19)
    )


def test_follow_ups_open_and_overdue_by_team_and_kind(follow_ups):
    rows = [(r.team, r.kind, r.open, r.overdue) for r in selectors.follow_ups(filters())]

    assert rows == [
        ("Team A", "maintenance", 1, 1),
        ("Team A", "referral", 1, 0),
        ("Team B", "form_help", 1, 1),
        ("", "maintenance", 1, 0),
    ]


def test_follow_ups_narrowed(follow_ups, places, teams):
    rows = selectors.follow_ups(filters(neighbourhood=places["zuid"]))
    assert [(r.team, r.kind) for r in rows] == [("Team B", "form_help")]
    rows = selectors.follow_ups(filters(team=teams["a"]))
    assert sum(r.open for r in rows) == 2 and sum(r.overdue for r in rows) == 1


def test_follow_ups_table_has_one_row_per_team_with_the_kinds_side_by_side(follow_ups):
    with override("en"):
        [table] = follow_ups_block(filters()).tables
        kinds = [str(label) for _v, label in FollowUp.Kind.choices]
    assert [str(c.label) for c in table.columns][:3] == ["Team", "Open", "Overdue"]
    # In the order of the form: the full names for the CSV and screen readers, short ones to
    # show (the full names made the heading row a dozen lines tall on a phone).
    columns = table.columns[3:]
    assert [c.label for c in columns] == kinds
    assert [c.short for c in columns] == ["Maintenance", "Referral", "Form", "Gift", "Talent"]
    with override("nl"):
        [dutch] = follow_ups_block(filters()).tables
        assert [c.short for c in dutch.columns][3:5] == ["Onderhoud", "Doorverwijzing"]
    rows = [[cell.value for cell in row.cells] for row in table.rows]
    # Kinds in the order of the form: maintenance, referral, form help, gift, talent signal.
    assert rows == [
        ["Team A", 2, 1, 1, 1, 0, 0, 0],
        ["Team B", 1, 1, 0, 0, 1, 0, 0],
        ["No team", 1, 0, 1, 0, 0, 0, 0],
        ["All", 4, 2, 2, 1, 1, 0, 0],
    ]
    assert [row.total for row in table.rows] == [False, False, False, True]


def test_no_follow_ups(db):
    assert selectors.follow_ups(filters()) == []


@pytest.fixture
def scores(places, staff):
    noord, zuid = household_in(places["noord"]), household_in(places["zuid"])
    other = household_in(places["noord"])
    visit(noord, staff["a"], datetime.date(2026, 2, 1), score=8)
    visit(other, staff["a"], datetime.date(2026, 3, 2), score=6)
    visit(noord, staff["a"], datetime.date(2025, 12, 31), score=10)  # before the period
    visit(other, staff["a"], datetime.date(2026, 3, 3), Visit.Outcome.NOBODY_HOME)
    visit(zuid, staff["b"], datetime.date(2026, 1, 5), score=9)
    visit(zuid, staff["b"], datetime.date(2026, 1, 6))  # visited, no score given


def test_satisfaction_average_and_distribution(scores):
    data = selectors.satisfaction(filters())
    rows = {row.name: row for row in data.neighbourhoods}

    assert (rows["Noord"].answers, rows["Noord"].average) == (2, Decimal("7.0"))
    assert rows["Noord"].scores[6] == 1 and rows["Noord"].scores[8] == 1
    assert rows["Noord"].scores[10] == 0
    assert (rows["Zuid"].answers, rows["Zuid"].average) == (1, Decimal("9.0"))
    assert (rows["Leeg"].answers, rows["Leeg"].average) == (0, None)
    # (8 + 6 + 9) / 3 = 7.67
    assert (data.total.answers, data.total.average) == (3, Decimal("7.7"))


def test_satisfaction_narrowed_to_a_team(scores, teams):
    data = selectors.satisfaction(filters(team=teams["b"]))

    assert (data.total.answers, data.total.average) == (1, Decimal("9.0"))


def test_satisfaction_in_a_period_without_visits(scores):
    data = selectors.satisfaction(
        filters(start=datetime.date(2025, 6, 1), end=datetime.date(2025, 6, 30))
    )

    assert data.total.answers == 0 and data.total.average is None


def test_follow_ups_by_team_in_the_order_people_read_names(follow_ups, teams):
    Team.objects.filter(pk=teams["a"].pk).update(name="Team 10")
    Team.objects.filter(pk=teams["b"].pk).update(name="Team 2")
    teams_in_order = list(dict.fromkeys(r.team for r in selectors.follow_ups(filters())))
    assert teams_in_order == ["Team 2", "Team 10", ""]
