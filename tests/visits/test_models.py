import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from tests.factories_visits import (
    FollowUpFactory,
    LoggedVisitFactory,
    NeighbourhoodCoordinatorFactory,
    NoteAccessFactory,
    VisitFactory,
    VisitRequestFactory,
)
from visits.models import Visit, VisitRequest
from visits.weeks import local_datetime, local_today, months_before, week_key, week_start

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 11, 23)


def _violates(func, name):
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        func()
    assert name in str(error.value) or "CHECK" in str(error.value) or "UNIQUE" in str(error.value)


def test_satisfaction_is_kept_between_one_and_ten_by_the_database():
    visit = LoggedVisitFactory()
    for bad in (0, 11):
        _violates(
            lambda bad=bad: Visit.objects.filter(pk=visit.pk).update(satisfaction=bad),
            "visits_visit_satisfaction_1_to_10",
        )


def test_satisfaction_only_when_someone_was_visited():
    _violates(
        lambda: LoggedVisitFactory(outcome=Visit.Outcome.NOBODY_HOME, satisfaction=7),
        "visits_visit_satisfaction_only_when_visited",
    )


def test_a_planned_visit_has_no_outcome_and_a_logged_one_has_all_facts():
    _violates(
        lambda: VisitFactory(outcome=Visit.Outcome.VISITED), "visits_visit_outcome_matches_status"
    )
    _violates(lambda: LoggedVisitFactory(logged_at=None), "visits_visit_outcome_matches_status")


def test_one_planned_visit_per_household():
    visit = VisitFactory()
    _violates(
        lambda: VisitFactory(household=visit.household), "visits_visit_one_planned_per_household"
    )
    # Logged visits to the same household are history, not plans.
    LoggedVisitFactory.create_batch(2, household=visit.household)


def test_one_open_request_per_household_and_scores_in_range():
    request = VisitRequestFactory()
    _violates(
        lambda: VisitRequestFactory(resident=request.resident),
        "visits_visitrequest_one_open_per_household",
    )
    VisitRequest.objects.filter(pk=request.pk).update(status="done")
    VisitRequestFactory(resident=request.resident)  # a new question after the visit
    _violates(
        lambda: VisitRequest.objects.filter(pk=request.pk).update(feedback_score=11),
        "visits_visitrequest_score_1_to_10",
    )


def test_feedback_only_on_a_done_request():
    request = VisitRequestFactory()
    _violates(
        lambda: VisitRequest.objects.filter(pk=request.pk).update(feedback_at=timezone.now()),
        "visits_visitrequest_feedback_only_when_done",
    )


def test_a_close_note_only_on_a_closed_follow_up():
    _violates(
        lambda: FollowUpFactory(close_note="Gedaan"), "visits_followup_close_note_only_when_closed"
    )


def test_querysets_and_str():
    planned = VisitFactory(planned_for=MONDAY + datetime.timedelta(days=2))
    made = LoggedVisitFactory(planned_for=MONDAY, employee=planned.employee)
    cancelled = LoggedVisitFactory(
        planned_for=MONDAY, outcome=Visit.Outcome.CANCELLED, satisfaction=None
    )
    LoggedVisitFactory(planned_for=MONDAY - datetime.timedelta(days=1))  # last week
    assert set(Visit.objects.in_week(MONDAY + datetime.timedelta(days=6))) == {
        planned,
        made,
        cancelled,
    }
    assert set(Visit.objects.counted().filter(visited_on__gte=MONDAY)) == {made}
    assert made.counts_for_duty and not cancelled.counts_for_duty
    assert str(made) and str(FollowUpFactory()) and str(VisitRequestFactory())
    assert str(NoteAccessFactory()) and str(NeighbourhoodCoordinatorFactory())


def test_iso_weeks_across_the_year_and_midnight_in_amsterdam():
    assert week_key(datetime.date(2026, 12, 31)) == "2026-W53"
    assert week_key(datetime.date(2027, 1, 4)) == "2027-W01"
    assert week_start(datetime.date(2026, 3, 29)) == datetime.date(2026, 3, 23)
    # Monday 00:30 in Amsterdam is still Sunday in UTC, in winter and summer time.
    for monday in (datetime.date(2026, 3, 30), datetime.date(2026, 11, 2)):
        moment = local_datetime(monday, 0, 30)
        assert moment.astimezone(datetime.UTC).date() == monday - datetime.timedelta(days=1)
        assert week_key(local_today(moment)) == week_key(monday)


def test_months_before_keeps_the_day_or_takes_the_last_of_the_month():
    assert months_before(datetime.date(2026, 11, 23), 24) == datetime.date(2024, 11, 23)
    assert months_before(datetime.date(2026, 3, 31), 1) == datetime.date(2026, 2, 28)
    assert months_before(datetime.date(2026, 2, 28), 24) == datetime.date(2024, 2, 28)
    assert months_before(datetime.date(2026, 1, 15), 1) == datetime.date(2025, 12, 15)
