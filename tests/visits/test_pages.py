"""The visit pages doing their work: happy paths, bad input, and what each page shows."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from tests.factories import HouseholdFactory, TalentFactory
from tests.factories_visits import (
    FollowUpFactory,
    LoggedVisitFactory,
    VisitFactory,
    VisitRequestFactory,
)
from visits.models import FollowUp, NoteAccess, Visit, VisitRequest

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def _messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def _log_data(**changes):
    data = {
        "outcome": "visited",
        "satisfaction": "8",
        "notes": "Gezellig gesprek.",
        "visited_on": timezone.localdate().isoformat(),
    }
    return data | changes


# Planning ------------------------------------------------------------------------------------


def test_plan_from_a_suggestion_and_land_on_my_week(english, employee, household):
    english.force_login(employee)
    url = reverse("visits:visit-plan", args=[household.pk])
    page = english.get(url + "?kind=welcome")
    assert page.context["form"].initial["kind"] == "welcome"
    day = timezone.localdate() + 2 * DAY
    response = english.post(url, {"kind": "welcome", "planned_for": day.isoformat()})
    assert response.status_code == 302 and response.url == reverse("visits:my-week")
    visit = Visit.objects.get()
    assert (visit.employee, visit.kind, visit.planned_for) == (employee, "welcome", day)
    assert "Visit planned for" in _messages(response)[0]
    # A second tap on the button makes no second visit.
    english.post(url, {"kind": "welcome", "planned_for": day.isoformat()})
    assert Visit.objects.count() == 1


def test_plan_and_log_at_once_when_you_are_at_the_door(english, employee, household):
    english.force_login(employee)
    response = english.post(
        reverse("visits:visit-plan", args=[household.pk]),
        {"kind": "regular", "planned_for": timezone.localdate().isoformat(), "log_now": "1"},
    )
    assert response.url == reverse("visits:visit-log", args=[Visit.objects.get().pk])


def test_plan_with_a_bad_date_shows_the_error_and_saves_nothing(
    english, employee, colleague, household
):
    english.force_login(employee)
    url = reverse("visits:visit-plan", args=[household.pk])
    yesterday = timezone.localdate() - DAY
    response = english.post(url, {"kind": "regular", "planned_for": yesterday.isoformat()})
    assert response.status_code == 200
    assert "Choose today or a later date." in response.content.decode()
    VisitFactory(employee=colleague, household=household)
    response = english.post(
        url, {"kind": "regular", "planned_for": timezone.localdate().isoformat()}
    )
    assert "Bram Jansen already planned a visit to this household" in response.content.decode()
    assert Visit.objects.count() == 1


def test_an_ended_tenancy_cannot_be_planned(english, employee):
    english.force_login(employee)
    ended = HouseholdFactory(tenancy_end=timezone.localdate() - DAY)
    assert english.get(reverse("visits:visit-plan", args=[ended.pk])).status_code == 404


def test_find_a_household_by_postcode_or_address(english, employee, colleague):
    home = HouseholdFactory(
        dwelling__postcode="3521AB", dwelling__house_number=12, dwelling__street="Kanaalweg"
    )
    HouseholdFactory(dwelling__postcode="3521AB", dwelling__house_number=14)
    VisitFactory(employee=colleague, household=home)
    english.force_login(employee)
    url = reverse("visits:household-search")
    for query, count in [("3521 ab", 2), ("3521AB 12", 1), ("kanaalweg 12", 1), ("Kanaal", 1)]:
        results = english.get(url, {"q": query}).context["results"]
        assert len(results) == count, query
    page = english.get(url, {"q": "3521AB 12"}).content.decode()
    assert "Planned by Bram Jansen" in page
    assert english.get(url, {"q": "9999ZZ"}).context["results"] == []


# Logging -------------------------------------------------------------------------------------


def test_log_a_visit_with_a_talent_signal_on_one_form(english, employee, manager, team):
    visit = VisitFactory(employee=employee)
    talent = TalentFactory(name="schilderen")
    english.force_login(employee)
    url = reverse("visits:visit-log", args=[visit.pk])
    page = english.get(url).content.decode()
    assert 'type="radio"' in page and 'name="satisfaction"' in page
    response = english.post(
        url,
        _log_data(
            follow_up_maintenance="Lekkende kraan",
            follow_up_talent_signal="de tuin bijhouden",
            talent=talent.pk,
        ),
    )
    assert response.status_code == 302
    assert response.url == reverse("visits:visit-detail", args=[visit.pk])
    visit.refresh_from_db()
    assert visit.status == "logged" and visit.satisfaction == 8
    kinds = dict(visit.follow_ups.values_list("kind", "owner"))
    # No account in this household: the talent signal is a task for the manager.
    assert kinds == {"maintenance": employee.pk, "talent_signal": manager.pk}


def test_a_double_submit_of_the_log_form_saves_one_visit(english, employee):
    visit = VisitFactory(employee=employee)
    english.force_login(employee)
    url = reverse("visits:visit-log", args=[visit.pk])
    data = _log_data(follow_up_gift="Bloemen")
    english.post(url, data)
    second = english.post(url, data | {"notes": "Anders"})
    assert second.url == reverse("visits:visit-detail", args=[visit.pk])
    assert "This visit is already logged. Nothing was changed." in _messages(second)
    assert Visit.objects.count() == 1 and FollowUp.objects.count() == 1
    assert Visit.objects.get().notes == "Gezellig gesprek."


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"visited_on": (timezone.localdate() + 15 * DAY).isoformat()}, "cannot be in the future"),
        ({"satisfaction": "11"}, "Choose a number from 1 to 10."),
        ({"satisfaction": "0"}, "Choose a number from 1 to 10."),
        ({"outcome": ""}, "Choose what happened."),
    ],
)
def test_bad_log_input_shows_a_clear_message_and_changes_nothing(
    english, employee, changes, message
):
    visit = VisitFactory(employee=employee)
    english.force_login(employee)
    response = english.post(reverse("visits:visit-log", args=[visit.pk]), _log_data(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    visit.refresh_from_db()
    assert visit.is_planned and not FollowUp.objects.exists()


def test_logging_someone_elses_visit(english, employee, colleague, manager, team):
    visit = VisitFactory(employee=employee)
    url = reverse("visits:visit-log", args=[visit.pk])
    english.force_login(colleague)
    assert english.post(url, _log_data()).status_code == 404
    english.force_login(manager)
    response = english.post(url, _log_data())
    assert response.url == reverse("visits:visit-detail", args=[visit.pk])
    assert _messages(response) == ["Only Jeroen Visser can log this visit."]
    visit.refresh_from_db()
    assert visit.is_planned


# Reading notes -------------------------------------------------------------------------------


def test_notes_are_shown_and_every_read_by_someone_else_is_recorded(
    english, employee, manager, permitted, team
):
    visit = LoggedVisitFactory(employee=employee, notes="Rouw, partner overleden.")
    url = reverse("visits:visit-detail", args=[visit.pk])
    for reader in (employee, manager, permitted, manager):
        english.force_login(reader)
        assert "Rouw, partner overleden." in english.get(url).content.decode()
    assert list(NoteAccess.objects.order_by("at", "pk").values_list("user", flat=True)) == [
        manager.pk,
        permitted.pk,
        manager.pk,
    ]


def test_erased_notes_say_so(english, employee):
    visit = LoggedVisitFactory(employee=employee, notes="", notes_erased_at=timezone.now())
    english.force_login(employee)
    page = english.get(reverse("visits:visit-detail", args=[visit.pk])).content.decode()
    assert "The notes were erased on" in page


# Follow-ups and the team ---------------------------------------------------------------------


def test_close_a_follow_up_with_a_note(english, employee):
    follow_up = FollowUpFactory(owner=employee)
    english.force_login(employee)
    assert follow_up.description in english.get(reverse("visits:followup-list")).content.decode()
    url = reverse("visits:followup-close", args=[follow_up.pk])
    response = english.post(url, {"note": ""})
    assert "Write in a few words what was done." in response.content.decode()
    response = english.post(url, {"note": "Monteur is geweest."})
    assert response.url == reverse("visits:followup-list")
    follow_up.refresh_from_db()
    assert follow_up.close_note == "Monteur is geweest." and follow_up.closed_at
    again = english.get(url)
    assert again.status_code == 302 and "already closed" in _messages(again)[-1]


def test_the_team_page_shows_each_member_by_week(english, employee, manager, team):
    LoggedVisitFactory(employee=employee, planned_for=timezone.localdate())
    english.force_login(manager)
    response = english.get(reverse("visits:team-overview"))
    row = next(r for r in response.context["overview"] if r.member == employee)
    assert row.weeks[-1][1:] == (1, True) and len(row.weeks) == 5


# Requests ------------------------------------------------------------------------------------


def test_a_tenant_asks_sees_the_plan_and_gives_feedback(english, tenant, employee):
    english.force_login(tenant.user)
    response = english.post(reverse("visits:request-create"), {"topic": "Vocht"})
    assert response.url == reverse("visits:request-list")
    request = VisitRequest.objects.get()
    page = english.get(reverse("visits:request-list")).content.decode()
    assert "Waiting: we will plan a visit soon." in page
    assert "Ask for a home visit" not in page.split("<main")[1]  # one request at a time

    day = timezone.localdate() + 3 * DAY
    visit = VisitFactory(employee=employee, household=tenant.household, planned_for=day)
    VisitRequest.objects.filter(pk=request.pk).update(status="planned")
    visit.request = request
    visit.save()
    page = english.get(reverse("visits:request-list")).content.decode()
    assert f"Planned: Jeroen comes by on {day:%A} {day.day} {day:%B}." in page

    Visit.objects.filter(pk=visit.pk).update(
        status="logged",
        outcome="visited",
        visited_on=timezone.localdate(),
        logged_at=timezone.now(),
    )
    VisitRequest.objects.filter(pk=request.pk).update(status="done", done_at=timezone.now())
    assert "Done: we visited you on" in english.get(reverse("visits:request-list")).content.decode()
    url = reverse("visits:request-feedback", args=[request.pk])
    response = english.post(url, {"score": "9", "feedback": "Fijn gesprek"})
    assert response.url == reverse("visits:request-list")
    request.refresh_from_db()
    assert (request.feedback_score, request.feedback) == (9, "Fijn gesprek")
    assert english.get(url).status_code == 302  # once


def test_asking_twice_shows_a_clear_message(english, tenant):
    VisitRequestFactory(resident=tenant)
    english.force_login(tenant.user)
    response = english.post(reverse("visits:request-create"), {"topic": "Nog iets"})
    assert "Your household has already asked for a visit." in response.content.decode()
    assert VisitRequest.objects.count() == 1


def test_the_menu_shows_my_week_to_employees_and_the_request_to_tenants(
    english, employee, tenant, home_seeker
):
    english.force_login(employee)
    page = english.get(reverse("visits:my-week")).content.decode()
    assert reverse("visits:my-week") in page and reverse("visits:request-list") not in page
    english.force_login(tenant.user)
    assert reverse("visits:request-list") in english.get(reverse("home")).content.decode()
    english.force_login(home_seeker.user)
    assert reverse("visits:request-list") not in english.get(reverse("home")).content.decode()
