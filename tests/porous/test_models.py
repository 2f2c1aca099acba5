import pytest
from django.db import IntegrityError

from porous.models import GroupName, Team, User
from tests.factories import StaffFactory


@pytest.mark.django_db
def test_create_user_logs_in_by_lowercased_email():
    user = User.objects.create_user("Piet@Example.NL", "geheim-wachtwoord-1", full_name="Piet")
    assert user.email == "piet@example.nl"
    assert user.check_password("geheim-wachtwoord-1")
    assert not user.is_staff
    assert str(user) == "Piet"


@pytest.mark.django_db
def test_create_superuser_is_staff_and_superuser():
    user = User.objects.create_superuser("admin@example.nl", "geheim-wachtwoord-1", full_name="A")
    assert user.is_staff and user.is_superuser


@pytest.mark.django_db
def test_email_is_unique():
    User.objects.create_user("a@example.nl", "x", full_name="A")
    with pytest.raises(IntegrityError):
        User.objects.create_user("a@example.nl", "y", full_name="B")


def test_create_user_needs_an_email():
    with pytest.raises(ValueError):
        User.objects.create_user("", "x")


@pytest.mark.django_db
def test_group_membership_and_teams():
    manager = StaffFactory(groups=[GroupName.MANAGER])
    team = Team.objects.create(name="Team Noord", manager=manager)
    employee = StaffFactory(team=team)
    assert employee.is_employee
    assert not manager.is_employee
    assert manager.in_group(GroupName.MANAGER)
    assert list(team.members.all()) == [employee]
    assert str(team) == "Team Noord"
