import pytest
from django.urls import reverse

from tests.factories import TalentFactory

DETAIL = reverse("tenants:profile-detail")
EDIT = reverse("tenants:profile-edit")


@pytest.mark.django_db
@pytest.mark.parametrize("url", [DETAIL, EDIT])
def test_anonymous_is_sent_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
def test_tenant_sees_only_their_own_profile(client, tenant, other_tenant):
    client.force_login(tenant.user)
    html = client.get(DETAIL).content.decode()
    assert tenant.user.full_name in html
    assert tenant.household.dwelling.address in html
    assert other_tenant.user.full_name not in html
    assert other_tenant.household.dwelling.address not in html


@pytest.mark.django_db
@pytest.mark.parametrize("url", [DETAIL, EDIT])
def test_staff_without_a_resident_profile_get_404(client, employee, url):
    client.force_login(employee)
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_profile_edit_saves_talents_and_availability(client, tenant):
    painting = TalentFactory(name="schilderen")
    client.force_login(tenant.user)
    response = client.post(
        EDIT,
        {
            "phone": "06 12345678",
            "languages": "Nederlands, Turks",
            "talents": [painting.pk],
            "availability": "dinsdagavond",
            "wants_to_help_with": "de tuin",
        },
    )
    assert response.status_code == 302
    tenant.refresh_from_db()
    assert list(tenant.talents.all()) == [painting]
    assert tenant.availability == "dinsdagavond"


@pytest.mark.django_db
def test_profile_edit_invalid_shows_the_error_and_saves_nothing(client, tenant):
    client.force_login(tenant.user)
    response = client.post(EDIT, {"phone": "x" * 31, "availability": "maandag"})
    assert response.status_code == 200
    assert "is-invalid" in response.content.decode()
    tenant.refresh_from_db()
    assert tenant.availability == ""


@pytest.mark.django_db
def test_profile_detail_refuses_post(client, tenant):
    client.force_login(tenant.user)
    assert client.post(DETAIL).status_code == 405
    assert client.put(EDIT).status_code == 405


@pytest.mark.django_db
def test_profile_query_count_is_fixed(client, tenant, django_assert_max_num_queries):
    client.force_login(tenant.user)
    TalentFactory.create_batch(3)
    tenant.talents.set(TalentFactory.create_batch(5))
    # session, user, the staff two-step check, resident with its household chain, talents,
    # the menu's resident and permission checks (user, group), and the session saved (3): 11.
    with django_assert_max_num_queries(11):
        assert client.get(DETAIL).status_code == 200
    tenant.talents.add(*TalentFactory.create_batch(10))
    with django_assert_max_num_queries(11):
        assert client.get(DETAIL).status_code == 200
