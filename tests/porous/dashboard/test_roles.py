"""Blocks 4 and 6 (the matrix and the ladder) on a small fixed dataset."""

import datetime

import pytest

from porous.dashboard import selectors
from roles.models import Application, Role
from tests.factories import (
    ComplexFactory,
    HomeSeekerFactory,
    ResidentFactory,
    RoleFactory,
    StaffFactory,
)
from tests.factories_roles import OpeningFactory

from .conftest import DAY, at, filters, household_in

pytestmark = pytest.mark.django_db
S = Application.Status


def apply(opening, status, resident=None, started=None, ended=None, created=None):
    application = Application.objects.create(
        resident=resident or ResidentFactory(),
        opening=opening,
        status=status,
        started_on=started,
        ended_on=ended,
    )
    if created:
        Application.objects.filter(pk=application.pk).update(created_at=at(created))
    return application


@pytest.fixture
def roles(db):
    # Only our own roles: the starting catalogue steps aside.
    Role.objects.update(is_active=False)
    return {
        "t1": RoleFactory(category="techniek", grade=1),
        "t2": RoleFactory(category="techniek", grade=2),
        "k3": RoleFactory(category="klant", grade=3),
        "s4": RoleFactory(category="sociaal", grade=4, is_active=False),
    }


@pytest.fixture
def openings(roles, places, teams):
    coordinator_a = StaffFactory(team=teams["a"])
    coordinator_b = StaffFactory(team=teams["b"])
    noord_complex = ComplexFactory(neighbourhood=places["noord"])
    o1 = OpeningFactory(
        role=roles["t1"], complex=noord_complex, places=3, coordinator=coordinator_a
    )
    apply(o1, S.ACTIVE, started=datetime.date(2025, 5, 1))
    apply(o1, S.OFFERED)
    apply(o1, S.WAITLISTED)
    apply(o1, S.PENDING, created=DAY - datetime.timedelta(days=10))
    apply(o1, S.PENDING, created=DAY - datetime.timedelta(days=3))
    apply(o1, S.ENDED, started=datetime.date(2025, 1, 1), ended=datetime.date(2025, 6, 1))
    apply(o1, S.DECLINED)
    o2 = OpeningFactory(
        role=roles["t1"], neighbourhood=places["zuid"], is_open=False, coordinator=coordinator_a
    )
    apply(o2, S.ACTIVE, started=datetime.date(2025, 9, 1))
    # For the whole corporation, ended yesterday: its holder counts, its places do not.
    o3 = OpeningFactory(
        role=roles["t2"],
        places=2,
        ends_on=DAY - datetime.timedelta(days=1),
        coordinator=coordinator_a,
    )
    apply(o3, S.ACTIVE, started=datetime.date(2025, 9, 1))
    OpeningFactory(
        role=roles["k3"], neighbourhood=places["noord"], places=5, coordinator=coordinator_b
    )


def cells(result):
    return {(c.category, c.grade): c for c in result}


def test_matrix_counts_per_cell(openings):
    result = selectors.matrix(filters())

    assert len(result) == 16 and (result[0].category, result[0].grade) == ("techniek", 1)
    by_cell = cells(result)
    t1 = by_cell[("techniek", 1)]
    assert (t1.roles, t1.openings, t1.holders, t1.free, t1.waiting, t1.pending) == (
        1,
        2,
        2,
        1,
        1,
        2,
    )
    assert t1.oldest_days(DAY) == 10
    t2 = by_cell[("techniek", 2)]
    assert (t2.roles, t2.openings, t2.holders, t2.free) == (1, 1, 1, 0)
    k3 = by_cell[("klant", 3)]
    assert (k3.openings, k3.holders, k3.free, k3.pending, k3.oldest_days(DAY)) == (1, 0, 5, 0, None)
    assert by_cell[("sociaal", 4)].roles == 0  # its only role is inactive


def test_matrix_narrowed_to_a_neighbourhood_team_and_cell(openings, places, teams):
    noord = cells(selectors.matrix(filters(neighbourhood=places["noord"])))
    # The complex's opening and the neighbourhood's; the corporation-wide one drops out.
    assert (noord[("techniek", 1)].openings, noord[("techniek", 1)].holders) == (1, 1)
    assert noord[("techniek", 2)].openings == 0
    assert noord[("klant", 3)].free == 5

    team_b = cells(selectors.matrix(filters(team=teams["b"])))
    assert sum(c.openings for c in team_b.values()) == 1 and team_b[("klant", 3)].free == 5

    cell = cells(selectors.matrix(filters(category="techniek", grade=2)))
    assert sum(c.holders for c in cell.values()) == 1 and cell[("techniek", 2)].holders == 1


def test_matrix_with_nothing(roles):
    result = selectors.matrix(filters())

    assert sum(c.openings + c.holders + c.free + c.pending for c in result) == 0


@pytest.fixture
def ladder(roles, places):
    def opening(role):
        return OpeningFactory(role=role, places=10)

    def held(resident, role, started, ended=None):
        status = S.ENDED if ended else S.ACTIVE
        return apply(opening(role), status, resident, started=started, ended=ended)

    noord = [ResidentFactory(household=household_in(places["noord"])) for _ in range(2)]
    zuid = [ResidentFactory(household=household_in(places["zuid"])) for _ in range(2)]
    p1, p2 = noord
    p3, p4 = zuid
    # P1: grade 1 last year, grade 2 in the period: up 1 → 2.
    held(p1, roles["t1"], datetime.date(2025, 5, 1), ended=datetime.date(2025, 12, 31))
    held(p1, roles["t2"], datetime.date(2026, 2, 1))
    # P2: a first role in the period, then grade 3: up 1 → 3.
    held(p2, roles["t1"], datetime.date(2026, 1, 10))
    held(p2, roles["k3"], datetime.date(2026, 3, 1))
    # P3: grade 2 before, grade 1 now: not up.
    held(p3, roles["t2"], datetime.date(2025, 6, 1))
    held(p3, roles["t1"], datetime.date(2026, 2, 15))
    # P4: a first role, then another of the same grade: not up.
    held(p4, roles["t2"], datetime.date(2026, 2, 1))
    held(p4, roles["t2"], datetime.date(2026, 3, 1))
    # A home seeker: up 1 → 2.
    seeker = HomeSeekerFactory()
    held(seeker, roles["t1"], datetime.date(2025, 1, 1))
    held(seeker, roles["t2"], datetime.date(2026, 1, 5))
    # Not counted: waiting for a decision, and starting after the period.
    apply(opening(roles["k3"]), S.PENDING, p3)
    held(p4, roles["k3"], datetime.date(2026, 4, 1))


def test_ladder_moves_in_the_period(ladder):
    data = selectors.ladder(filters())

    assert [(m.from_grade, m.to_grade, m.moves, m.residents) for m in data.moves] == [
        (1, 2, 2, 2),
        (1, 3, 1, 1),
    ]
    assert data.residents_moved == 3
    assert data.first_roles == 2  # P2 and P4


def test_ladder_narrowed(ladder, places):
    noord = selectors.ladder(filters(neighbourhood=places["noord"]))
    assert (noord.residents_moved, noord.first_roles) == (2, 1)

    cell = selectors.ladder(filters(category="techniek", grade=2))
    assert [(m.from_grade, m.to_grade, m.residents) for m in cell.moves] == [(1, 2, 2)]


def test_ladder_without_moves(roles):
    data = selectors.ladder(filters())

    assert (data.moves, data.residents_moved, data.first_roles) == ([], 0, 0)
