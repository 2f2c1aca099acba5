import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from porous.models import User
from tenants.models import Resident
from tests.factories import HomeSeekerFactory, HouseholdFactory

SIGNUP = reverse("account_signup")


def tenant_data(household, **overrides):
    data = {
        "full_name": "Yusuf Demir",
        "email": "yusuf@example.nl",
        "password1": "Zonnebloem-Kade-42",
        "password2": "Zonnebloem-Kade-42",
        "kind": "tenant",
        "contract_number": household.contract_number,
        "postcode": f"{household.dwelling.postcode[:4]} {household.dwelling.postcode[4:].lower()}",
        "house_number": household.dwelling.house_number,
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_tenant_signup_links_the_household_and_sends_a_verification_mail(client):
    household = HouseholdFactory()
    response = client.post(SIGNUP, tenant_data(household))
    assert response.status_code == 302
    user = User.objects.get(email="yusuf@example.nl")
    assert user.full_name == "Yusuf Demir"
    assert user.resident.kind == Resident.Kind.TENANT
    assert user.resident.household == household
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["yusuf@example.nl"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "field, value",
    [("contract_number", "HC9999999"), ("postcode", "9999 ZZ"), ("house_number", 4242)],
)
def test_tenant_signup_with_a_wrong_combination_creates_nothing(client, field, value):
    household = HouseholdFactory()
    response = client.post(SIGNUP, tenant_data(household, **{field: value}))
    assert response.status_code == 200
    assert "We kunnen geen huurcontract vinden" in response.content.decode()
    assert not User.objects.exists()
    assert not Resident.objects.exists()
    assert not mail.outbox


@pytest.mark.django_db
def test_tenant_signup_for_an_ended_tenancy_is_refused(client):
    household = HouseholdFactory(tenancy_end="2020-01-01")
    response = client.post(SIGNUP, tenant_data(household))
    assert response.status_code == 200
    assert not User.objects.exists()


@pytest.mark.django_db
def test_tenant_signup_needs_the_three_facts(client):
    household = HouseholdFactory()
    response = client.post(
        SIGNUP, tenant_data(household, contract_number="", postcode="", house_number="")
    )
    assert response.status_code == 200
    assert (
        response.content.decode().count("Vul dit in om uw account aan uw woning te koppelen") == 3
    )
    assert not User.objects.exists()


@pytest.mark.django_db
def test_home_seeker_signup_keeps_the_registration_number(client):
    response = client.post(
        SIGNUP,
        {
            "full_name": "Lotte Jansen",
            "email": "lotte@example.nl",
            "password1": "Zonnebloem-Kade-42",
            "password2": "Zonnebloem-Kade-42",
            "kind": "home_seeker",
            "registration_number": "wz-778812",
        },
    )
    assert response.status_code == 302
    resident = Resident.objects.get(user__email="lotte@example.nl")
    assert resident.kind == Resident.Kind.HOME_SEEKER
    assert resident.household is None
    assert resident.registration_number == "WZ-778812"


@pytest.mark.django_db
def test_home_seeker_signup_refuses_a_taken_registration_number(client):
    HomeSeekerFactory(registration_number="WZ-1")
    response = client.post(
        SIGNUP,
        {
            "full_name": "Lotte Jansen",
            "email": "lotte@example.nl",
            "password1": "Zonnebloem-Kade-42",
            "password2": "Zonnebloem-Kade-42",
            "kind": "home_seeker",
            "registration_number": "wz-1",
        },
    )
    assert response.status_code == 200
    assert not User.objects.filter(email="lotte@example.nl").exists()


@pytest.mark.django_db
def test_signup_refuses_a_birth_date_in_the_future(client):
    household = HouseholdFactory()
    response = client.post(SIGNUP, tenant_data(household, birth_date="2999-01-01"))
    assert response.status_code == 200
    assert "toekomst" in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_signup_page_is_dutch_by_default_and_english_on_request(client):
    assert "Contractnummer" in client.get(SIGNUP).content.decode()
    client.cookies["django_language"] = "en"
    assert "Contract number" in client.get(SIGNUP).content.decode()
