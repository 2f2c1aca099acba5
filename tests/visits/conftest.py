"""The visits tests' extra cast: the employee's team and manager, a colleague, and someone
with the explicit permission to read visit notes."""

import pytest
from django.contrib.auth.models import Permission

from porous.models import GroupName
from tests.factories import StaffFactory, TeamFactory


@pytest.fixture
def team(employee, manager):
    """The employee's team, managed by the manager of the cast."""
    team = TeamFactory(name="Team Noord", manager=manager)
    employee.team = team
    employee.save(update_fields=["team"])
    return team


@pytest.fixture
def colleague(db):
    return StaffFactory(full_name="Bram Jansen", groups=[GroupName.EMPLOYEE])


@pytest.fixture
def permitted(db):
    """An employee who was given the explicit permission to read all visit notes."""
    user = StaffFactory(full_name="Priya Privacy", groups=[GroupName.EMPLOYEE])
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="visits", codename="view_visit_notes")
    )
    return user


@pytest.fixture
def english(client):
    """The test client, in English (the Dutch catalogue for these pages comes later)."""
    client.cookies["django_language"] = "en"
    return client


@pytest.fixture(autouse=True)
def english_speaking_people(monkeypatch):
    """These tests read messages and emails in English: people get English as their language
    (emails follow the recipient's language) and service messages are made in English."""
    from django.utils import translation

    from porous.models import User

    monkeypatch.setattr(User._meta.get_field("language"), "default", "en")
    with translation.override("en"):
        yield
