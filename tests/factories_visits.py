import datetime

import factory
from django.utils import timezone

from tests.factories import (
    HouseholdFactory,
    NeighbourhoodFactory,
    ResidentFactory,
    StaffFactory,
)
from visits.models import FollowUp, NeighbourhoodCoordinator, NoteAccess, Visit, VisitRequest


class VisitFactory(factory.django.DjangoModelFactory):
    """A planned visit; use LoggedVisitFactory for one that happened."""

    class Meta:
        model = Visit

    household = factory.SubFactory(HouseholdFactory)
    employee = factory.SubFactory(StaffFactory)
    kind = Visit.Kind.REGULAR
    planned_for = factory.LazyFunction(timezone.localdate)


class LoggedVisitFactory(VisitFactory):
    status = Visit.Status.LOGGED
    outcome = Visit.Outcome.VISITED
    visited_on = factory.SelfAttribute("planned_for")
    notes = "Tevreden over de woning."
    satisfaction = 8
    logged_at = factory.LazyAttribute(
        lambda o: timezone.make_aware(datetime.datetime.combine(o.visited_on, datetime.time(17)))
    )


class VisitRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VisitRequest

    resident = factory.SubFactory(ResidentFactory)
    household = factory.SelfAttribute("resident.household")
    topic = "Vocht in de slaapkamer."


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUp

    visit = factory.SubFactory(LoggedVisitFactory)
    kind = FollowUp.Kind.MAINTENANCE
    description = "Lekkende kraan."
    owner = factory.SelfAttribute("visit.employee")
    due_on = factory.LazyAttribute(lambda o: o.visit.visited_on + datetime.timedelta(days=7))


class NoteAccessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NoteAccess

    visit = factory.SubFactory(LoggedVisitFactory)
    user = factory.SubFactory(StaffFactory)


class NeighbourhoodCoordinatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NeighbourhoodCoordinator

    neighbourhood = factory.SubFactory(NeighbourhoodFactory)
    coordinator = factory.SubFactory(StaffFactory)
