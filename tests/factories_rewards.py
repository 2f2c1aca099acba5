"""Factories for the rewards app. Grants made here skip the rules on purpose (to set up a
situation); tests of the rules call `rewards.services`."""

import datetime
from decimal import Decimal

import factory

from rewards.models import AllowanceLimit, Arrangement, Grant, Payout
from tests.factories import ResidentFactory, UserFactory

LIMITS = {
    "hourly_21_and_over": Decimal("5.60"),
    "hourly_under_21": Decimal("3.30"),
    "monthly": Decimal("210.00"),
    "yearly": Decimal("2100.00"),
}


class AllowanceLimitFactory(factory.django.DjangoModelFactory):
    """The 2025 figures, for any year (the 2025 row itself comes from the migration)."""

    class Meta:
        model = AllowanceLimit
        django_get_or_create = ["year"]

    year = 2026
    hourly_21_and_over = LIMITS["hourly_21_and_over"]
    hourly_under_21 = LIMITS["hourly_under_21"]
    monthly = LIMITS["monthly"]
    yearly = LIMITS["yearly"]


class ArrangementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Arrangement

    name = factory.Sequence(lambda n: f"Vrijwilligersvergoeding {n}")
    kind = Arrangement.Kind.ALLOWANCE
    unit = Arrangement.Unit.PER_TASK
    default_amount = Decimal("25.00")
    yearly_budget = None
    active_from = datetime.date(2024, 1, 1)


class HourlyArrangementFactory(ArrangementFactory):
    unit = Arrangement.Unit.PER_HOUR
    default_amount = Decimal("5.00")


class InKindArrangementFactory(ArrangementFactory):
    name = factory.Sequence(lambda n: f"Waardebon {n}")
    kind = Arrangement.Kind.MATERIAL
    unit = Arrangement.Unit.ONCE
    default_amount = Decimal("20.00")


class CostsArrangementFactory(ArrangementFactory):
    name = factory.Sequence(lambda n: f"Onkostenvergoeding {n}")
    kind = Arrangement.Kind.COST_REIMBURSEMENT
    unit = Arrangement.Unit.ONCE
    default_amount = None


class PayoutFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Payout

    created_by = factory.SubFactory(UserFactory)


NOON = datetime.datetime(2026, 11, 20, 12, tzinfo=datetime.UTC)


class GrantFactory(factory.django.DjangoModelFactory):
    """A proposed allowance grant of € 50 for November 2026; decided and paid ones get the
    dates (and the payout) the database asks for."""

    class Meta:
        model = Grant

    resident = factory.SubFactory(ResidentFactory)
    arrangement = factory.SubFactory(ArrangementFactory)
    kind = factory.LazyAttribute(lambda grant: grant.arrangement.kind)
    month = datetime.date(2026, 11, 1)
    amount = Decimal("50.00")
    description = factory.LazyAttribute(
        lambda grant: "" if grant.kind == Arrangement.Kind.ALLOWANCE else "Een waardebon"
    )
    reason = "Trappenhuis geschilderd"
    status = Grant.Status.PROPOSED
    decided_at = factory.LazyAttribute(
        lambda grant: None if grant.status == Grant.Status.PROPOSED else NOON
    )
    payout = factory.Maybe(
        factory.LazyAttribute(lambda grant: grant.status == Grant.Status.PAID),
        factory.SubFactory(PayoutFactory),
        None,
    )
    paid_at = factory.LazyAttribute(
        lambda grant: NOON if grant.status == Grant.Status.PAID else None
    )
