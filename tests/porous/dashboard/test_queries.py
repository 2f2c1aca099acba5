"""The page's number of queries does not grow with the data: measured on small data, then
asserted as the maximum on larger data (DESIGN.md)."""

import datetime
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from porous.models import GroupName
from roles.models import Application
from school.models import Enrollment
from tests.conftest import login
from tests.factories import (
    ComplexFactory,
    HomeSeekerFactory,
    HouseholdFactory,
    NeighbourhoodFactory,
    ResidentFactory,
    RoleFactory,
    StaffFactory,
    TeamFactory,
)
from tests.factories_rewards import AllowanceLimitFactory, ArrangementFactory, GrantFactory
from tests.factories_roles import OpeningFactory
from tests.factories_school import (
    AttendanceFactory,
    CertificateFactory,
    CourseSessionFactory,
    EnrollmentFactory,
    days_from_now,
)
from tests.factories_visits import FollowUpFactory, LoggedVisitFactory
from visits.weeks import local_today

pytestmark = pytest.mark.django_db

# Measured on small data, for the page unfiltered (each chosen filter adds one query to check
# it). Session (1) and its save on every request (3: savepoint, update, release), the user,
# the staff two-step check (porous.middleware), their permissions (2), the navbar's resident
# profile, the filter form's neighbourhoods and teams (2), and the blocks: duty 3, reach 2,
# follow-ups 1, matrix 2, representativeness 1, ladder 2, school 3, rewards 3, satisfaction 1
# (the neighbourhoods and the households per neighbourhood and age band are asked once a page
# and shared by reach, representativeness and satisfaction).
# Reach counts the households reached in that pass over the households, by their copies of
# their visits; an earlier end or a team takes one more query, over the visits. Duty takes
# 3: one grouped pass over the period's visits instead of a count per person per week.
PAGE_QUERIES = 29
BLOCK_QUERIES = 18  # the blocks' share of it, not asked when the blocks are kept (kept.py)
# A download: the session, its save, the user, the staff two-step check and permissions (8),
# and its block's (at most 3).
CSV_QUERIES = 11


def populate(size):
    """`size` of everything each block counts, linked so every block has numbers."""
    today = local_today()
    AllowanceLimitFactory(year=today.year)
    arrangement = ArrangementFactory(yearly_budget=Decimal("5000.00"))
    for n in range(size):
        team = TeamFactory()
        neighbourhood = NeighbourhoodFactory()
        complex_ = ComplexFactory(neighbourhood=neighbourhood)
        role = RoleFactory(
            grade=1 + n % 4, category=["techniek", "beheer", "klant", "sociaal"][n % 4]
        )
        higher = RoleFactory(grade=min(4, 2 + n % 4))
        opening = OpeningFactory(role=role, complex=complex_, places=3)
        teacher = ResidentFactory(household__dwelling__complex=complex_)
        session = CourseSessionFactory(start=days_from_now(-3), teacher=teacher.user)
        for m in range(size):
            household = HouseholdFactory(
                dwelling__complex=complex_, main_tenant_birth_year=1950 + 10 * m
            )
            employee = StaffFactory(team=team)
            visit = LoggedVisitFactory(household=household, employee=employee, planned_for=today)
            FollowUpFactory(visit=visit)
            resident = ResidentFactory(
                household=household, birth_date=datetime.date(1960 + 10 * m, 1, 1)
            )
            Application.objects.create(
                resident=resident,
                opening=opening,
                status=Application.Status.ACTIVE,
                started_on=today - datetime.timedelta(days=400),
            )
            Application.objects.create(
                resident=resident,
                opening=OpeningFactory(role=higher),
                status=Application.Status.ACTIVE,
                started_on=today - datetime.timedelta(days=5),
            )
            Application.objects.create(resident=HomeSeekerFactory(), opening=opening)
            enrollment = EnrollmentFactory(learner=employee, run=session.run)
            AttendanceFactory(enrollment=enrollment, session=session)
            done = EnrollmentFactory(
                learner=resident.user, run=session.run, status=Enrollment.Status.COMPLETED
            )
            CertificateFactory(enrollment=done)
            GrantFactory(
                resident=resident,
                arrangement=arrangement,
                month=today.replace(day=1),
                amount=Decimal("190.00"),
            )


@pytest.fixture(autouse=True)
def _cache_in_memory(settings):
    # The cache asks no SQL, as with Redis in production (the database cache would add its
    # own queries for each kept block).
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


def count_queries(client, url):
    """The page's queries when it works its figures out (nothing kept yet)."""
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries), response


@pytest.fixture
def manager_client(client, manager):
    return login(client, manager)


def filtered_url():
    from porous.models import Team
    from tenants.models import Neighbourhood

    neighbourhood, team = Neighbourhood.objects.first(), Team.objects.first()
    query = f"?neighbourhood={neighbourhood.pk}&team={team.pk}&category=techniek&grade=1"
    return reverse("dashboard:dashboard") + query


def test_the_page_costs_the_same_on_small_and_larger_data(manager_client):
    populate(1)
    small, response = count_queries(manager_client, reverse("dashboard:dashboard"))
    assert small == PAGE_QUERIES, [q["sql"][:120] for q in connection.queries[-small:]]
    assert b"Nobody has visit duty" not in response.content
    small_filtered, _ = count_queries(manager_client, filtered_url())
    # Checking the chosen neighbourhood and team, and reach counting that team's visits.
    assert small_filtered == PAGE_QUERIES + 3

    populate(4)
    large, _ = count_queries(manager_client, reverse("dashboard:dashboard"))
    large_filtered, _ = count_queries(manager_client, filtered_url())
    assert (large, large_filtered) == (small, small_filtered)


def test_kept_figures_cost_no_block_queries(manager_client):
    populate(1)
    first, _ = count_queries(manager_client, reverse("dashboard:dashboard"))
    with CaptureQueriesContext(connection) as again:
        manager_client.get(reverse("dashboard:dashboard"))
    # What is left: session, user, permissions, navbar and the filter form's two lists.
    assert len(again) == first - BLOCK_QUERIES


@pytest.mark.parametrize("table", ["duty-trend", "reach", "matrix", "rewards-near-limit"])
def test_a_download_costs_the_same_on_small_and_larger_data(manager_client, table):
    url = reverse("dashboard:block-csv", args=[table])
    populate(1)
    small, _ = count_queries(manager_client, url)
    assert small <= CSV_QUERIES
    populate(4)
    large, _ = count_queries(manager_client, url)
    assert large <= small


def test_the_employee_record_costs_the_same(client, django_assert_max_num_queries):
    employee = StaffFactory(team=TeamFactory(), groups=[GroupName.EMPLOYEE])
    login(client, employee)
    url = reverse("dashboard:my-record")
    small, _ = count_queries(client, url)
    for _n in range(5):
        LoggedVisitFactory(employee=employee)
        StaffFactory(team=employee.team)
    with django_assert_max_num_queries(small):
        client.get(url)
