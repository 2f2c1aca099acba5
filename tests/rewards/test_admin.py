from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from rewards.models import Grant
from tests.factories_rewards import ArrangementFactory, GrantFactory

from .conftest import euro

pytestmark = pytest.mark.django_db
ADD = reverse("admin:rewards_grant_add")


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    client.cookies["django_language"] = "en"
    return client


def _data(tenant, arrangement, amount):
    return {
        "resident": tenant.pk,
        "arrangement": arrangement.pk,
        "month": "2026-11-17",
        "amount": amount,
        "reason": "Tuin bijgehouden",
        "description": "",
        "work_date": "",
        "hours": "",
    }


def test_adding_a_grant_goes_through_the_rules(admin_client, administrator, tenant, limits):
    arrangement = ArrangementFactory()
    response = admin_client.post(ADD, _data(tenant, arrangement, "210.01"))
    assert response.status_code == 200
    assert f"The tax-free limit is {euro('210.00')} a month" in response.content.decode()
    assert not Grant.objects.exists()

    response = admin_client.post(ADD, _data(tenant, arrangement, "210.00"))
    assert response.status_code == 302
    grant = Grant.objects.get()
    assert (grant.month.day, grant.kind, grant.status) == (1, "allowance", "proposed")
    assert grant.proposed_by == administrator


def test_a_grant_is_read_only_but_its_texts(admin_client, tenant, limits):
    grant = GrantFactory(resident=tenant, amount=Decimal("50"))
    url = reverse("admin:rewards_grant_change", args=[grant.pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url, {"reason": "Beter omschreven", "description": "", "decision_note": "", "amount": "1"}
    )
    assert response.status_code == 302
    grant.refresh_from_db()
    assert (grant.reason, grant.amount) == ("Beter omschreven", Decimal("50.00"))


def test_admin_lists_open(admin_client, tenant, limits):
    GrantFactory(resident=tenant, status=Grant.Status.PAID)
    for name in ("grant", "arrangement", "allowancelimit", "payout"):
        assert admin_client.get(reverse(f"admin:rewards_{name}_changelist")).status_code == 200
    with translation.override("en"):
        html = admin_client.get(reverse("admin:rewards_arrangement_changelist")).content
    assert euro("50.00").encode() in html  # spent this year
    # Payouts are made only by the download in the portal.
    assert admin_client.get(reverse("admin:rewards_payout_add")).status_code == 403
