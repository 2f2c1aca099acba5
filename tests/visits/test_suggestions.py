import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from porous.models import GroupName
from tests.factories import ComplexFactory, HouseholdFactory, StaffFactory, TeamFactory
from tests.factories_visits import (
    FollowUpFactory,
    LoggedVisitFactory,
    VisitFactory,
    VisitRequestFactory,
)
from visits.models import Visit
from visits.suggestions import suggestions_for

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 25)
DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _reasons(suggestions):
    return {s.household.pk: s.reasons for s in suggestions}


def _register():
    """One household for each reason, plus some that are not suggested at all."""
    complex_ = ComplexFactory()
    busy = HouseholdFactory(dwelling__complex=complex_)
    FollowUpFactory.create_batch(2, visit__household=busy, visit__planned_for=TODAY - 3 * DAY)
    return {
        "requested": VisitRequestFactory(topic="Vocht in de slaapkamer").household,
        "new": HouseholdFactory(tenancy_start=TODAY - 6 * 7 * DAY),
        "anniversary": HouseholdFactory(tenancy_start=datetime.date(2001, 11, 30)),
        "never": HouseholdFactory(tenancy_start=datetime.date(2015, 3, 1)),
        "longest": LoggedVisitFactory(planned_for=TODAY - 700 * DAY).household,
        "long": LoggedVisitFactory(planned_for=TODAY - 400 * DAY).household,
        "nearby": LoggedVisitFactory(
            planned_for=TODAY - 300 * DAY, household__dwelling__complex=complex_
        ).household,
        "busy": busy,
        "too_new": HouseholdFactory(tenancy_start=TODAY - 2 * 7 * DAY),
    }


def test_suggestions_come_in_the_order_of_the_brief_with_their_reasons(employee):
    households = _register()
    suggestions = suggestions_for(employee=employee, today=TODAY)
    expected = ["requested", "new", "anniversary", "never", "longest", "long"]
    assert [households[name].pk for name in expected] == [s.household.pk for s in suggestions]
    reasons = _reasons(suggestions)
    assert reasons[households["requested"].pk][0] == "Asked for a visit: “Vocht in de slaapkamer”"
    assert suggestions[0].kind == Visit.Kind.REQUESTED and suggestions[0].request
    assert reasons[households["new"].pk][0].startswith("New tenancy since")
    assert reasons[households["anniversary"].pk][0] == "Living here 25 years this month"
    assert "Never visited" in reasons[households["never"].pk]
    assert reasons[households["longest"].pk] == ["Last visit: 25 December 2024"]
    everything = _reasons(suggestions_for(employee=employee, today=TODAY, limit=20))
    assert households["busy"].pk not in everything  # visited three days ago
    assert not any(
        reason.startswith("New tenancy") for reason in everything.get(households["too_new"].pk, [])
    )


def test_complexes_with_open_follow_ups_are_suggested(employee):
    households = _register()
    suggestions = suggestions_for(employee=employee, today=TODAY, limit=20)
    assert _reasons(suggestions)[households["nearby"].pk] == ["2 open follow-ups in this complex"]


def test_households_planned_by_anyone_or_visited_recently_are_not_suggested(employee, colleague):
    request = VisitRequestFactory()
    never = HouseholdFactory()
    VisitFactory(employee=colleague, household=never, planned_for=TODAY + 2 * DAY)
    recent = LoggedVisitFactory(planned_for=TODAY - 20 * DAY).household
    suggestions = suggestions_for(employee=employee, today=TODAY, limit=20)
    assert [s.household for s in suggestions] == [request.household]
    VisitFactory(employee=colleague, household=request.household, planned_for=TODAY)
    request.status = "planned"
    request.save()
    assert suggestions_for(employee=employee, today=TODAY, limit=20) == []
    assert recent and never


def test_colleagues_in_a_team_get_different_households():
    team = TeamFactory()
    first, second = (StaffFactory(team=team, groups=[GroupName.EMPLOYEE]) for _ in range(2))
    HouseholdFactory.create_batch(12)  # all never visited
    mine = {s.household.pk for s in suggestions_for(employee=first, today=TODAY)}
    theirs = {s.household.pk for s in suggestions_for(employee=second, today=TODAY)}
    assert mine and theirs and not mine & theirs


def test_a_single_request_is_offered_to_every_colleague():
    team = TeamFactory()
    first, second = (StaffFactory(team=team, groups=[GroupName.EMPLOYEE]) for _ in range(2))
    request = VisitRequestFactory()
    for employee in (first, second):
        assert suggestions_for(employee=employee, today=TODAY)[0].household == request.household


def _count_queries(employee):
    with CaptureQueriesContext(connection) as queries:
        suggestions_for(employee=employee, today=TODAY)
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_register(employee, team):
    _register()
    cache.clear()
    # Worked out: the colleagues, one query per source (seven), the two checks, the chosen
    # households, and reading and filling the cache when it is the database. Kept:
    # colleagues, cache, the two checks and the chosen households.
    first = _count_queries(employee)
    kept = _count_queries(employee)  # the windows come from the cache
    for _ in range(4):
        _register()
    StaffFactory.create_batch(5, team=team)
    assert _count_queries(employee) == kept <= 5
    cache.clear()
    assert _count_queries(employee) == first <= 17


def test_kept_windows_still_leave_out_what_was_planned_meanwhile(employee, colleague):
    households = _register()
    before = [s.household.pk for s in suggestions_for(employee=employee, today=TODAY)]
    assert households["never"].pk in before
    VisitFactory(employee=colleague, household=households["never"], planned_for=TODAY)
    after = [s.household.pk for s in suggestions_for(employee=employee, today=TODAY)]
    assert households["never"].pk not in after
    assert households["longest"].pk in after


def test_kept_windows_leave_out_what_was_visited_tried_or_ended_meanwhile(employee, colleague):
    households = _register()
    before = {s.household.pk for s in suggestions_for(employee=employee, today=TODAY, limit=20)}
    assert {households[k].pk for k in ("never", "longest", "long", "anniversary")} <= before
    # The windows are kept; meanwhile a colleague reached one household, found nobody home
    # at another, and a third tenancy ended.
    LoggedVisitFactory(employee=colleague, household=households["never"], planned_for=TODAY)
    LoggedVisitFactory(
        employee=colleague,
        household=households["longest"],
        planned_for=TODAY - DAY,
        outcome=Visit.Outcome.NOBODY_HOME,
        satisfaction=None,
    )
    households["long"].tenancy_end = TODAY
    households["long"].save()
    after = {s.household.pk for s in suggestions_for(employee=employee, today=TODAY, limit=20)}
    assert after == before - {households[k].pk for k in ("never", "longest", "long")}


def test_an_open_request_is_offered_even_when_the_tenancy_has_ended(employee):
    request = VisitRequestFactory(resident__household__tenancy_end=TODAY - 10 * DAY)
    assert request.household.tenancy_end == TODAY - 10 * DAY
    suggested = suggestions_for(employee=employee, today=TODAY)
    assert [s.request for s in suggested] == [request]


def test_a_new_request_is_on_the_list_at_once(employee, tenant, django_capture_on_commit_callbacks):
    from visits.services import visit_request_create
    from visits.weeks import local_today

    _register()
    today = local_today()  # the service clears what was kept for today
    before = suggestions_for(employee=employee, today=today)  # the windows are now kept
    assert [s.kind for s in before].count(Visit.Kind.REQUESTED) == 1
    with django_capture_on_commit_callbacks(execute=True):
        visit_request_create(resident=tenant, topic="De lift doet het niet")
    requested = [
        s.household
        for s in suggestions_for(employee=employee, today=today)
        if s.kind == Visit.Kind.REQUESTED
    ]
    assert requested[1] == tenant.household
