"""The admin's paginator for big tables: an estimate on PostgreSQL, an exact count elsewhere."""

import pytest
from django.db import connection

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
