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
