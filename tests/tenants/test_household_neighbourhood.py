"""A household keeps a copy of its neighbourhood (dwelling -> complex -> neighbourhood) so the
dashboard counts per neighbourhood from one table. The copy must never drift."""

import pytest

from tenants.models import Household, copy_neighbourhoods
from tests.factories import ComplexFactory, DwellingFactory, HouseholdFactory, NeighbourhoodFactory
from tests.tenants.test_import import row, run

pytestmark = pytest.mark.django_db


def neighbourhood_of(household):
    return Household.objects.values_list("neighbourhood", flat=True).get(pk=household.pk)


def test_a_new_household_gets_the_neighbourhood_of_its_dwelling():
    household = HouseholdFactory()

    assert neighbourhood_of(household) == household.dwelling.complex.neighbourhood_id


def test_moving_a_complex_to_another_neighbourhood_moves_its_households():
    household = HouseholdFactory()
    other = NeighbourhoodFactory()
    complex_obj = household.dwelling.complex

    complex_obj.neighbourhood = other
    complex_obj.save()

    assert neighbourhood_of(household) == other.pk


def test_moving_a_dwelling_to_another_complex_moves_its_households():
    household = HouseholdFactory()
    elsewhere = ComplexFactory()
    dwelling = household.dwelling

    dwelling.complex = elsewhere
    dwelling.save()

    assert neighbourhood_of(household) == elsewhere.neighbourhood_id


def test_a_household_moved_to_another_dwelling_follows_it():
    household = HouseholdFactory()
    elsewhere = DwellingFactory()

    household.dwelling = elsewhere
    household.save(update_fields=["dwelling"])

    assert neighbourhood_of(household) == elsewhere.complex.neighbourhood_id


def test_copy_neighbourhoods_repairs_only_the_households_that_drifted():
    right, wrong = HouseholdFactory(), HouseholdFactory()
    Household.objects.filter(pk=wrong.pk).update(neighbourhood=right.neighbourhood)

    assert copy_neighbourhoods() == 1
    assert neighbourhood_of(wrong) == wrong.dwelling.complex.neighbourhood_id
    assert neighbourhood_of(right) == right.dwelling.complex.neighbourhood_id


def test_the_import_sets_the_neighbourhood_and_moves_households_it_does_not_list():
    run([row(1), row(2)])
    # The next file lists only household 2 and puts the complex in another neighbourhood.
    run([row(2, neighbourhood_code="W02", neighbourhood_name="Nieuwe Wijk")])

    codes = dict(Household.objects.values_list("contract_number", "neighbourhood__code"))
    assert codes == {"HC0000001": "W02", "HC0000002": "W02"}
