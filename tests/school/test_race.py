"""Two people take the last place at the same moment: one gets it, one waits."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from school import services
from school.models import Enrollment
from tests.factories import ResidentFactory
from tests.factories_school import EnrollmentFactory, run_with_sessions


def at_once(*calls):
    """Run the calls in threads released together; returns their results or errors."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        barrier.wait()
        try:
            results[index] = call()
        except ValidationError as error:
            results[index] = error
        finally:
            connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_people_taking_the_last_place_give_one_place_and_one_waiting(migration_data):
    run = run_with_sessions(places=2)
    EnrollmentFactory(run=run)
    first, second = ResidentFactory().user, ResidentFactory().user
    results = at_once(
        lambda: services.enrollment_create(learner=first, run=run),
        lambda: services.enrollment_create(learner=second, run=run),
    )
    statuses = sorted(r.status for r in results)
    assert statuses == [Enrollment.Status.ENROLLED, Enrollment.Status.WAITLISTED]
    assert Enrollment.objects.filter(run=run).holding_place().count() == 2


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_double_click_enrols_once(migration_data):
    run = run_with_sessions(places=5)
    learner = ResidentFactory().user
    results = at_once(*[lambda: services.enrollment_create(learner=learner, run=run)] * 2)
    assert sum(isinstance(r, Enrollment) for r in results) == 1
    assert sum(isinstance(r, ValidationError) for r in results) == 1
    assert Enrollment.objects.filter(learner=learner).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_withdrawal_and_an_enrolment_at_once_never_overfill(migration_data):
    run = run_with_sessions(places=1)
    holder = EnrollmentFactory(run=run)
    waiting = EnrollmentFactory(run=run, status="waitlisted")
    newcomer = ResidentFactory().user
    at_once(
        lambda: services.enrollment_withdraw(enrollment=holder),
        lambda: services.enrollment_create(learner=newcomer, run=run),
    )
    assert Enrollment.objects.filter(run=run).holding_place().count() == 1
    # In either order the place goes to whoever was waiting first; the newcomer waits.
    waiting.refresh_from_db()
    assert waiting.status == Enrollment.Status.ENROLLED
    assert Enrollment.objects.get(learner=newcomer).status == Enrollment.Status.WAITLISTED
