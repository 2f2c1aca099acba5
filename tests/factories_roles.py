import factory

from roles.models import Application, Opening
from tests.factories import ResidentFactory, RoleFactory, StaffFactory


class OpeningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Opening

    role = factory.SubFactory(RoleFactory)
    places = 1
    coordinator = factory.SubFactory(
        StaffFactory, groups=["employee", "coordinator"], has_visit_duty=False
    )


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    resident = factory.SubFactory(ResidentFactory)
    opening = factory.SubFactory(OpeningFactory)
    status = Application.Status.PENDING


class ActiveApplicationFactory(ApplicationFactory):
    status = Application.Status.ACTIVE
    started_on = factory.Faker("date_between", start_date="-2y", end_date="-1d")
