"""Every visits URL × every kind of visitor, with the expected status in one table per URL.

404: an object that is not yours. 403: a role that is too low. 302: to the login page
(anonymous), or for a manager opening the log form of someone else's visit: back to the
visit with a message.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from school.models import CalendarToken
from tests.factories_visits import (
    FollowUpFactory,
    LoggedVisitFactory,
    VisitFactory,
    VisitRequestFactory,
)
from visits.models import VisitRequest

pytestmark = pytest.mark.django_db

WHO = ["anonymous", "tenant", "other_tenant", "author", "colleague", "manager", "permitted"]
STAFF = {"author": 200, "colleague": 200, "manager": 200, "permitted": 200}
NOT_RESIDENTS = {"tenant": 403, "other_tenant": 403}

# url name: (object, expected status per visitor)
MATRIX = {
    "my-week": (None, {"anonymous": 302, **NOT_RESIDENTS, **STAFF}),
    "household-search": (None, {"anonymous": 302, **NOT_RESIDENTS, **STAFF}),
    "visit-plan": ("household", {"anonymous": 302, **NOT_RESIDENTS, **STAFF}),
    "visit-detail": (
        "logged",
        {"anonymous": 302, **NOT_RESIDENTS, **STAFF, "colleague": 404},
    ),
    "visit-log": (
        "planned",
        {
            "anonymous": 302,
            **NOT_RESIDENTS,
            "author": 200,
            "colleague": 404,
            "manager": 302,
            "permitted": 302,
        },
    ),
    "followup-list": (None, {"anonymous": 302, **NOT_RESIDENTS, **STAFF}),
    "followup-close": (
        "follow_up",
        {
            "anonymous": 302,
            **NOT_RESIDENTS,
            "author": 200,
            "colleague": 404,
            "manager": 404,
            "permitted": 404,
        },
    ),
    "team-overview": (
        None,
        {
            "anonymous": 302,
            **NOT_RESIDENTS,
            "author": 403,
            "colleague": 403,
            "manager": 200,
            "permitted": 403,
        },
    ),
    "request-list": (
        None,
        {"anonymous": 302, "tenant": 200, "other_tenant": 200, **{k: 403 for k in STAFF}},
    ),
    "request-create": (
        None,
        {"anonymous": 302, "tenant": 200, "other_tenant": 200, **{k: 403 for k in STAFF}},
    ),
    "request-feedback": (
        "request",
        {"anonymous": 302, "tenant": 200, "other_tenant": 404, **{k: 403 for k in STAFF}},
    ),
    # Calendar apps cannot log in: the secret token is the key, for anyone who has it.
    "calendar-feed": ("token", dict.fromkeys(WHO, 200)),
}


@pytest.fixture
def world(tenant, other_tenant, employee, colleague, manager, permitted, team, household):
    today = timezone.localdate()
    request = VisitRequestFactory(resident=tenant, status=VisitRequest.Status.DONE)
    logged = LoggedVisitFactory(
        employee=employee, household=household, planned_for=today - datetime.timedelta(days=2)
    )
    return {
        "people": {
            "anonymous": None,
            "tenant": tenant.user,
            "other_tenant": other_tenant.user,
            "author": employee,
            "colleague": colleague,
            "manager": manager,
            "permitted": permitted,
        },
        "household": household,
        "logged": logged,
        "planned": VisitFactory(employee=employee, planned_for=today),
        "follow_up": FollowUpFactory(visit=logged, owner=employee),
        "request": request,
        "token": CalendarToken.objects.create(user=employee),
    }


def _url(name, target):
    if target is None:
        return reverse(f"visits:{name}")
    if hasattr(target, "token"):
        return reverse(f"visits:{name}", args=[target.token])
    return reverse(f"visits:{name}", args=[target.pk])


def test_the_matrix_covers_every_visits_url():
    from visits.urls import urlpatterns

    assert {pattern.name for pattern in urlpatterns} == set(MATRIX)


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("name", list(MATRIX))
def test_access(client, world, name, who):
    target_name, expected = MATRIX[name]
    target = world[target_name] if target_name else None
    user = world["people"][who]
    if user is not None:
        client.force_login(user)
    response = client.get(_url(name, target))
    assert response.status_code == expected[who], f"{name} as {who}"
    if response.status_code == 302 and who == "anonymous":
        assert response.url.startswith(reverse("account_login"))


def test_a_wrong_token_finds_no_calendar(client, world):
    assert client.get(reverse("visits:calendar-feed", args=["not-a-token"])).status_code == 404


@pytest.mark.parametrize(
    ("name", "target_name", "method"),
    [
        ("my-week", None, "post"),
        ("household-search", None, "post"),
        ("visit-detail", "logged", "post"),
        ("followup-list", None, "post"),
        ("team-overview", None, "post"),
        ("request-list", None, "post"),
        ("calendar-feed", "token", "post"),
        ("visit-log", "planned", "put"),
        ("visit-plan", "household", "delete"),
        ("followup-close", "follow_up", "put"),
        ("request-create", None, "put"),
        ("request-feedback", "request", "put"),
    ],
)
def test_wrong_method(client, world, name, target_name, method):
    client.force_login(world["people"]["author"])
    target = world[target_name] if target_name else None
    assert getattr(client, method)(_url(name, target)).status_code == 405
