"""Blocks 7 and 8 (the school, rewards) on small fixed datasets."""

import datetime
from decimal import Decimal

import pytest

from porous.dashboard import selectors
from porous.models import Team
from rewards.models import Grant
from school.models import Course, Enrollment
from tests.factories import HomeSeekerFactory, ResidentFactory, StaffFactory
from tests.factories_rewards import (
    AllowanceLimitFactory,
    ArrangementFactory,
    CostsArrangementFactory,
    GrantFactory,
    InKindArrangementFactory,
)
from tests.factories_school import (
    AttendanceFactory,
    CertificateFactory,
    CourseFactory,
    CourseRunFactory,
    CourseSessionFactory,
    EnrollmentFactory,
)

from .conftest import at, filters, household_in

pytestmark = pytest.mark.django_db
E = Enrollment.Status


def enrol(learner, run, created, status=E.ENROLLED, completed=None):
    enrollment = EnrollmentFactory(
        learner=learner, run=run, status=status, completed_at=at(completed) if completed else None
    )
    Enrollment.objects.filter(pk=enrollment.pk).update(created_at=at(created))
    return enrollment


@pytest.fixture
def school(places, teams):
    e1, e2, e3 = (StaffFactory(team=teams["a"]) for _ in range(3))
    e4, staff_teacher = StaffFactory(team=teams["b"]), StaffFactory(team=teams["b"])
    e5 = StaffFactory(team=None)
    teacher = ResidentFactory(household=household_in(places["zuid"]))  # a resident teacher
    l1 = ResidentFactory(household=household_in(places["noord"]))
    l2 = ResidentFactory(household=household_in(places["zuid"]))

    trade = CourseRunFactory(course=CourseFactory(track=Course.Track.TRADE))
    enrol(l1.user, trade, datetime.date(2026, 1, 10))
    done = enrol(l2.user, trade, datetime.date(2026, 2, 1), E.COMPLETED, datetime.date(2026, 3, 1))
    CertificateFactory(enrollment=done, issued_at=at(datetime.date(2026, 3, 1)))
    old = enrol(e3, trade, datetime.date(2025, 12, 1), E.COMPLETED, datetime.date(2026, 1, 15))
    CertificateFactory(
        enrollment=old,
        issued_at=at(datetime.date(2026, 1, 15)),
        revoked_at=at(datetime.date(2026, 2, 1)),
        revoked_reason="Ten onrechte afgegeven.",
    )
    enrol(ResidentFactory().user, trade, datetime.date(2026, 2, 10), E.WITHDRAWN)
    enrol(ResidentFactory().user, trade, datetime.date(2026, 2, 11), E.WAITLISTED)

    wijk = CourseRunFactory(
        course=CourseFactory(track=Course.Track.NEIGHBOURHOOD, teachers=[teacher.user])
    )

    def lesson(day, who):
        return CourseSessionFactory(run=wijk, start=at(day, 19), teacher=who)

    s1 = lesson(datetime.date(2026, 2, 5), teacher.user)
    s2 = lesson(datetime.date(2026, 2, 12), None)  # no teacher: the course's teacher counts
    s3 = lesson(datetime.date(2026, 2, 19), staff_teacher)
    s4 = lesson(datetime.date(2025, 12, 1), teacher.user)  # before the period
    first = enrol(e1, wijk, datetime.date(2026, 1, 20), E.COMPLETED, datetime.date(2026, 3, 10))
    CertificateFactory(enrollment=first, issued_at=at(datetime.date(2026, 3, 10)))
    AttendanceFactory(enrollment=first, session=s1)
    AttendanceFactory(enrollment=enrol(e2, wijk, datetime.date(2026, 1, 20)), session=s2)
    third = enrol(e4, wijk, datetime.date(2026, 1, 21))
    AttendanceFactory(enrollment=third, session=s3)
    AttendanceFactory(enrollment=third, session=s1, present=False)
    AttendanceFactory(enrollment=enrol(e5, wijk, datetime.date(2025, 11, 1)), session=s4)


def test_school_per_track_and_staff_who_learned_from_residents(school):
    data = selectors.school(filters())
    tracks = {row.track: row for row in data.tracks}

    trade = tracks[Course.Track.TRADE]
    assert (trade.enrolments, trade.completions, trade.certificates) == (2, 2, 1)
    wijk = tracks[Course.Track.NEIGHBOURHOOD]
    assert (wijk.enrolments, wijk.completions, wijk.certificates) == (3, 1, 1)
    assert tracks[Course.Track.GOVERNANCE].enrolments == 0
    total = data.total
    assert (total.enrolments, total.completions, total.certificates) == (5, 3, 2)
    staff = [(row.team, row.employees, row.learned) for row in data.staff]
    assert staff == [("Team A", 3, 2), ("Team B", 2, 0), ("", 1, 0)]
    assert (data.staff_total.learned, data.staff_total.share) == (2, Decimal("33.3"))


def test_school_narrowed(school, places, teams):
    noord = selectors.school(filters(neighbourhood=places["noord"]))
    assert (noord.total.enrolments, noord.total.completions, noord.total.certificates) == (1, 0, 0)

    team_a = selectors.school(filters(team=teams["a"]))
    assert (team_a.total.enrolments, team_a.total.completions) == (2, 2)
    assert team_a.total.certificates == 1  # the other was revoked
    assert [(row.team, row.learned) for row in team_a.staff] == [("Team A", 2)]


def test_school_in_an_empty_period(school):
    data = selectors.school(filters(start=datetime.date(2024, 1, 1), end=datetime.date(2024, 2, 1)))

    assert (data.total.enrolments, data.total.certificates, data.staff_total.learned) == (0, 0, 0)


END = datetime.date(2026, 11, 18)  # the rewards need most of a year


@pytest.fixture
def rewards(places):
    AllowanceLimitFactory(year=2026)  # € 210 a month, € 2,100 a year
    budgeted = ArrangementFactory(name="Vergoeding", yearly_budget=Decimal("1000.00"))
    noord = ResidentFactory(household=household_in(places["noord"]))
    zuid = ResidentFactory(household=household_in(places["zuid"]))
    seeker = HomeSeekerFactory()
    S = Grant.Status

    def grant(resident, month, amount, status=S.APPROVED, arrangement=budgeted):
        return GrantFactory(
            resident=resident,
            arrangement=arrangement,
            month=datetime.date(month[0], month[1], 1),
            amount=Decimal(amount),
            status=status,
        )

    grant(noord, (2026, 1), "100.00", S.PAID)
    grant(zuid, (2026, 2), "200.00")
    grant(noord, (2026, 3), "50.00", S.PROPOSED)
    grant(noord, (2026, 3), "500.00", S.REJECTED)
    grant(noord, (2025, 6), "300.00", S.PAID)  # another year
    grant(zuid, (2026, 4), "20.00", arrangement=InKindArrangementFactory(name="Waardebon"))
    ArrangementFactory(name="Oud", active_until=datetime.date(2025, 6, 30))
    ArrangementFactory(name="Nieuw", active_from=datetime.date(2026, 6, 1))

    # Near the limits in November: exactly 80 % of the month (168 of 210).
    free = ArrangementFactory(name="Per taak")
    near = ResidentFactory(household=household_in(places["noord"]), user__full_name="Anna")
    grant(near, (2026, 11), "100.00", arrangement=free)
    grant(near, (2026, 11), "68.00", S.PROPOSED, arrangement=free)
    # 10 months of € 180: 1,800 of 2,100 for the year, nothing this month.
    busy = ResidentFactory(household=household_in(places["zuid"]), user__full_name="Bram")
    for month in range(1, 11):
        grant(busy, (2026, month), "180.00", S.PAID if month < 6 else S.APPROVED, free)
    grant(seeker, (2026, 11), "200.00", S.PROPOSED, arrangement=free)
    # Not near: rejected, costs (never taxed), and just under 80 % (167.99).
    grant(noord, (2026, 11), "210.00", S.REJECTED, arrangement=free)
    grant(zuid, (2026, 11), "200.00", arrangement=CostsArrangementFactory(name="Kosten"))
    grant(ResidentFactory(), (2026, 11), "167.99", arrangement=free)
    return {"seeker": seeker}


def test_budgets_per_arrangement(rewards):
    data = selectors.rewards(filters(start=datetime.date(2026, 9, 1), end=END))
    rows = {row.name: row for row in data.budgets}

    assert data.year == 2026 and data.month == datetime.date(2026, 11, 1)
    assert "Oud" not in rows and rows["Nieuw"].paid == Decimal("0")
    budget = rows["Vergoeding"]
    assert (budget.paid, budget.approved, budget.proposed) == (
        Decimal("100.00"),
        Decimal("200.00"),
        Decimal("50.00"),
    )
    assert budget.left == Decimal("650.00") and budget.share == Decimal("30.0")
    in_kind = rows["Waardebon"]
    assert (in_kind.approved, in_kind.budget, in_kind.left, in_kind.share) == (
        Decimal("20.00"),
        None,
        None,
        None,
    )
    assert rows["Kosten"].approved == Decimal("200.00")


def test_budgets_narrowed_to_a_neighbourhood(rewards, places):
    data = selectors.rewards(
        filters(start=datetime.date(2026, 9, 1), end=END, neighbourhood=places["noord"])
    )
    budget = {row.name: row for row in data.budgets}["Vergoeding"]

    assert (budget.paid, budget.approved, budget.proposed) == (
        Decimal("100.00"),
        Decimal("0"),
        Decimal("50.00"),
    )
    assert budget.budget == Decimal("1000.00")  # the budget stays whole
    assert [row.name for row in data.near] == ["Anna"]


def test_residents_near_a_limit(rewards):
    data = selectors.rewards(filters(start=datetime.date(2026, 9, 1), end=END))
    near = [
        (row.name, row.this_month.used, row.this_year.used, row.this_month.near, row.this_year.near)
        for row in data.near
    ]

    assert near == [
        ("Bram", Decimal("0"), Decimal("1800.00"), False, True),
        (rewards["seeker"].user.full_name, Decimal("200.00"), Decimal("200.00"), True, False),
        ("Anna", Decimal("168.00"), Decimal("168.00"), True, False),
    ]
    assert data.near[1].neighbourhood == ""  # a home seeker
    assert data.near[2].this_month.pending == Decimal("68.00")


def test_no_limits_for_the_year(rewards):
    data = selectors.rewards(
        filters(start=datetime.date(2027, 1, 1), end=datetime.date(2027, 1, 31))
    )

    assert data.limit is None and data.near == []
    assert all(row.paid == 0 for row in data.budgets)


def test_staff_by_team_in_the_order_people_read_names(school, teams):
    Team.objects.filter(pk=teams["a"].pk).update(name="Team 10")
    Team.objects.filter(pk=teams["b"].pk).update(name="Team 2")
    data = selectors.school(filters())
    assert [row.team for row in data.staff][:2] == ["Team 2", "Team 10"]
