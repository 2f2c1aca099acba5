import datetime

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group

from porous.mfa import must_use_totp
from porous.models import GroupName, Team, User
from roles.models import Role
from tenants.models import Complex, Dwelling, Household, Neighbourhood, Resident, Talent

PASSWORD = "correct-horse-battery-9"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.nl")
    full_name = factory.Faker("name", locale="nl_NL")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        # allauth needs a verified primary address before it lets someone log in.
        if create:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
            self.save()

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            for name in extracted:
                self.groups.add(Group.objects.get(name=name))

    @factory.post_generation
    def totp(self, create, extracted, **kwargs):
        # True or False to choose; by default staff get an authenticator app, as the rule
        # wants (see _after_postgeneration). totp=False is for tests of the rule itself.
        return extracted

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        # Runs after every post-generation step, so the groups are in place by now.
        super()._after_postgeneration(instance, create, results)
        wanted = (results or {}).get("totp")
        if create and (must_use_totp(instance) if wanted is None else wanted):
            activate_totp(instance)


def activate_totp(user):
    """What setting up the app does: a TOTP secret and a set of recovery codes."""
    TOTP.activate(user, generate_totp_secret())
    RecoveryCodes.activate(user)


class StaffFactory(UserFactory):
    has_visit_duty = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create:
            self.groups.add(*Group.objects.filter(name__in=extracted or [GroupName.EMPLOYEE]))


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    name = factory.Sequence(lambda n: f"Team {n}")


class NeighbourhoodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Neighbourhood
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"W{n:03d}")
    name = factory.Sequence(lambda n: f"Wijk {n}")


class ComplexFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Complex

    code = factory.Sequence(lambda n: f"C{n:04d}")
    name = factory.Sequence(lambda n: f"Complex {n}")
    neighbourhood = factory.SubFactory(NeighbourhoodFactory)


class DwellingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dwelling

    complex = factory.SubFactory(ComplexFactory)
    street = "Lindenlaan"
    house_number = factory.Sequence(lambda n: n + 1)
    postcode = factory.Sequence(lambda n: f"{1000 + n % 9000:04d}AB")
    city = "Utrecht"


class HouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Household

    dwelling = factory.SubFactory(DwellingFactory)
    contract_number = factory.Sequence(lambda n: f"HC{n:07d}")
    tenancy_start = datetime.date(2015, 3, 1)
    main_tenant_birth_year = 1970
    persons = 2


class ResidentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resident

    user = factory.SubFactory(UserFactory)
    kind = Resident.Kind.TENANT
    household = factory.SubFactory(HouseholdFactory)
    birth_date = datetime.date(1990, 5, 17)


class HomeSeekerFactory(ResidentFactory):
    kind = Resident.Kind.HOME_SEEKER
    household = None
    registration_number = factory.Sequence(lambda n: f"WZ{n:06d}")
    birth_date = datetime.date(2002, 9, 1)


class TalentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Talent
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Talent {n}")


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role

    name = factory.Sequence(lambda n: f"Rol {n}")
    slug = factory.Sequence(lambda n: f"rol-{n}")
    category = "techniek"
    grade = 1
    description = "Een rol om te testen."
