"""The floor page: the bare page frame the benchmark measures every page against."""

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_floor_renders_only_the_base_template(client, tenant):
    client.force_login(tenant.user)
    response = client.get(reverse("floor"))
    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "base.html"
    assert "porous/home.html" not in [t.name for t in response.templates]


@pytest.mark.django_db
def test_floor_needs_a_login(client):
    response = client.get(reverse("floor"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.django_db
def test_floor_only_answers_reads(client, tenant):
    client.force_login(tenant.user)
    assert client.post(reverse("floor")).status_code == 405
