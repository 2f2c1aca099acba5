"""Password managers work and nothing blocks pasting: every password input says whether it
wants the current password or a new one, and the pages carry no paste or autocomplete blocks.
The password rules are Django's validators, applied by allauth."""

import re
from html.parser import HTMLParser

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import PASSWORD

NEW_TWICE = {"password1": "new-password", "password2": "new-password"}
BLOCKERS = re.compile(r"\bon(paste|copy|cut|drop|contextmenu)\s*=|autocomplete=\"off\"", re.I)


class Inputs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inputs = []

    def handle_starttag(self, tag, attrs):
        if tag == "input":
            self.inputs.append(dict(attrs))


def inputs(response, kind):
    assert response.status_code == 200
    assert not BLOCKERS.search(response.text)
    parser = Inputs()
    parser.feed(response.text)
    return {i["name"]: i.get("autocomplete") for i in parser.inputs if i.get("type") == kind}


@pytest.mark.django_db
def test_login_asks_for_the_current_password_and_the_email_as_username(client):
    response = client.get(reverse("account_login"))
    assert inputs(response, "password") == {"password": "current-password"}
    assert inputs(response, "email") == {"login": "email"}


@pytest.mark.django_db
def test_signup_asks_for_a_new_password_twice(client):
    response = client.get(reverse("account_signup"))
    assert inputs(response, "password") == NEW_TWICE


@pytest.mark.django_db
def test_changing_the_password_knows_old_from_new(client, tenant):
    client.force_login(tenant.user)
    response = client.get(reverse("account_change_password"))
    assert inputs(response, "password") == {
        "oldpassword": "current-password",
        "password1": "new-password",
        "password2": "new-password",
    }


@pytest.mark.django_db
def test_a_password_reset_link_asks_for_a_new_password(client, tenant):
    client.post(reverse("account_reset_password"), {"email": tenant.user.email})
    link = re.search(r"https?://[^/]+(/accounts/password/reset/key/\S+/)", mail.outbox[0].body)
    response = client.get(link.group(1), follow=True)
    assert inputs(response, "password") == NEW_TWICE


@pytest.mark.django_db
def test_the_second_step_asks_for_a_one_time_code(client, employee):
    client.post(reverse("account_login"), {"login": employee.email, "password": PASSWORD})
    response = client.get(reverse("mfa_authenticate"))
    assert inputs(response, "text") == {"code": "one-time-code"}


@pytest.mark.django_db
def test_weak_passwords_are_refused_by_the_validators(client, tenant):
    client.force_login(tenant.user)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": "12345678", "password2": "12345678"},
    )
    assert response.status_code == 200
    tenant.user.refresh_from_db()
    assert tenant.user.check_password(PASSWORD)
