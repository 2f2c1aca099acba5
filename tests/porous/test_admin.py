"""Every model's admin pages open, and the admin login goes through allauth."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.test import RequestFactory
from django.urls import reverse

from porous.models import GroupName, User
from tests.factories import HouseholdFactory, ResidentFactory, StaffFactory


@pytest.mark.django_db
def test_admin_login_redirects_to_the_allauth_login(client):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
def test_residents_cannot_open_the_admin(client, tenant):
    client.force_login(tenant.user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model", [m for m in admin.site._registry], ids=lambda m: m._meta.label_lower
)
def test_every_admin_changelist_and_add_page_opens(client, superuser, model):
    ResidentFactory()
    HouseholdFactory()
    client.force_login(superuser)
    prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    assert client.get(reverse(f"{prefix}_changelist")).status_code == 200
    assert client.get(reverse(f"{prefix}_changelist"), {"q": "zoek"}).status_code == 200
    request = RequestFactory().get("/")
    request.user = superuser
    # Read-only logs (payouts, note reads) refuse the add page on purpose.
    expected = 200 if admin.site._registry[model].has_add_permission(request) else 403
    assert client.get(reverse(f"{prefix}_add")).status_code == expected


@pytest.mark.django_db
def test_administrator_group_can_create_an_employee(client, administrator):
    client.force_login(administrator)
    response = client.post(
        reverse("admin:porous_user_add"),
        {
            "email": "nieuw@example.nl",
            "full_name": "Nieuwe Collega",
            "usable_password": "true",
            "password1": "Zonnebloem-Kade-42",
            "password2": "Zonnebloem-Kade-42",
        },
    )
    assert response.status_code == 302
    assert User.objects.filter(email="nieuw@example.nl").exists()


def change_user(client, admin_user, target, **changes):
    """Post the admin's change form for `target` as `admin_user`, with its current values."""
    client.force_login(admin_user)
    data = {
        "email": target.email,
        "full_name": target.full_name,
        "language": target.language,
        "is_active": "on",
        "is_staff": "on" if target.is_staff else "",
        "groups": [g.pk for g in target.groups.all()],
        "date_joined_0": "2026-01-01",
        "date_joined_1": "10:00:00",
    }
    data.update(changes)
    return client.post(reverse("admin:porous_user_change", args=[target.pk]), data)


@pytest.mark.django_db
def test_an_administrator_cannot_make_themselves_superuser_or_read_all_notes(client, administrator):
    notes = Permission.objects.get(codename="view_visit_notes")
    response = change_user(
        client, administrator, administrator, is_superuser="on", user_permissions=[notes.pk]
    )
    assert response.status_code == 302
    administrator.refresh_from_db()
    assert not administrator.is_superuser
    assert not administrator.user_permissions.exists()


@pytest.mark.django_db
def test_an_administrator_puts_staff_in_work_groups_but_not_in_reserved_ones(client, administrator):
    employee = StaffFactory(groups=[GroupName.EMPLOYEE])
    coordinator = Group.objects.get(name=GroupName.COORDINATOR)
    board = Group.objects.get(name=GroupName.TENANTS_ORGANISATION)
    current = [g.pk for g in employee.groups.all()]

    refused = change_user(client, administrator, employee, groups=[*current, board.pk])
    assert refused.status_code == 200
    errors = refused.context["adminform"].form.errors.as_data()["groups"]
    assert [e.code for e in errors] == ["reserved_group"]
    assert GroupName.TENANTS_ORGANISATION in str(errors[0].message)
    assert not employee.groups.filter(pk=board.pk).exists()

    accepted = change_user(client, administrator, employee, groups=[*current, coordinator.pk])
    assert accepted.status_code == 302
    assert employee.groups.filter(pk=coordinator.pk).exists()


@pytest.mark.django_db
def test_administrators_cannot_change_what_a_group_may_do(administrator, superuser):
    assert not administrator.has_perm("auth.change_group")
    assert administrator.has_perm("porous.change_user")
    assert superuser.has_perm("auth.change_group")
