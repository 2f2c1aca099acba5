import pytest
from django.urls import reverse
from django.utils import translation

from roles.models import Role
from tests.factories import RoleFactory


@pytest.mark.django_db
def test_home_shows_the_matrix_with_links_and_empty_cells(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    html = response.content.decode()
    for role in Role.objects.all():
        assert reverse("roles:role-detail", args=[role.slug]) in html
    # 16 cells in the grid and 16 in the phone list; 11 are filled, 5 are empty in each.
    assert html.count("Nog geen rol") == 2 * 5


@pytest.mark.django_db
def test_home_in_english_uses_the_english_role_names(client):
    client.cookies["django_language"] = "en"
    response = client.get(reverse("home"))
    assert "Caretaker" in response.content.decode()
    assert "No role yet" in response.content.decode()


@pytest.mark.django_db
def test_inactive_roles_are_not_shown(client):
    Role.objects.filter(slug="huismeester").update(is_active=False)
    html = client.get(reverse("home")).content.decode()
    assert "/rollen/huismeester/" not in html
    assert client.get(reverse("roles:role-detail", args=["huismeester"])).status_code == 404


@pytest.mark.django_db
def test_home_query_count_does_not_grow_with_roles(client, django_assert_max_num_queries):
    # Anonymous: one query for the roles (no session or user lookups).
    with django_assert_max_num_queries(1):
        client.get(reverse("home"))
    RoleFactory.create_batch(40, grade=3, category="sociaal")
    with django_assert_max_num_queries(1):
        response = client.get(reverse("home"))
    assert response.content.decode().count("rol-") >= 40


@pytest.mark.django_db
def test_home_query_count_for_a_logged_in_tenant(client, tenant, django_assert_max_num_queries):
    client.force_login(tenant.user)
    # session, user, the staff two-step check, resident, their applications, completed
    # courses, roles, the roles' required courses, the menu's resident and permission checks
    # (user and group), and the session saved again so it expires after inactivity (3): 14.
    with django_assert_max_num_queries(14):
        client.get(reverse("home"))
    RoleFactory.create_batch(30)
    with django_assert_max_num_queries(14):
        client.get(reverse("home"))


@pytest.mark.django_db
def test_role_detail_shows_the_facts(client):
    response = client.get(reverse("roles:role-detail", args=["buddy-taal-financien"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Buddy (taal, financiën)" in html
    assert "Verklaring Omtrent het Gedrag" in html or "VOG" in html
    assert "Ja, u werkt met mensen die extra zorg nodig hebben." in html


@pytest.mark.django_db
def test_role_detail_unknown_slug_is_404(client):
    assert client.get(reverse("roles:role-detail", args=["bestaat-niet"])).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["home", "roles:role-detail"])
def test_matrix_pages_refuse_post(client, name):
    args = ["huismeester"] if name != "home" else []
    assert client.post(reverse(name, args=args)).status_code == 405


def test_grade_levels_follow_the_matrix():
    with translation.override("en"):
        role = Role(grade=4, category="klant")
        assert str(role.level) == "strategic"
        assert str(role.training) == "intensive training"
        assert str(Role(grade=1).training) == "little training"
