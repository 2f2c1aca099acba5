import datetime

import pytest

from tests.factories_visits import FollowUpFactory, LoggedVisitFactory
from visits.models import Visit
from visits.services import visit_notes_erase_expired
from visits.services.retention import notes_cutoff
from visits.weeks import local_datetime

pytestmark = pytest.mark.django_db

NOW = local_datetime(datetime.date(2026, 11, 23), 3)


def _visit(logged_on, **kwargs):
    return LoggedVisitFactory(
        planned_for=logged_on, logged_at=local_datetime(logged_on, 17), **kwargs
    )


def test_the_cutoff_follows_the_setting(settings):
    assert notes_cutoff(NOW) == local_datetime(datetime.date(2024, 11, 23))
    settings.VISIT_NOTES_RETENTION_MONTHS = 6
    assert notes_cutoff(NOW) == local_datetime(datetime.date(2026, 5, 23))


def test_old_notes_are_erased_and_the_visit_stays_for_the_statistics():
    old = _visit(datetime.date(2024, 11, 22), satisfaction=6)
    edge = _visit(datetime.date(2024, 11, 23))  # logged after midnight of the cutoff day
    recent = _visit(datetime.date(2026, 1, 10))
    closed = FollowUpFactory(visit=old, closed_at=NOW, close_note="Gerepareerd")
    still_open = FollowUpFactory(visit=old)

    assert visit_notes_erase_expired(now=NOW) == 1

    old.refresh_from_db()
    assert old.notes == "" and old.notes_erased_at == NOW
    assert (old.status, old.outcome, old.satisfaction, old.visited_on) == (
        Visit.Status.LOGGED,
        Visit.Outcome.VISITED,
        6,
        datetime.date(2024, 11, 22),
    )
    edge.refresh_from_db()
    recent.refresh_from_db()
    assert edge.notes and recent.notes and edge.notes_erased_at is None
    closed.refresh_from_db()
    still_open.refresh_from_db()
    assert closed.description == "" and closed.close_note == ""
    assert still_open.description == "Lekkende kraan."  # work still to do


def test_running_again_changes_nothing_and_late_closes_are_erased_too():
    old = _visit(datetime.date(2023, 5, 1))
    follow_up = FollowUpFactory(visit=old)
    assert visit_notes_erase_expired(now=NOW) == 1
    assert visit_notes_erase_expired(now=NOW + datetime.timedelta(days=1)) == 0
    old.refresh_from_db()
    assert old.notes_erased_at == NOW  # not moved by the second run

    follow_up.closed_at, follow_up.close_note = NOW, "Gedaan"
    follow_up.save()
    visit_notes_erase_expired(now=NOW + datetime.timedelta(days=2))
    follow_up.refresh_from_db()
    assert follow_up.description == "" and follow_up.close_note == ""
