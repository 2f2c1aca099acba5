"""The starting catalogue after `migrate` is exactly the matrix of DOMAIN.md."""

import pytest

from roles.models import Role

# "Waar kan welke huurder wat?": (category, grade) -> role names, as the brief lists them.
EXPECTED_MATRIX = {
    ("techniek", 1): ["Huismeester"],
    ("techniek", 2): ["(Assistent) opzichter dagelijks onderhoud"],
    ("techniek", 3): ["Huurder-lid projectteam groot onderhoud"],
    ("techniek", 4): ["Huurder-strategisch adviseur"],
    ("beheer", 1): ["Schoonmaker / complexbeheerder"],
    ("beheer", 2): ["Wijkbeheerder / sociaal beheerder"],
    ("klant", 1): ["Mystery guest"],
    ("klant", 2): ["(Assistent) baliemedewerker"],
    ("klant", 3): ["Lid huurdersbelangenorganisatie"],
    ("klant", 4): ["Huurderslid Raad van Commissarissen"],
    ("sociaal", 2): ["Buddy (taal, financiën)"],
}


@pytest.mark.django_db
def test_matrix_after_migrate_equals_the_brief():
    found = {}
    for role in Role.objects.all():
        found.setdefault((role.category, role.grade), []).append(role.name)
    assert found == EXPECTED_MATRIX
    assert Role.objects.count() == 11


@pytest.mark.django_db
def test_every_starting_role_is_complete_in_both_languages():
    for role in Role.objects.all():
        assert role.description and role.description_en, role.slug
        assert role.name_en and role.time_commitment_en, role.slug


@pytest.mark.django_db
def test_buddy_needs_a_vog_and_the_board_seat_is_decided_by_tenants():
    assert Role.objects.get(slug="buddy-taal-financien").vog_required
    board = Role.objects.get(slug="huurderslid-raad-van-commissarissen")
    assert board.decided_by_tenants_organisation
    assert board.eligibility == Role.Eligibility.TENANTS
    assert not Role.objects.filter(vog_required=True).exclude(slug="buddy-taal-financien")
