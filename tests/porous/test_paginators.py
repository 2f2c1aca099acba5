"""The admin's big tables: a paginator that estimates on PostgreSQL (an exact count
elsewhere), and no other count of every row."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext

from porous.admin_tables import LargeTable
from porous.paginators import EstimatedCountPaginator
from tenants.models import Household
from tests.factories import HouseholdFactory


class EstimateAlways(EstimatedCountPaginator):
    exact_below = 0  # the test tables are small: use the estimate whatever its size


@pytest.mark.django_db
def test_counts_exactly_off_postgres_or_below_the_threshold():
    HouseholdFactory.create_batch(3)
    assert EstimatedCountPaginator(Household.objects.all(), 100).count == 3


@pytest.mark.django_db
def test_a_filtered_list_is_counted_exactly():
    first, *_ = HouseholdFactory.create_batch(3)
    queryset = Household.objects.filter(pk=first.pk)
    assert EstimateAlways(queryset, 100).estimated_count() is None
    assert EstimateAlways(queryset, 100).count == 1


@pytest.mark.postgres
@pytest.mark.django_db
def test_an_unfiltered_list_on_postgres_takes_the_planners_estimate():
    HouseholdFactory.create_batch(3)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE tenants_household")
    HouseholdFactory.create_batch(2)  # not analysed yet: the estimate still says 3
    paginator = EstimateAlways(Household.objects.select_related("dwelling"), 100)
    assert paginator.count == 3
    assert EstimatedCountPaginator(Household.objects.all(), 100).count == 5


def pages(django_assert_num_queries, queries, query_string, per_page=3):
    from django.test import RequestFactory

    from porous.paginators import page_of

    request = RequestFactory().get("/", query_string)
    with django_assert_num_queries(queries):
        page = page_of(request, Household.objects.order_by("pk"), per_page)
        shown = list(page)
    return page, shown


@pytest.mark.django_db
def test_a_list_that_fits_on_the_first_page_needs_no_count(django_assert_num_queries):
    households = HouseholdFactory.create_batch(3)

    page, shown = pages(django_assert_num_queries, 1, {})

    assert shown == households
    assert (page.paginator.count, page.has_other_pages(), page.next_link) == (3, False, "")


@pytest.mark.django_db
def test_a_longer_list_is_counted_and_paged(django_assert_num_queries):
    households = HouseholdFactory.create_batch(7)

    first, shown = pages(django_assert_num_queries, 2, {"page": "1", "other": "x"})
    assert shown == households[:3]
    assert (first.paginator.num_pages, first.next_link) == (3, "?page=2&other=x")

    last, shown = pages(django_assert_num_queries, 2, {"page": "3"})
    assert shown == households[6:]
    assert (last.previous_link, last.next_link) == ("?page=2", "")

    beyond, shown = pages(django_assert_num_queries, 2, {"page": "99"})
    assert shown == households[6:]  # past the end: the last page


# The tables that grow with the corporation: their admin lists count no rows in full.
LARGE_TABLES = [
    "auditlog.LogEntry",
    "porous.Reminder",
    "porous.User",
    "rewards.Grant",
    "rewards.Payout",
    "roles.Application",
    "roles.Contribution",
    "school.Attendance",
    "school.Certificate",
    "school.CourseRun",
    "school.CourseSession",
    "school.Enrollment",
    "tenants.Dwelling",
    "tenants.Household",
    "tenants.Resident",
    "visits.FollowUp",
    "visits.NoteAccess",
    "visits.Visit",
    "visits.VisitRequest",
]


@pytest.mark.parametrize("label", LARGE_TABLES)
def test_large_tables_have_no_full_counts_in_the_admin(label):
    model_admin = admin.site._registry[apps.get_model(label)]
    assert isinstance(model_admin, LargeTable)
    assert model_admin.show_full_result_count is False
    assert model_admin.paginator is EstimatedCountPaginator
    assert model_admin.show_facets is admin.ShowFacets.NEVER


@pytest.mark.django_db
def test_the_visits_list_offers_no_counts_and_counts_nothing_when_asked(client, superuser):
    client.force_login(superuser)
    page = client.get("/admin/visits/visit/")
    assert page.status_code == 200
    assert b"_facets" not in page.content  # no "Show counts" link
    with CaptureQueriesContext(connection) as queries:
        asked = client.get("/admin/visits/visit/?_facets=True&planned_for__gte=2026-01-01")
    assert asked.status_code == 200
    assert not [q["sql"] for q in queries if "COUNT(" in q["sql"] and "FILTER" in q["sql"]]
