"""Downloading everything held about a person, for themselves and for an administrator."""

import json

import pytest
from django.urls import reverse

from porous.privacy.export import personal_data
from tests.factories import ResidentFactory

from .conftest import EMAIL, NAME, PHONE

pytestmark = pytest.mark.django_db
DOWNLOAD = reverse("privacy:my-data-download")
MY_DATA = reverse("privacy:my-data")
QUERIES = 13  # one per kind of record: see personal_data()


def test_a_resident_downloads_everything_about_them(client, person):
    client.force_login(person.user)
    response = client.get(DOWNLOAD)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"
    data = json.loads(response.content)
    assert data["profile"]["full_name"] == NAME and data["profile"]["email"] == EMAIL
    assert data["profile"]["resident"]["phone"] == PHONE
    assert data["profile"]["resident"]["talents"] == ["tuinieren"]
    assert data["household"]["contract_number"] == person.household.contract_number
    assert data["household"]["neighbourhood"] == "Lombok"
    assert {a["status"] for a in data["applications"]} == {"ended", "declined"}
    assert data["contributions"][0]["hours"] == "8.00"
    assert data["grants"][0]["amount"] == "40.00" and data["grants"][0]["status"] == "paid"
    assert data["invitations"][0]["message"].startswith("Beste")
    assert data["enrolments"][0]["status"] == "completed"
    assert data["enrolments"][0]["attendance"][0]["present"] is True
    assert data["certificates"][0]["name"] == NAME
    assert data["visit_requests"][0]["score"] == 9
    visits = data["household_visits"]
    assert visits[0]["notes_kept"] is True and visits[0]["follow_ups"] == ["talent_signal"]


def test_visit_notes_themselves_are_not_in_the_download(client, person):
    client.force_login(person.user)
    assert "Tevreden over de woning" not in client.get(DOWNLOAD).content.decode()


def test_a_fixed_number_of_queries_however_much_there_is(
    person, home_seeker, employee, django_assert_num_queries
):
    for user in (person.user, home_seeker.user, employee, ResidentFactory().user):
        with django_assert_num_queries(QUERIES):
            personal_data(user)


def test_an_employee_downloads_their_own_data_too(client, employee):
    client.force_login(employee)
    data = json.loads(client.get(DOWNLOAD).content)
    assert data["profile"]["email"] == employee.email
    assert "resident" not in data["profile"] and data["household"] is None


def test_access_and_methods(client, tenant):
    for url in (DOWNLOAD, MY_DATA):
        assert client.get(url)["Location"].startswith(reverse("account_login"))
    client.force_login(tenant.user)
    assert client.post(DOWNLOAD).status_code == 405
    assert client.post(MY_DATA).status_code == 405


def test_my_data_page_offers_the_download_and_for_residents_the_deletion(client, tenant, employee):
    client.force_login(tenant.user)
    client.cookies["django_language"] = "en"
    page = client.get(MY_DATA).text
    assert DOWNLOAD in page and reverse("privacy:account-delete") in page
    assert "Notes that employees wrote at a home visit are not in it" in page
    assert MY_DATA in client.get(reverse("tenants:profile-detail")).text
    client.force_login(employee)
    page = client.get(MY_DATA).text
    assert DOWNLOAD in page and reverse("privacy:account-delete") not in page


def test_an_administrator_downloads_one_persons_data_on_request(client, superuser, person):
    client.force_login(superuser)
    url = reverse("admin:porous_user_changelist")
    response = client.post(
        url, {"action": "export_personal_data", "_selected_action": [person.user_id]}
    )
    assert response.status_code == 200
    assert json.loads(response.content)["profile"]["full_name"] == NAME
    client.cookies["django_language"] = "en"
    response = client.post(
        url,
        {"action": "export_personal_data", "_selected_action": [person.user_id, superuser.pk]},
        follow=True,
    )
    assert "Choose exactly one person." in response.text
