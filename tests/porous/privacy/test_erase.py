"""Deleting an account: nothing personal is left anywhere, and the figures stay the same."""

import dataclasses
import datetime

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.sessions.models import Session
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from porous.dashboard.filters import Filters
from porous.dashboard.selectors.duty import duty
from porous.dashboard.selectors.people import representativeness
from porous.dashboard.selectors.rewards import rewards
from porous.dashboard.selectors.roles import ladder, matrix
from porous.dashboard.selectors.school import school
from porous.dashboard.selectors.visits import follow_ups, reach, satisfaction
from porous.models import User
from porous.privacy.erase import ERASED, account_erase
from rewards.models import Grant
from roles.models import Application
from school.models import Certificate, Enrollment
from tenants.models import Resident
from tests.factories import PASSWORD, ResidentFactory
from tests.factories_roles import ApplicationFactory, OpeningFactory
from tests.factories_school import CourseSessionFactory, EnrollmentFactory
from visits.models import Visit, VisitRequest

from .conftest import EMAIL, LAST_YEAR, NAME, PHONE, TODAY

pytestmark = pytest.mark.django_db
DELETE = reverse("privacy:account-delete")


def columns_containing(text):
    """Every column of every table, whatever its type, searched as text."""
    quote = connection.ops.quote_name
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                cursor.execute(
                    f"SELECT COUNT(*) FROM {quote(table)} "
                    f"WHERE LOWER(CAST({quote(column.name)} AS TEXT)) LIKE %s",
                    [f"%{text.lower()}%"],
                )
                if cursor.fetchone()[0]:
                    found.append(f"{table}.{column.name}")
    return found


def figures(filters):
    """Every number the dashboard shows for these filters (names left out)."""
    money = rewards(filters)
    return {
        "duty": dataclasses.asdict(duty(filters)),
        "people": dataclasses.asdict(representativeness(filters)),
        "budgets": [dataclasses.astuple(row) for row in money.budgets],
        "near": [dataclasses.replace(row, name="") for row in money.near],
        "matrix": [dataclasses.asdict(cell) for cell in matrix(filters)],
        "ladder": dataclasses.asdict(ladder(filters)),
        "school": dataclasses.asdict(school(filters)),
        "reach": [dataclasses.asdict(row) for row in reach(filters)],
        "follow_ups": [dataclasses.asdict(row) for row in follow_ups(filters)],
        "satisfaction": dataclasses.asdict(satisfaction(filters)),
    }


def test_the_search_finds_the_person_before(person):
    # The check below means something only if the search finds them beforehand.
    for text in (NAME, "Zwanenburg", EMAIL, PHONE, "192.0.2.7"):
        assert columns_containing(text), text
    assert "auditlog_logentry.object_repr" in columns_containing("Zwanenburg")
    assert "auditlog_logentry.actor_email" in columns_containing(EMAIL)


def test_deleting_my_account_leaves_nothing_personal_anywhere(client, person):
    client.force_login(person.user)
    page = client.get(DELETE)
    assert page.status_code == 200
    response = client.post(DELETE, {"password": PASSWORD})
    assert response.status_code == 302 and response.url == reverse("home")
    assert "_auth_user_id" not in client.session

    for text in (NAME, "Zwanenburg", EMAIL, PHONE, "192.0.2.7", "Papiaments", "Dinsdagavond"):
        assert columns_containing(text) == [], text

    user = User.objects.get(pk=person.user_id)
    assert not user.is_active and not user.has_usable_password()
    assert user.full_name == ERASED and user.email.endswith("@invalid")
    assert not user.groups.exists()
    assert not EmailAddress.objects.filter(user=user).exists()
    assert not Authenticator.objects.filter(user=user).exists()
    resident = Resident.objects.get(pk=person.pk)
    assert resident.household is None and resident.erased_at is not None
    assert resident.erased_neighbourhood.name == "Lombok"
    assert resident.birth_date == datetime.date(1999, 1, 1)
    assert not resident.talents.exists()
    # Paid grants stay for the tax office, with their amount, without the person.
    grant = Grant.objects.get(resident=resident)
    assert grant.status == Grant.Status.PAID and grant.amount == 40
    assert not VisitRequest.objects.exists()
    assert Visit.objects.filter(household=person.household).exists()


def test_the_certificate_check_no_longer_shows_the_person(client, person):
    old_code = Certificate.objects.get().code
    assert NAME in client.get(reverse("certificates:certificate-verify", args=[old_code])).text
    account_erase(user=person.user)
    response = client.get(reverse("certificates:certificate-verify", args=[old_code]))
    assert response.status_code == 404
    assert Certificate.objects.get().learner_name == ERASED


@pytest.mark.parametrize("neighbourhood", [False, True])
def test_the_dashboard_figures_are_the_same_before_and_after(person, neighbourhood):
    filters = Filters(start=LAST_YEAR - datetime.timedelta(days=30), end=TODAY, today=TODAY)
    if neighbourhood:
        filters = filters.narrowed(neighbourhood=person.household.dwelling.complex.neighbourhood)
    ResidentFactory()  # someone else, so the figures are not only this person's
    before = figures(filters)
    assert before["people"]["tenants"]["participants"]["counts"]["25-34"] == 1
    account_erase(user=person.user)
    assert figures(filters) == before


def test_running_roles_and_courses_stop_and_the_waiting_lists_move(person, other_tenant):
    opening = OpeningFactory(places=1)
    active = ApplicationFactory(resident=person, opening=opening, status="active", started_on=TODAY)
    waiting = ApplicationFactory(
        resident=other_tenant, opening=opening, status="waitlisted", waitlisted_at=timezone.now()
    )
    pending = ApplicationFactory(resident=person)
    future = CourseSessionFactory()
    enrolled = EnrollmentFactory(learner=person.user, run=future.run)
    account_erase(user=person.user)
    statuses = dict(Application.objects.values_list("pk", "status"))
    assert statuses[active.pk] == "ended" and statuses[pending.pk] == "withdrawn"
    assert statuses[waiting.pk] == "offered"
    assert Enrollment.objects.get(pk=enrolled.pk).status == "withdrawn"


def test_a_wrong_password_deletes_nothing(client, person):
    client.force_login(person.user)
    response = client.post(DELETE, {"password": "niet-mijn-wachtwoord"})
    assert response.status_code == 200
    assert response.context["form"].errors["password"]
    user = User.objects.get(pk=person.user_id)
    assert user.email == EMAIL and user.is_active


def test_it_is_all_or_nothing(client, person, monkeypatch):
    client.force_login(person.user)

    def broken(self):
        raise RuntimeError("the session store failed")

    monkeypatch.setattr(Session, "get_decoded", broken)
    with pytest.raises(RuntimeError):
        account_erase(user=person.user)
    user = User.objects.get(pk=person.user_id)
    assert user.email == EMAIL and user.full_name == NAME
    assert Resident.objects.get(pk=person.pk).household_id is not None
    assert VisitRequest.objects.exists()
    assert Certificate.objects.get().learner_name == NAME


def test_other_sessions_of_the_person_end_too(client, person):
    client.force_login(person.user)
    key = client.session.session_key
    account_erase(user=person.user)
    assert not Session.objects.filter(session_key=key).exists()


def test_access_and_methods(client, employee, person):
    assert client.get(DELETE)["Location"].startswith(reverse("account_login"))
    client.force_login(employee)
    assert client.get(DELETE).status_code == 403
    client.force_login(person.user)
    assert client.put(DELETE).status_code == 405


def test_an_administrator_erases_on_request_after_confirming(client, superuser, person):
    client.force_login(superuser)
    url = reverse("admin:porous_user_changelist")
    data = {"action": "erase_accounts", "_selected_action": [person.user_id, superuser.pk]}
    confirm = client.post(url, data)
    assert confirm.status_code == 200
    assert NAME in confirm.text and superuser.email not in confirm.text
    assert User.objects.get(pk=person.user_id).email == EMAIL
    response = client.post(url, {**data, "confirm": "yes"})
    assert response.status_code == 302
    assert columns_containing("Zwanenburg") == []
    assert User.objects.get(pk=superuser.pk).is_active


def test_erasing_twice_changes_nothing_more(person):
    account_erase(user=person.user)
    account_erase(user=person.user)
    assert User.objects.get(pk=person.user_id).full_name == ERASED
