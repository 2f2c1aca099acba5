import datetime
import io
import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import authenticate
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from porous.demo import DEMO_LOGINS, DEMO_PASSWORD
from porous.demo.catalogue import EXTRA_ROLES
from porous.demo.logins import DEMO_MANAGER, DEMO_TENANT, DEMO_TOTP_SECRET
from porous.demo.places import DIGITS_PER_NEIGHBOURHOOD, PostcodeAllocator
from porous.demo.profiles import TALENTS
from porous.mfa import code_for_secret, must_use_totp, totp_code
from porous.models import GroupName, Team, User
from roles.models import Role
from tenants.models import Complex, Dwelling, Household, Neighbourhood, Resident, Talent
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

HOME_SEEKER_ROLES = {"buurtanalyse", "vliegende-brigade", "denktank-nieuwbouw"}
# Four digits, no leading zero; PostNL does not use the letters F, I, O, Q, U and Y.
POSTCODE = r"[1-9]\d{3}[A-EGHJ-NPRSTVWXZ]{2}"
VOG_ROLES = {"oppas", "taalcoach", "coach-eenzaamheid", "coach-statushouders", "energiecoach"}


def seed(*args, households=40):
    out = io.StringIO()
    call_command("seed_demo", "--households", str(households), "--no-progress", *args, stdout=out)
    return out.getvalue()


def counts():
    models = [Neighbourhood, Complex, Dwelling, Household, Resident, User, Team, Talent, Role]
    return {model.__name__: model.objects.count() for model in models}


def snapshot():
    """Everything a seed decides, in a stable order."""
    return (
        list(
            Household.objects.order_by("contract_number").values_list(
                "contract_number",
                "dwelling__street",
                "dwelling__house_number",
                "dwelling__house_number_suffix",
                "dwelling__postcode",
                "dwelling__city",
                "dwelling__complex__name",
                "dwelling__complex__neighbourhood__name",
                "tenancy_start",
                "main_tenant_birth_year",
                "persons",
            )
        ),
        list(
            User.objects.order_by("email").values_list(
                "email", "full_name", "team__name", "has_visit_duty", "is_staff", "language"
            )
        ),
        list(
            Resident.objects.order_by("user__email").values_list(
                "user__email",
                "kind",
                "household__contract_number",
                "registration_number",
                "birth_date",
                "languages",
                "availability",
                "wants_to_help_with",
            )
        ),
        sorted(
            Resident.talents.through.objects.values_list("resident__user__email", "talent__name")
        ),
        sorted(User.groups.through.objects.values_list("user__email", "group__name")),
    )


def wipe():
    """Empty every table, then put back what the data migrations made (roles, groups)."""
    from django.core.management import call_command
    from django.db import connection

    from tests.conftest import restore_migration_data

    if connection.vendor == "postgresql":
        # Inside the test's transaction: run the deferred foreign-key checks first, or
        # PostgreSQL refuses to truncate tables with pending trigger events.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    restore_migration_data()


def test_small_run_builds_the_register():
    seed()
    assert Household.objects.count() == 40
    assert Dwelling.objects.count() == 40
    assert Neighbourhood.objects.count() >= 4
    for neighbourhood in Neighbourhood.objects.all():
        assert neighbourhood.complexes.count() >= 2, neighbourhood
    for dwelling in Dwelling.objects.all():
        assert re.fullmatch(POSTCODE, dwelling.postcode), dwelling.postcode
        assert dwelling.postcode[4:] not in {"SA", "SD", "SS"}
        dwelling.full_clean()  # the model's own postcode validator
    for household in Household.objects.all():
        assert 1 <= household.persons <= 5
        assert household.tenancy_start <= timezone.localdate()
        assert household.tenancy_start.year - household.main_tenant_birth_year >= 17


def test_postcodes_are_valid_unique_and_run_out_loudly():
    allocator = PostcodeAllocator(3641)
    codes = [allocator.next() for _ in range(DIGITS_PER_NEIGHBOURHOOD * 397)]
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(POSTCODE, code) for code in codes)
    assert not {code[4:] for code in codes} & {"SA", "SD", "SS"}
    assert (codes[0], codes[-1]) == ("3641AA", "3644ZZ")
    with pytest.raises(ValueError, match="Out of postcodes"):
        allocator.next()


def test_default_size_spreads_ages_and_tenancies():
    seed(households=400)
    today = timezone.localdate()
    households = list(Household.objects.all())
    starts = [h.tenancy_start for h in households]
    years = [h.main_tenant_birth_year for h in households]
    assert max(starts).year - min(starts).year >= 30
    assert max(years) - min(years) >= 50
    assert sum(today.year - year < 35 for year in years) >= 40  # young main tenants
    welcome = [s for s in starts if 28 <= (today - s).days <= 56]
    assert welcome, "no tenancies that started four to eight weeks ago"
    anniversaries = [s for s in starts if s.month == today.month and s.year < today.year]
    assert len(anniversaries) >= 10
    assert {h.persons for h in households} == {1, 2, 3, 4, 5}
    assert 40 <= Resident.objects.filter(kind=Resident.Kind.TENANT).count() <= 90
    assert Resident.objects.filter(kind=Resident.Kind.HOME_SEEKER).count() == 15


def test_residents_and_everyone_verified():
    seed()
    tenants = Resident.objects.filter(kind=Resident.Kind.TENANT)
    seekers = Resident.objects.filter(kind=Resident.Kind.HOME_SEEKER)
    assert tenants.exists() and seekers.count() >= 2
    assert not tenants.filter(household__isnull=True).exists()
    assert not seekers.filter(household__isnull=False).exists()
    assert not seekers.filter(registration_number="").exists()
    assert not Resident.objects.filter(birth_date__isnull=True).exists()
    assert Resident.objects.exclude(languages="").exists()
    assert Resident.objects.exclude(wants_to_help_with="").exists()
    assert Resident.talents.through.objects.exists()
    assert set(Talent.objects.values_list("name", flat=True)) == {name for name, _ in TALENTS}
    verified = EmailAddress.objects.filter(verified=True, primary=True)
    assert verified.count() == User.objects.count()
    assert set(verified.values_list("email", flat=True)) == set(
        User.objects.values_list("email", flat=True)
    )


def test_staff_in_every_group_and_teams_managed():
    seed()
    for name in GroupName.ALL:
        assert Group.objects.get(name=name).user_set.exists(), name
    assert Team.objects.count() >= 4
    for team in Team.objects.select_related("manager"):
        assert team.manager is not None, team
        assert team.manager.in_group(GroupName.MANAGER)
    assert User.objects.filter(groups__name=GroupName.EMPLOYEE, has_visit_duty=True).count() >= 8
    admin = User.objects.get(email="beheerder@example.nl")
    assert admin.is_staff and admin.in_group(GroupName.ADMINISTRATOR)
    assert not User.objects.filter(is_staff=True, resident__isnull=False).exists()


def test_demo_logins_authenticate_and_have_their_roles():
    output = seed()
    for login in DEMO_LOGINS:
        user = authenticate(email=login.email, password=DEMO_PASSWORD)
        assert user is not None and user.email == login.email, login.email
        assert login.email in output
        assert authenticate(email=login.email, password="wrong-password") is None
    assert DEMO_PASSWORD in output
    assert User.objects.get(email="huurder@example.nl").resident.household is not None
    seeker = User.objects.get(email="woningzoekende@example.nl").resident
    assert seeker.kind == Resident.Kind.HOME_SEEKER
    assert User.objects.get(email="coordinator@example.nl").in_group(GroupName.COORDINATOR)
    manager = User.objects.get(email="manager@example.nl")
    assert manager.managed_teams.filter(name="Team Noord").exists()


def test_demo_logins_pass_allauth_login_with_mandatory_verification(client, settings):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    seed()
    for login in DEMO_LOGINS:
        response = client.post(
            reverse("account_login"), {"login": login.email, "password": DEMO_PASSWORD}
        )
        assert response.status_code == 302, login.email
        user = User.objects.get(email=login.email)
        if must_use_totp(user):
            # Staff pass the second step with the code of the demo authenticator app.
            assert response.url == reverse("mfa_authenticate"), login.email
            response = client.post(
                reverse("mfa_authenticate"), {"code": code_for_secret(DEMO_TOTP_SECRET)}
            )
            assert response.status_code == 302, login.email
        # Employees with the visit duty start on "Mijn week", everyone else on the matrix.
        start = "visits:my-week" if user.has_visit_duty else "home"
        assert response.url == reverse(start), (login.email, response.url)
        assert str(User.objects.get(email=login.email).pk) == client.session["_auth_user_id"]
        client.logout()


def test_every_member_of_staff_has_the_demo_app_and_residents_none():
    output = seed()
    staff = [user for user in User.objects.prefetch_related("groups") if must_use_totp(user)]
    assert len(staff) >= 12
    codes = {totp_code(user) for user in staff}
    assert codes == {code_for_secret(DEMO_TOTP_SECRET)}
    assert not Authenticator.objects.filter(user__resident__isnull=False).exists()
    assert DEMO_TOTP_SECRET in output and "demo_code" in output


def test_demo_code_prints_the_code_of_the_moment_for_demo_staff_only():
    seed()
    out = io.StringIO()
    call_command("demo_code", DEMO_MANAGER.email, stdout=out)
    # A code printed at the end of one period is still taken in the next (the tolerance).
    assert out.getvalue().split()[0] in {
        code_for_secret(DEMO_TOTP_SECRET, step=step) for step in (-1, 0)
    }
    with pytest.raises(CommandError, match="not a demo login"):
        call_command("demo_code", DEMO_TENANT.email, stdout=out)
    real = StaffFactory(email="echt@example.nl")  # an app with a secret of its own
    with pytest.raises(CommandError, match="not a demo login"):
        call_command("demo_code", real.email, stdout=out)


def test_extra_roles_exist_with_their_rules():
    seed()
    roles = {role.slug: role for role in Role.objects.all()}
    for data in EXTRA_ROLES:
        role = roles[data["slug"]]
        assert role.description and role.description_en and role.name_en, role.slug
        assert role.time_commitment and role.time_commitment_en, role.slug
        assert (role.eligibility == "home_seekers") == (role.slug in HOME_SEEKER_ROLES), role.slug
    assert all(roles[slug].vog_required for slug in VOG_ROLES)
    assert not roles["klushulp"].vog_required
    complex_roles = Role.objects.filter(eligibility=Role.Eligibility.COMPLEX)
    assert complex_roles.count() == 1 and complex_roles.get().eligible_complex is not None


def test_if_empty_on_a_seeded_database_adds_nothing():
    seed()
    before = counts()
    output = seed("--if-empty")
    assert counts() == before
    assert "Nothing to do" in output


def test_if_empty_on_an_empty_database_seeds():
    seed("--if-empty")
    assert Household.objects.count() == 40


def test_refuses_a_database_with_households():
    seed()
    before = counts()
    with pytest.raises(CommandError, match="already has households"):
        seed()
    assert counts() == before


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda: User.objects.create_user("manager@example.nl", "x", full_name="X"), "manager@"),
        (lambda: Team.objects.create(name="Team Noord"), "already has teams"),
        (lambda: Neighbourhood.objects.create(code="X", name="X"), "already has neighbourhoods"),
    ],
)
def test_refuses_what_would_clash(make, reason):
    make()
    with pytest.raises(CommandError, match=reason):
        seed()
    assert not Household.objects.exists()
    assert seed("--if-empty").startswith("Demo data not added")


def test_households_must_be_positive():
    with pytest.raises(CommandError):
        seed(households=0)


def test_same_seed_same_data_other_seed_other_data():
    seed("--seed", "7")
    first = snapshot()
    assert len(first[0]) == 40 and first[2]
    wipe()
    seed("--seed", "7")
    assert snapshot() == first
    wipe()
    seed("--seed", "8")
    assert snapshot() != first


def test_batch_size_does_not_change_the_data(monkeypatch):
    seed(households=60)
    whole = snapshot()
    wipe()
    monkeypatch.setattr("porous.demo.seed.BATCH_SIZE", 7)
    seed(households=60)
    assert snapshot() == whole


def test_dates_follow_today(monkeypatch):
    day = datetime.date(2030, 2, 14)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: day)
    seed(households=100)
    assert Household.objects.filter(tenancy_start__gt=day).count() == 0
    assert Household.objects.filter(tenancy_start__month=2, tenancy_start__year__lt=2030).exists()
