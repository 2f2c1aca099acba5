"""Double submits and colleagues racing, on PostgreSQL where requests really run in parallel."""

import datetime
import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from tests.factories import HouseholdFactory, StaffFactory
from tests.factories_visits import LoggedVisitFactory, VisitFactory
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


def _wait_until_another_backend_waits_for_a_lock(seconds=10):
    with connection.cursor() as cursor:
        for _ in range(seconds * 20):
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE wait_event_type = 'Lock' AND datname = current_database()"
            )
            if cursor.fetchone()[0]:
                return True
            time.sleep(0.05)
    return False


def test_two_visits_of_one_household_saved_at_once_both_reach_its_copies():
    """The second save's refresh of the household's copies waits for the first's row lock,
    then reads both visits. Without the lock its UPDATE would read the visits as they were
    before the first committed, wait for the row, and write copies without the first visit.
    (The lock leaves the key alone: the second visit's INSERT does not wait.)"""
    household, employee = HouseholdFactory(), StaffFactory()
    today = timezone.localdate()
    earlier, later = today - datetime.timedelta(days=20), today - datetime.timedelta(days=10)
    first_refreshed = threading.Event()
    blocked = []

    def first():
        try:
            with transaction.atomic():
                LoggedVisitFactory(household=household, employee=employee, planned_for=later)
                first_refreshed.set()  # the household's row is now locked until the commit
                blocked.append(_wait_until_another_backend_waits_for_a_lock())
        finally:
            connection.close()

    def second():
        try:
            assert first_refreshed.wait(10)
            LoggedVisitFactory(household=household, employee=employee, planned_for=earlier)
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert blocked == [True]  # the second refresh did wait for the first transaction
    household.refresh_from_db()
    assert (household.first_reached_on, household.last_reached_on) == (earlier, later)
