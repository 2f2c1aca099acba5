"""Redis stopped: the portal keeps working without its cache.

The cache points at a port where nothing listens, so every cache call really fails; the pages,
the login (with and without a TOTP code) and logging a visit must still work. Runs everywhere:
it needs no Redis, only the absence of one.
"""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from porous.models import GroupName
from tests.conftest import free_port
from tests.factories import PASSWORD, ResidentFactory, StaffFactory, UserFactory
from tests.factories_visits import VisitFactory
from visits.models import Visit

pytestmark = pytest.mark.django_db


def url_where_nothing_listens():
    return f"redis://127.0.0.1:{free_port()}/0"


@pytest.fixture(autouse=True)
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "porous.cache.TolerantRedisCache",
            "LOCATION": url_where_nothing_listens(),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


@pytest.fixture
def english(client):
    client.cookies["django_language"] = "en"
    return client


def test_the_cache_answers_like_an_empty_cache_that_forgets_what_it_is_given():
    cache.set("a", 1)
    assert cache.get("a", "missing") == "missing"
    assert cache.add("lock", True) is True  # allauth takes its lock with add
    assert cache.get_many(["a", "b"]) == {}
    assert cache.has_key("a") is False
    assert cache.delete("a") is False
    with pytest.raises(ValueError):
        cache.incr("a")


def test_the_home_page_works_for_visitors_and_residents(client):
    assert client.get(reverse("home")).status_code == 200
    resident = ResidentFactory()
    client.force_login(resident.user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert response.context["resident"] == resident


def test_a_resident_logs_in_through_the_form(client):
    user = ResidentFactory().user
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302 and response.url == reverse("home")
    assert client.get(reverse("home")).context["user"] == user


def test_login_rate_limits_count_nothing_while_redis_is_down(english):
    """The price of staying up: failed logins are not counted during the outage."""
    user = UserFactory()
    for _ in range(6):
        response = english.post(reverse("account_login"), {"login": user.email, "password": "no"})
        assert "Too many failed login attempts" not in response.content.decode()
    response = english.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302


def test_the_second_step_with_a_totp_code_works(client):
    user = UserFactory()
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.url == reverse("mfa_authenticate")
    code = format_hotp_value(hotp_value(secret, int(timezone.now().timestamp()) // 30))
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 302 and response.url == reverse("home")
    assert client.get(reverse("home")).context["user"] == user


def test_an_employee_logs_a_visit(client):
    employee = StaffFactory(groups=[GroupName.EMPLOYEE])
    visit = VisitFactory(employee=employee)
    client.force_login(employee)
    response = client.post(
        reverse("visits:visit-log", args=[visit.pk]),
        {
            "outcome": "visited",
            "satisfaction": "8",
            "notes": "Koffie gedronken.",
            "visited_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.status == Visit.Status.LOGGED and visit.satisfaction == 8
