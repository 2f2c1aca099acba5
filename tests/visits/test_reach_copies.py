"""The households' copies of their reached visits (Household.first_reached_on and
last_reached_on, kept by visits.services.reach) agree with the visits, whichever way the
visits are written."""

import datetime
import random

import pytest
from django.core.exceptions import ValidationError
from django.db.models import F, Max, Min
from django.urls import reverse
from django.utils import timezone

from tenants.models import Household
from tests.factories import HouseholdFactory, StaffFactory
from tests.factories_visits import LoggedVisitFactory, VisitFactory
from visits.demo import seed_visits
from visits.models import Visit
from visits.services import repair_reached, visit_log

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAYS = [TODAY - datetime.timedelta(days=n) for n in (300, 200, 100)]


def copies(household):
    household.refresh_from_db()
    return household.first_reached_on, household.last_reached_on


def test_visits_saved_logged_changed_and_deleted_keep_the_copies_in_step():
    household, employee = HouseholdFactory(), StaffFactory()
    assert copies(household) == (None, None)
    middle = LoggedVisitFactory(household=household, employee=employee, planned_for=DAYS[1])
    LoggedVisitFactory(
        household=household,
        employee=employee,
        planned_for=DAYS[0],
        outcome=Visit.Outcome.NOBODY_HOME,
        satisfaction=None,
    )
    assert copies(household) == (DAYS[1], DAYS[1])  # nobody home reached nobody
    planned = VisitFactory(household=household, employee=employee, planned_for=DAYS[2])
    assert copies(household) == (DAYS[1], DAYS[1])  # planned: not yet
    visit_log(visit=planned, by=employee, outcome=Visit.Outcome.VISITED, visited_on=DAYS[2])
    assert copies(household) == (DAYS[1], DAYS[2])
    middle.outcome, middle.satisfaction = Visit.Outcome.CANCELLED, None
    middle.save()
    assert copies(household) == (DAYS[2], DAYS[2])
    Visit.objects.filter(pk=planned.pk).delete()
    assert copies(household) == (None, None)


def test_a_household_saved_from_an_earlier_read_keeps_its_copies():
    household, employee = HouseholdFactory(), StaffFactory()
    read_before = Household.objects.get(pk=household.pk)
    LoggedVisitFactory(household=household, employee=employee, planned_for=DAYS[0])
    read_before.persons = 3
    read_before.save()
    assert copies(household) == (DAYS[0], DAYS[0])
    assert household.persons == 3


def test_a_visit_dated_in_the_future_is_refused_by_the_admins_check():
    visit = LoggedVisitFactory(planned_for=TODAY)
    visit.visited_on = TODAY + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        visit.full_clean()
    assert "visited_on" in refused.value.message_dict


def _change_form(client, visit, **changes):
    """The admin's change form of the visit as it is, with `changes`."""
    page = client.get(reverse("admin:visits_visit_change", args=[visit.pk]))
    form = page.context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    for inline in page.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        data.update(
            {management.add_prefix(name): management[name].value() for name in management.fields}
        )
    data.update(changes)
    return {key: "" if value is None else value for key, value in data.items()}


def test_a_visit_moved_to_another_household_in_the_admin_refreshes_both(client, superuser):
    before, after = HouseholdFactory(), HouseholdFactory()
    visit = LoggedVisitFactory(household=before, planned_for=DAYS[0])
    client.force_login(superuser)
    response = client.post(
        reverse("admin:visits_visit_change", args=[visit.pk]),
        _change_form(client, visit, household=after.pk),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert copies(before) == (None, None)
    assert copies(after) == (DAYS[0], DAYS[0])


def test_the_demo_visits_have_their_copies():
    StaffFactory.create_batch(6)
    HouseholdFactory.create_batch(30, tenancy_start=TODAY - datetime.timedelta(days=3000))
    seed_visits(rng=random.Random(5), weeks=8)
    reached = Visit.objects.filter(status=Visit.Status.LOGGED, outcome=Visit.Outcome.VISITED)
    expected = {
        row["household"]: (row["first"], row["last"])
        for row in reached.values("household").annotate(
            first=Min("visited_on"), last=Max("visited_on")
        )
    }
    assert expected  # the demo reached some households
    assert not Visit.objects.exclude(neighbourhood=F("household__neighbourhood")).exists()
    for household in Household.objects.all():
        assert (household.first_reached_on, household.last_reached_on) == expected.get(
            household.pk, (None, None)
        )


def test_a_visit_keeps_the_neighbourhood_of_its_household_when_it_was_saved():
    household, other = HouseholdFactory(), HouseholdFactory()
    visit = VisitFactory(household=household)
    assert visit.neighbourhood_id == household.neighbourhood_id != other.neighbourhood_id
    visit.household = other
    visit.save(update_fields=["household"])
    visit.refresh_from_db()
    assert visit.neighbourhood_id == other.neighbourhood_id
    # Boundaries redrawn: the household moves along, the visit stays where it was made.
    complex_ = other.dwelling.complex
    complex_.neighbourhood = household.neighbourhood
    complex_.save()
    other.refresh_from_db()
    visit.refresh_from_db()
    assert other.neighbourhood_id == household.neighbourhood_id != visit.neighbourhood_id


def test_the_nightly_repair_sets_right_only_the_copies_out_of_step(caplog):
    """Visits written around the services (here: an UPDATE of the visits themselves, as a
    worker running old code or a fix by hand would) leave copies out of step until the
    nightly check."""
    employee = StaffFactory()
    right, first_wrong, none_kept, never_reached = (HouseholdFactory() for _ in range(4))
    for household in (right, first_wrong, none_kept):
        LoggedVisitFactory(household=household, employee=employee, planned_for=DAYS[1])
    Visit.objects.filter(household=first_wrong).update(visited_on=DAYS[0])
    Household.objects.filter(pk=none_kept.pk).update(first_reached_on=None, last_reached_on=None)
    Household.objects.filter(pk=never_reached.pk).update(last_reached_on=DAYS[2])

    assert repair_reached() == 3
    assert copies(right) == (DAYS[1], DAYS[1])
    assert copies(first_wrong) == (DAYS[0], DAYS[0])
    assert copies(none_kept) == (DAYS[1], DAYS[1])
    assert copies(never_reached) == (None, None)
    assert "reach copies of 3 households were out of step" in caplog.text
    assert repair_reached() == 0  # nothing left to set right
