"""Failed logins are limited per account, on the portal and on the admin: both go through
allauth's login, which keeps its counters in the shared cache."""

import pytest
from django.conf import settings
from django.urls import reverse

from porous.mfa import totp_code
from tests.factories import PASSWORD

TOO_MANY = "Too many failed login attempts. Try again later."


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def post_login(client, email, password, url=None):
    return client.post(url or reverse("account_login"), {"login": email, "password": password})


def fail_five_times(client, email, url=None):
    for _ in range(5):
        response = post_login(client, email, "not-the-password", url)
        assert response.status_code == 200
        assert TOO_MANY not in response.text


@pytest.mark.django_db
def test_after_five_failed_logins_the_right_password_is_refused_too(english, tenant):
    fail_five_times(english, tenant.user.email)

    response = post_login(english, tenant.user.email, PASSWORD)

    assert response.status_code == 200
    assert TOO_MANY in response.text
    assert "_auth_user_id" not in english.session


@pytest.mark.django_db
def test_the_limit_is_per_account(english, tenant, other_tenant):
    fail_five_times(english, tenant.user.email)

    response = post_login(english, other_tenant.user.email, PASSWORD)

    assert response.status_code == 302
    assert english.session["_auth_user_id"] == str(other_tenant.user.pk)


@pytest.mark.django_db
def test_the_admin_login_is_allauths_login(client):
    response = client.get(reverse("admin:index"), follow=True)

    login_url, _ = response.redirect_chain[-1]
    assert login_url == f"{reverse('account_login')}?next=%2Fadmin%2F"
    assert response.templates[0].name == "account/login.html"


@pytest.mark.django_db
def test_posting_to_the_admins_own_login_form_logs_nobody_in(client, administrator):
    response = client.post(
        reverse("admin:login"), {"username": administrator.email, "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_admin_login_has_the_same_limit(english, administrator):
    admin_login = english.get(reverse("admin:index"), follow=True).redirect_chain[-1][0]
    fail_five_times(english, administrator.email, admin_login)

    response = post_login(english, administrator.email, PASSWORD, admin_login)

    assert TOO_MANY in response.text
    assert english.get(reverse("admin:index")).status_code == 302


@pytest.mark.django_db
def test_the_admin_asks_for_the_second_step_before_it_opens(client, administrator):
    admin_login = client.get(reverse("admin:index"), follow=True).redirect_chain[-1][0]

    response = post_login(client, administrator.email, PASSWORD, admin_login)

    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get(reverse("admin:index")).status_code == 302  # not logged in yet
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(administrator)})
    assert response["Location"] == "/admin/"
    assert client.get(reverse("admin:index")).status_code == 200


@pytest.mark.django_db
def test_a_resident_who_is_logged_in_gets_403_from_the_admin_login(client, tenant):
    client.force_login(tenant.user)

    assert client.get(reverse("admin:login")).status_code == 403
