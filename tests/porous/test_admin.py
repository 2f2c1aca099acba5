"""Every model's admin pages open, and the admin login goes through allauth."""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from porous.models import User
from tests.factories import HouseholdFactory, ResidentFactory


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
