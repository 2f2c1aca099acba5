import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from tests.factories import HouseholdFactory, StaffFactory, TalentFactory, TeamFactory
from tests.factories_visits import (
    FollowUpFactory,
    LoggedVisitFactory,
    NeighbourhoodCoordinatorFactory,
    VisitFactory,
    VisitRequestFactory,
)
from visits import services
from visits.models import FollowUp, NoteAccess, Visit, VisitRequest
from visits.services import FollowUpInput

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 25)  # a Wednesday
NOW = timezone.make_aware(datetime.datetime(2026, 11, 25, 15, 0))


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _log(visit, by=None, **kwargs):
    data = {
        "visit": visit,
        "by": by or visit.employee,
        "outcome": Visit.Outcome.VISITED,
        "visited_on": TODAY,
        "notes": "Tevreden.",
        "satisfaction": 8,
        "now": NOW,
    }
    return services.visit_log(**(data | kwargs))


def _plan(employee, household, planned_for=TODAY, kind=Visit.Kind.REGULAR):
    return services.visit_plan(
        employee=employee, household=household, kind=kind, planned_for=planned_for, today=TODAY
    )


# Planning ------------------------------------------------------------------------------------


def test_plan_a_visit(employee, household):
    visit = _plan(employee, household, TODAY + datetime.timedelta(days=2))
    assert visit.is_planned and visit.employee == employee and visit.household == household


@pytest.mark.parametrize(
    ("days", "message"),
    [(-1, "Choose today or a later date."), (366, "Choose a date within a year from today.")],
)
def test_plan_refuses_dates_in_the_past_or_far_ahead(employee, household, days, message):
    with pytest.raises(ValidationError, match=message):
        _plan(employee, household, TODAY + datetime.timedelta(days=days))
    assert not Visit.objects.exists()


def test_plan_twice_the_same_is_one_visit_and_another_plan_is_refused(
    employee, colleague, household
):
    first = _plan(employee, household)
    assert _plan(employee, household) == first  # a double-submitted form
    with pytest.raises(ValidationError, match="You already planned a visit"):
        _plan(employee, household, TODAY + datetime.timedelta(days=1))
    with pytest.raises(ValidationError, match="Jeroen Visser already planned a visit"):
        _plan(colleague, household)
    assert Visit.objects.count() == 1


def test_plan_refuses_an_ended_tenancy_and_non_employees(employee, tenant):
    ended = HouseholdFactory(tenancy_end=TODAY)
    with pytest.raises(ValidationError, match="tenancy has ended"):
        _plan(employee, ended, TODAY + datetime.timedelta(days=1))
    with pytest.raises(ValidationError, match="Only employees"):
        _plan(tenant.user, tenant.household)


def test_planning_a_household_that_asked_links_the_request(employee, tenant):
    request = VisitRequestFactory(resident=tenant)
    visit = _plan(employee, tenant.household)
    request.refresh_from_db()
    assert visit.request == request and request.status == VisitRequest.Status.PLANNED


# Logging -------------------------------------------------------------------------------------


def test_log_a_visit_with_follow_ups(employee):
    visit = VisitFactory(employee=employee, planned_for=TODAY)
    _log(
        visit,
        follow_ups=[
            FollowUpInput(kind=FollowUp.Kind.MAINTENANCE, description="Lekkende kraan"),
            FollowUpInput(kind=FollowUp.Kind.GIFT, description="Bloemen"),
        ],
    )
    visit.refresh_from_db()
    assert visit.status == Visit.Status.LOGGED and visit.outcome == Visit.Outcome.VISITED
    assert visit.satisfaction == 8 and visit.logged_at == NOW and visit.visited_on == TODAY
    follow_ups = {f.kind: f for f in visit.follow_ups.all()}
    assert follow_ups["maintenance"].owner == employee
    assert follow_ups["maintenance"].due_on == TODAY + datetime.timedelta(days=7)
    assert follow_ups["gift"].due_on == TODAY + datetime.timedelta(days=14)


def test_logging_twice_changes_nothing_the_second_time(employee):
    visit = VisitFactory(employee=employee, planned_for=TODAY)
    follow_up = [FollowUpInput(kind=FollowUp.Kind.REFERRAL, description="Wijkteam")]
    _log(visit, follow_ups=follow_up)
    with pytest.raises(ValidationError, match="already logged") as error:
        _log(visit, notes="Anders", satisfaction=3, follow_ups=follow_up)
    assert error.value.code == "already_logged"
    visit.refresh_from_db()
    assert visit.notes == "Tevreden." and visit.satisfaction == 8
    assert Visit.objects.count() == 1 and FollowUp.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"visited_on": TODAY + datetime.timedelta(days=15)}, "cannot be in the future"),
        ({"visited_on": TODAY + datetime.timedelta(days=1)}, "cannot be in the future"),
        ({"satisfaction": 11}, "Satisfaction is a number from 1 to 10."),
        ({"satisfaction": 0}, "Satisfaction is a number from 1 to 10."),
        ({"outcome": "eaten"}, "Choose what happened."),
        ({"notes": "x" * 2001}, "Keep the notes short"),
        (
            {"follow_ups": [FollowUpInput(kind=FollowUp.Kind.TALENT_SIGNAL)]},
            "Write what the resident would like to help with.",
        ),
    ],
)
def test_bad_log_input_is_refused_and_nothing_changes(employee, changes, message):
    visit = VisitFactory(employee=employee, planned_for=TODAY)
    with pytest.raises(ValidationError, match=message):
        _log(visit, **changes)
    visit.refresh_from_db()
    assert visit.is_planned and not FollowUp.objects.exists()


def test_nobody_can_log_someone_elses_visit(employee, colleague, manager, team):
    visit = VisitFactory(employee=employee, planned_for=TODAY)
    for other in (colleague, manager):
        with pytest.raises(ValidationError, match="Only Jeroen Visser can log this visit."):
            _log(visit, by=other)
    visit.refresh_from_db()
    assert visit.is_planned


def test_satisfaction_is_only_kept_when_someone_was_visited(employee):
    visit = VisitFactory(employee=employee, planned_for=TODAY)
    _log(visit, outcome=Visit.Outcome.NOBODY_HOME, satisfaction=9)
    visit.refresh_from_db()
    assert visit.satisfaction is None and visit.counts_for_duty


def test_a_request_is_done_after_a_visit_and_waits_again_after_nobody_home(employee, tenant):
    request = VisitRequestFactory(resident=tenant)
    visit = _plan(employee, tenant.household)
    _log(visit, outcome=Visit.Outcome.NOBODY_HOME, satisfaction=None)
    request.refresh_from_db()
    assert request.status == VisitRequest.Status.OPEN

    again = _plan(employee, tenant.household)
    assert again.request == request
    _log(again)
    request.refresh_from_db()
    assert request.status == VisitRequest.Status.DONE and request.done_at == NOW


# Talent signals ------------------------------------------------------------------------------


def _talent_visit(employee, household):
    visit = VisitFactory(employee=employee, household=household, planned_for=TODAY)
    _log(
        visit,
        follow_ups=[FollowUpInput(kind=FollowUp.Kind.TALENT_SIGNAL, description="schilderen")],
    )
    return visit.follow_ups.get()


def test_a_talent_signal_without_an_account_goes_to_the_neighbourhood_coordinator(
    employee, coordinator, household
):
    NeighbourhoodCoordinatorFactory(
        neighbourhood=household.dwelling.complex.neighbourhood, coordinator=coordinator
    )
    follow_up = _talent_visit(employee, household)
    assert follow_up.owner == coordinator and follow_up.is_open
    assert follow_up.invitations_sent == 0


def test_without_a_coordinator_the_task_goes_to_the_team_manager_or_the_author(
    employee, manager, team
):
    assert _talent_visit(employee, HouseholdFactory()).owner == manager
    loner = StaffFactory(team=TeamFactory())  # a team without a manager
    assert _talent_visit(loner, HouseholdFactory()).owner == loner


def test_a_talent_signal_with_an_account_invites_through_the_roles_service(
    employee, tenant, monkeypatch
):
    calls = []

    def invitation_create_for_talent(**kwargs):
        calls.append(kwargs)
        return ["invitation 1", "invitation 2"]

    monkeypatch.setattr(
        "roles.services.invitation_create_for_talent", invitation_create_for_talent, raising=False
    )
    talent = TalentFactory(name="schilderen")
    visit = VisitFactory(employee=employee, household=tenant.household, planned_for=TODAY)
    _log(
        visit,
        follow_ups=[
            FollowUpInput(kind=FollowUp.Kind.TALENT_SIGNAL, description="schilderen", talent=talent)
        ],
    )
    assert calls == [
        {
            "resident": tenant,
            "talent_text": "schilderen",
            "talent": talent,
            "invited_by": employee,
            "source_visit": visit,
        }
    ]
    follow_up = visit.follow_ups.get()
    assert follow_up.invitations_sent == 2 and not follow_up.is_open
    assert follow_up.close_note == "Invited Fatima el Amrani to 2 matching openings."


@pytest.mark.parametrize("service", ["missing", "finds nothing", "broken"])
def test_without_a_working_roles_service_the_signal_becomes_a_task(
    employee, manager, team, tenant, monkeypatch, service
):
    import roles.services

    if service == "missing":
        monkeypatch.delattr(roles.services, "invitation_create_for_talent", raising=False)
    elif service == "finds nothing":
        monkeypatch.setattr(
            roles.services, "invitation_create_for_talent", lambda **kw: [], raising=False
        )
    else:

        def broken(**kwargs):
            raise RuntimeError("roles app is down")

        monkeypatch.setattr(roles.services, "invitation_create_for_talent", broken, raising=False)
    follow_up = _talent_visit(employee, tenant.household)
    assert follow_up.owner == manager and follow_up.is_open
    assert Visit.objects.get().status == Visit.Status.LOGGED  # the log itself is kept


# Follow-ups ----------------------------------------------------------------------------------


def test_the_owner_closes_a_follow_up_once_with_a_note(employee, colleague):
    follow_up = FollowUpFactory(owner=employee)
    with pytest.raises(ValidationError, match="Only the owner"):
        services.follow_up_close(follow_up=follow_up, by=colleague, note="Gedaan")
    with pytest.raises(ValidationError, match="Write in a few words what was done."):
        services.follow_up_close(follow_up=follow_up, by=employee, note="  ")
    services.follow_up_close(follow_up=follow_up, by=employee, note="Gerepareerd", now=NOW)
    follow_up.refresh_from_db()
    assert follow_up.closed_at == NOW and follow_up.close_note == "Gerepareerd"
    with pytest.raises(ValidationError, match="already closed"):
        services.follow_up_close(follow_up=follow_up, by=employee, note="Nog eens")


# Requests ------------------------------------------------------------------------------------


def test_a_tenant_asks_once_at_a_time(tenant, home_seeker):
    request = services.visit_request_create(resident=tenant, topic="  Vocht  ")
    assert request.topic == "Vocht" and request.household == tenant.household
    with pytest.raises(ValidationError, match="already asked for a visit"):
        services.visit_request_create(resident=tenant, topic="Nog iets")
    with pytest.raises(ValidationError, match="Only tenants"):
        services.visit_request_create(resident=home_seeker, topic="Vocht")
    with pytest.raises(ValidationError, match="Write in a few words"):
        VisitRequest.objects.all().delete()
        services.visit_request_create(resident=tenant, topic="")


def test_feedback_once_after_the_visit(tenant, other_tenant):
    request = VisitRequestFactory(resident=tenant)
    with pytest.raises(ValidationError, match="once the visit has taken place"):
        services.visit_request_feedback(request=request, resident=tenant, score=8)
    VisitRequest.objects.filter(pk=request.pk).update(status="done", done_at=NOW)
    request.refresh_from_db()
    with pytest.raises(ValidationError, match="your own request"):
        services.visit_request_feedback(request=request, resident=other_tenant, score=8)
    with pytest.raises(ValidationError, match="from 1 to 10"):
        services.visit_request_feedback(request=request, resident=tenant, score=12)
    services.visit_request_feedback(request=request, resident=tenant, feedback="Fijn", score=9)
    assert request.feedback_score == 9 and request.feedback == "Fijn"
    with pytest.raises(ValidationError, match="already reacted"):
        services.visit_request_feedback(request=request, resident=tenant, score=3)


# Reading notes -------------------------------------------------------------------------------


def test_reading_notes_is_recorded_for_everyone_but_the_author(employee, manager):
    visit = LoggedVisitFactory(employee=employee)
    assert services.visit_notes_read(visit=visit, user=employee) is None
    services.visit_notes_read(visit=visit, user=manager, now=NOW)
    assert list(NoteAccess.objects.values_list("visit", "user", "at")) == [
        (visit.pk, manager.pk, NOW)
    ]


def test_a_talent_signal_invites_to_a_matching_opening_with_the_real_roles_service(
    employee, coordinator, tenant
):
    roles_services = pytest.importorskip("roles.services")
    if not hasattr(roles_services, "invitation_create_for_talent"):
        pytest.skip("needs roles invitations (issue 5)")
    from roles.models import Invitation, Opening
    from tests.factories import RoleFactory

    talent = TalentFactory(name="schilderen")
    role = RoleFactory(name="Schilder")
    role.talents.add(talent)
    opening = Opening.objects.create(role=role, places=2, coordinator=coordinator)
    visit = VisitFactory(employee=employee, household=tenant.household, planned_for=TODAY)
    _log(
        visit,
        follow_ups=[
            FollowUpInput(kind=FollowUp.Kind.TALENT_SIGNAL, description="schilderen", talent=talent)
        ],
    )
    invitation = Invitation.objects.get()
    assert invitation.resident == tenant and invitation.opening == opening
    assert invitation.invited_by == employee
    assert visit.follow_ups.get().invitations_sent == 1
