"""A database that fails while a session is saved: the person sees a fault on our side (500)
and is still logged in, instead of "the session was deleted" (400)."""

import pytest
from django.contrib.sessions.models import Session
from django.db import InternalError, OperationalError, connection
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

SESSION_UPDATE = 'UPDATE "django_session"'


def logged_in(user):
    client = Client(raise_request_exception=False, HTTP_ACCEPT_LANGUAGE="nl")
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "failure",
    [
        OperationalError("terminating connection due to administrator command"),
        InternalError("cannot execute UPDATE in a read-only transaction"),
    ],
    ids=["connection lost", "read-only standby"],
)
def test_a_database_failure_while_the_session_is_saved_is_a_fault_of_ours(tenant, failure):
    client = logged_in(tenant.user)

    def connection_lost(execute, sql, params, many, context):
        if sql.startswith(SESSION_UPDATE):
            raise failure
        return execute(sql, params, many, context)

    with connection.execute_wrapper(connection_lost):
        response = client.get(reverse("home"))

    assert response.status_code == 500
    page = response.content.decode()
    assert "Er ging iets mis" in page
    assert "Probeer het over een paar minuten opnieuw" in page
    # Still logged in once the database is back.
    assert Session.objects.filter(session_key=client.session.session_key).exists()
    assert client.get(reverse("floor")).status_code == 200


def test_a_session_ended_meanwhile_is_still_a_request_we_cannot_take(tenant):
    client = logged_in(tenant.user)

    def logged_out_meanwhile(execute, sql, params, many, context):
        if sql.startswith(SESSION_UPDATE):
            Session.objects.all().delete()
        return execute(sql, params, many, context)

    with connection.execute_wrapper(logged_out_meanwhile):
        response = client.get(reverse("home"))

    assert response.status_code == 400
    assert "Dit lukte niet" in response.content.decode()
