"""Staff reach no page before they log in with two steps; residents are never forced."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse

from porous.mfa import code_for_secret, totp_code
from porous.models import GroupName
from tests.factories import PASSWORD, StaffFactory, UserFactory


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def newcomer(db):
    """An employee whose account was just made in the admin: no authenticator app yet."""
    return StaffFactory(full_name="Nieuwe Collega", groups=[GroupName.EMPLOYEE], totp=False)


def password_step(client, user, next_url=None):
    data = {"login": user.email, "password": PASSWORD}
    url = reverse("account_login") + (f"?next={next_url}" if next_url else "")
    return client.post(url, data)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "make",
    [
        lambda: StaffFactory(groups=[GroupName.EMPLOYEE], totp=False),
        lambda: StaffFactory(groups=[GroupName.COORDINATOR], totp=False),
        lambda: StaffFactory(groups=[GroupName.MANAGER], totp=False),
        lambda: StaffFactory(groups=[GroupName.ADMINISTRATOR], totp=False),
        lambda: UserFactory(is_staff=True, totp=False),
        lambda: UserFactory(is_superuser=True, totp=False),
    ],
    ids=["employee", "coordinator", "manager", "administrator", "is_staff", "superuser"],
)
def test_staff_without_an_app_are_sent_to_set_it_up(english, make):
    password_step(english, make())
    assert "_auth_user_id" in english.session

    for url in (reverse("visits:my-week"), reverse("home"), reverse("admin:index")):
        response = english.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("mfa_activate_totp")

    # allauth asks for the password again before an app is added, then shows the QR code.
    page = english.get(reverse("home"), follow=True)
    assert "Set up the app first." in page.text
    assert page.redirect_chain[-1][0].startswith(reverse("account_reauthenticate"))
    page = english.post(page.redirect_chain[-1][0], {"password": PASSWORD}, follow=True)
    assert page.redirect_chain[-1][0] == reverse("mfa_activate_totp")
    assert "Activate Authenticator App" in page.text


@pytest.mark.django_db
def test_staff_with_an_app_pass(client, employee, administrator):
    client.force_login(employee)
    assert client.get(reverse("visits:my-week")).status_code == 200
    client.force_login(administrator)
    assert client.get(reverse("admin:index")).status_code == 200


@pytest.mark.django_db
def test_residents_are_not_forced(client, tenant):
    # Members of the tenants' organisation are residents too.
    tenant.user.groups.add(Group.objects.get(name=GroupName.TENANTS_ORGANISATION))
    client.force_login(tenant.user)

    assert client.get(reverse("home")).status_code == 200
    assert client.get(reverse("roles:my-ladder")).status_code == 200
    assert not Authenticator.objects.filter(user=tenant.user).exists()


@pytest.mark.django_db
def test_account_pages_and_the_language_switch_stay_open(client, newcomer):
    client.force_login(newcomer)

    assert client.get(reverse("mfa_index")).status_code == 200
    assert client.get(reverse("account_change_password")).status_code == 200
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_rule_can_be_turned_off(client, newcomer, settings):
    settings.STAFF_MFA_REQUIRED = False
    client.force_login(newcomer)

    assert client.get(reverse("visits:my-week")).status_code == 200


@pytest.mark.django_db
def test_a_newcomer_sets_up_the_app_and_then_reaches_the_staff_pages(client, newcomer):
    response = password_step(client, newcomer)
    assert response.status_code == 302  # one step only: there is no app yet
    assert client.get(reverse("visits:my-week"))["Location"] == reverse("mfa_activate_totp")

    reauthenticate = client.get(reverse("mfa_activate_totp"))["Location"]
    client.post(reauthenticate, {"password": PASSWORD})
    client.get(reverse("mfa_activate_totp"))
    secret = client.session[SECRET_SESSION_KEY]
    response = client.post(reverse("mfa_activate_totp"), {"code": code_for_secret(secret)})

    assert response["Location"] == reverse("mfa_view_recovery_codes")
    assert client.get(reverse("visits:my-week")).status_code == 200


@pytest.mark.django_db
def test_staff_with_an_app_log_in_with_a_code(client, employee):
    response = password_step(client, employee, next_url=reverse("visits:my-week"))

    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("visits:my-week")).status_code == 302

    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session

    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(employee)})
    assert response["Location"] == reverse("visits:my-week")
    assert client.get(reverse("visits:my-week")).status_code == 200


@pytest.mark.django_db
def test_a_recovery_code_works_as_the_second_step_once(client, employee):
    authenticator = Authenticator.objects.get(user=employee, type=Authenticator.Type.RECOVERY_CODES)
    code = RecoveryCodes(authenticator).get_unused_codes()[0]

    password_step(client, employee)
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(employee.pk)

    client.post(reverse("account_logout"))
    password_step(client, employee)
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
