"""Block 5, representativeness: age bands on both sides, worked out by hand.

The year of the period's end is 2026: under 25 is born 2002 or later, 25–34 born 1992–2001,
35–49 born 1977–1991, 50–64 born 1962–1976, 65 and over born 1961 or earlier.
"""

import datetime
from decimal import Decimal

import pytest

from porous.dashboard import selectors
from roles.models import Application
from school.models import Enrollment
from tests.factories import HomeSeekerFactory, ResidentFactory, RoleFactory, StaffFactory
from tests.factories_roles import OpeningFactory
from tests.factories_school import CourseSessionFactory, EnrollmentFactory

from .conftest import at, filters, household_in

pytestmark = pytest.mark.django_db


def hold(resident, role, started, ended=None):
    Application.objects.create(
        resident=resident,
        opening=OpeningFactory(role=role),
        status=Application.Status.ENDED if ended else Application.Status.ACTIVE,
        started_on=started,
        ended_on=ended,
    )


@pytest.fixture
def world(places):
    noord, zuid = places["noord"], places["zuid"]
    year = {
        by: household_in(noord, main_tenant_birth_year=by)
        for by in (2002, 2001, 1977, 1962, 1961, None)
    }
    household_in(noord, main_tenant_birth_year=2000, tenancy_end=datetime.date(2025, 12, 1))
    z1995 = household_in(zuid, main_tenant_birth_year=1995)
    z1950 = household_in(zuid, main_tenant_birth_year=1950)

    def tenant(household, born):
        return ResidentFactory(household=household, birth_date=born)

    t1 = tenant(year[2002], datetime.date(2002, 12, 31))  # under 25 (turns 24 in 2026)
    t2 = tenant(year[2001], datetime.date(1992, 1, 1))  # 25–34
    t3 = tenant(z1995, datetime.date(1980, 5, 5))  # 35–49
    t4 = tenant(z1950, None)  # unknown, but not taking part in the period
    t5 = tenant(year[1961], datetime.date(1955, 1, 1))  # 65+, a holder and a learner
    t6 = tenant(year[1962], datetime.date(1970, 1, 1))  # teaches a cancelled lesson only
    seeker_young = HomeSeekerFactory(birth_date=datetime.date(2004, 1, 1))
    seeker_older = HomeSeekerFactory(birth_date=datetime.date(1990, 1, 1))

    tech, klant = RoleFactory(category="techniek", grade=1), RoleFactory(category="klant", grade=3)
    hold(t1, tech, datetime.date(2025, 6, 1))
    hold(t4, tech, datetime.date(2025, 1, 1), ended=datetime.date(2025, 12, 31))
    hold(t5, klant, datetime.date(2026, 2, 1))
    hold(seeker_older, tech, datetime.date(2026, 1, 15))

    in_period = CourseSessionFactory(start=at(datetime.date(2026, 2, 10), 19))
    before = CourseSessionFactory(start=at(datetime.date(2025, 11, 10), 19))
    for learner in (t2.user, t5.user, seeker_young.user, StaffFactory()):
        EnrollmentFactory(learner=learner, run=in_period.run)
    EnrollmentFactory(learner=t4.user, run=before.run)
    EnrollmentFactory(learner=t6.user, run=in_period.run, status=Enrollment.Status.WITHDRAWN)
    CourseSessionFactory(start=at(datetime.date(2026, 2, 12), 19), teacher=t3.user)
    CourseSessionFactory(start=at(datetime.date(2026, 2, 13), 19), teacher=t6.user, cancelled=True)


def counts(ages):
    return [ages.counts[key] for key in ("0-24", "25-34", "35-49", "50-64", "65+", "unknown")]


def test_participants_against_main_tenants(world):
    data = selectors.representativeness(filters())

    assert data.year == 2026
    assert counts(data.tenants.participants) == [1, 1, 1, 0, 1, 0]
    assert data.tenants.participants.share_young == Decimal("50.0")
    assert data.tenants.participants.share("65+") == Decimal("25.0")
    # Current households only; the unknown birth year is left out of the shares.
    assert counts(data.tenants.main_tenants) == [1, 2, 1, 1, 2, 1]
    assert data.tenants.main_tenants.known == 7
    assert data.tenants.main_tenants.share_young == Decimal("42.9")
    assert counts(data.home_seekers) == [1, 0, 1, 0, 0, 0]
    assert data.home_seekers.share_young == Decimal("50.0")


def test_per_neighbourhood_with_the_empty_one(world):
    rows = {row.name: row for row in selectors.representativeness(filters()).neighbourhoods}

    assert counts(rows["Noord"].participants) == [1, 1, 0, 0, 1, 0]
    assert rows["Noord"].participants.share_young == Decimal("66.7")
    assert counts(rows["Noord"].main_tenants) == [1, 1, 1, 1, 1, 1]
    assert rows["Noord"].main_tenants.share_young == Decimal("40.0")
    assert rows["Zuid"].participants.share_young == Decimal("0.0")
    assert rows["Zuid"].main_tenants.share_young == Decimal("50.0")
    assert rows["Leeg"].participants.total == 0 and rows["Leeg"].main_tenants.share_young is None


def test_narrowed_to_a_neighbourhood_leaves_out_home_seekers(world, places):
    data = selectors.representativeness(filters(neighbourhood=places["zuid"]))

    assert [row.name for row in data.neighbourhoods] == ["Zuid"]
    assert counts(data.tenants.participants) == [0, 0, 1, 0, 0, 0]
    assert data.home_seekers.total == 0


def test_a_cell_counts_only_its_holders(world):
    data = selectors.representativeness(filters(category="techniek", grade=1))

    assert counts(data.tenants.participants) == [1, 0, 0, 0, 0, 0]
    assert counts(data.home_seekers) == [0, 0, 1, 0, 0, 0]  # born 1990: 36 in 2026


def test_nobody_at_all(db):
    data = selectors.representativeness(filters())

    assert data.tenants.participants.total == 0
    assert data.tenants.participants.share_young is None
    assert data.neighbourhoods == []


def test_reach_and_representativeness_count_the_same_households_once_a_page(
    world, django_assert_num_queries
):
    shown = filters()
    # neighbourhoods, households by band (reach counted by the households' copies), participants
    with django_assert_num_queries(3):
        representativeness = selectors.representativeness(shown)
        reach = selectors.reach(shown)
    by_neighbourhood = {row.neighbourhood_id: row.households for row in reach}
    assert sum(by_neighbourhood.values()) > 0
    for row in representativeness.neighbourhoods:
        assert by_neighbourhood[row.neighbourhood_id] == row.main_tenants.total
    # Narrowed filters are other filters: nothing worked out before travels with them.
    assert shown.memo and shown.narrowed(team=None).memo == {}
    assert shown.narrowed() == shown
