"""Double submits and colleagues racing, on PostgreSQL where requests really run in parallel."""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from tests.factories import HouseholdFactory, StaffFactory
from tests.factories_visits import VisitFactory
from visits import services
from visits.models import FollowUp, Visit
from visits.services import FollowUpInput

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _race(*calls):
    """Run the calls at the same moment in threads; returns (results, errors)."""
    barrier = threading.Barrier(len(calls))
    results, errors = [], []

    def run(call):
        barrier.wait()
        try:
            results.append(call())
        except ValidationError as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


def test_two_taps_on_save_log_the_visit_once(migration_data):
    visit = VisitFactory()
    today = timezone.localdate()

    def log():
        return services.visit_log(
            visit=Visit.objects.get(pk=visit.pk),
            by=visit.employee,
            outcome="visited",
            visited_on=today,
            satisfaction=7,
            follow_ups=[FollowUpInput(kind=FollowUp.Kind.GIFT, description="Bloemen")],
        )

    results, errors = _race(log, log)
    assert len(results) == 1 and [e.code for e in errors] == ["already_logged"]
    assert Visit.objects.get().status == "logged" and FollowUp.objects.count() == 1


def test_two_colleagues_planning_the_same_household_get_one_visit(migration_data):
    household = HouseholdFactory()
    first, second = StaffFactory.create_batch(2)
    day = timezone.localdate() + datetime.timedelta(days=1)

    def plan(employee):
        return lambda: services.visit_plan(
            employee=employee, household=household, kind="regular", planned_for=day
        )

    results, errors = _race(plan(first), plan(second))
    assert len(results) == 1 and len(errors) == 1
    # The threads run without the test's English override: the message comes in Dutch.
    assert "al een bezoek bij dit huishouden gepland" in errors[0].messages[0]
    assert Visit.objects.count() == 1
