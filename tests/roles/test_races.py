import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from roles import services
from roles.models import Application
from tests.factories import StaffFactory
from tests.factories_roles import ApplicationFactory, OpeningFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def run_together(*actions):
    barrier = threading.Barrier(len(actions))
    outcomes = [None] * len(actions)

    def run(i, action):
        barrier.wait()
        try:
            outcomes[i] = action()
        except ValidationError as error:
            outcomes[i] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_two_coordinators_accepting_the_last_place_one_wins(migration_data):
    opening = OpeningFactory(places=1)
    manager = StaffFactory(groups=["employee", "manager"])
    first, second = ApplicationFactory(opening=opening), ApplicationFactory(opening=opening)
    outcomes = run_together(
        lambda: services.application_accept(application=first, by=opening.coordinator),
        lambda: services.application_accept(application=second, by=manager),
    )
    errors = [o for o in outcomes if isinstance(o, ValidationError)]
    assert len(errors) == 1
    assert "plekken zijn bezet" in " ".join(errors[0].messages)  # Dutch: the default
    assert Application.objects.filter(opening=opening, status="active").count() == 1


def test_two_residents_joining_a_full_opening_at_once_get_positions_one_and_two(
    migration_data,
):
    from tests.factories import ResidentFactory

    opening = OpeningFactory(places=1)
    holder = ApplicationFactory(opening=opening)
    services.application_accept(application=holder, by=opening.coordinator)
    a, b = ResidentFactory(), ResidentFactory()
    outcomes = run_together(
        lambda: services.application_submit(resident=a, opening=opening),
        lambda: services.application_submit(resident=b, opening=opening),
    )
    assert [o.status for o in outcomes] == ["waitlisted", "waitlisted"]
    assert sorted(services.waitlist_position(o) for o in outcomes) == [1, 2]
