import datetime
import random
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from rewards import services
from rewards.demo import seed_rewards
from rewards.models import AllowanceLimit, Arrangement, Grant
from rewards.selectors import allowance_room, grants_to_approve
from tenants.models import Resident
from tests.factories import HomeSeekerFactory, ResidentFactory
from tests.factories_rewards import (
    ArrangementFactory,
    CostsArrangementFactory,
    GrantFactory,
    InKindArrangementFactory,
)

from .conftest import NOV

D = Decimal
pytestmark = pytest.mark.django_db


def create(resident, arrangement, **fields):
    fields.setdefault("reason", "Buren welkom geheten")
    fields.setdefault("month", NOV)
    fields.setdefault("proposed_by", None)
    return services.grant_create(resident=resident, arrangement=arrangement, **fields)


def codes(call, **kwargs):
    with translation.override("en"), pytest.raises(ValidationError) as info:
        call(**kwargs)
    return {error.code for error in info.value.error_list}


# --- grant_create ----------------------------------------------------------------------


def test_create_an_allowance(tenant, limits, allowance, coordinator):
    grant = create(
        tenant,
        allowance,
        month=datetime.date(2026, 11, 23),
        amount=D("25"),
        proposed_by=coordinator,
        reason="  Trap geveegd ",
    )
    grant.refresh_from_db()
    assert grant.month == NOV
    assert grant.amount == D("25.00")
    assert grant.kind == Arrangement.Kind.ALLOWANCE
    assert grant.status == Grant.Status.PROPOSED
    assert grant.reason == "Trap geveegd"
    assert grant.proposed_by == coordinator


def test_create_a_reward_in_kind_and_a_reimbursement(tenant, limits):
    voucher = create(tenant, InKindArrangementFactory(), description="Waardebon bouwmarkt")
    assert voucher.amount is None and voucher.kind == "material"
    costs = create(tenant, CostsArrangementFactory(), amount=D("12.50"), description="Verf, bon 88")
    assert costs.kind == "cost_reimbursement"


@pytest.mark.parametrize(
    ("arrangement_factory", "fields", "code"),
    [
        (ArrangementFactory, {"amount": None}, "amount"),
        (ArrangementFactory, {"amount": D("0")}, "amount"),
        (ArrangementFactory, {"amount": D("10.001")}, "amount"),
        (ArrangementFactory, {"amount": D("10"), "reason": "  "}, "reason"),
        (ArrangementFactory, {"amount": D("10"), "hours": D("0")}, "hours"),
        (InKindArrangementFactory, {"description": ""}, "description"),
        (CostsArrangementFactory, {"amount": D("10"), "description": ""}, "description"),
        (CostsArrangementFactory, {"amount": D("-1"), "description": "bon"}, "amount"),
    ],
)
def test_create_refuses_incomplete_grants(tenant, limits, arrangement_factory, fields, code):
    assert code in codes(create, resident=tenant, arrangement=arrangement_factory(), **fields)
    assert not Grant.objects.exists()


def test_create_refuses_floats(tenant, limits, allowance):
    with pytest.raises(TypeError):
        create(tenant, allowance, amount=25.0)


def test_create_refuses_an_arrangement_outside_its_period(tenant, limits):
    ended = ArrangementFactory(
        active_from=datetime.date(2025, 1, 1), active_until=datetime.date(2026, 10, 31)
    )
    assert codes(create, resident=tenant, arrangement=ended, amount=D("5")) == {"inactive"}
    create(tenant, ended, amount=D("5"), month=datetime.date(2026, 10, 1))


def test_temporary_tenancy_is_only_for_home_seekers(tenant, limits):
    tenancy = ArrangementFactory(kind=Arrangement.Kind.TEMPORARY_TENANCY, unit="month")
    fields = {"arrangement": tenancy, "description": "Kamer in de Lindenhof"}
    assert "not_home_seeker" in codes(create, resident=tenant, **fields)
    assert create(HomeSeekerFactory(), **fields).kind == "temporary_tenancy"


# --- grant_approve / grant_reject ------------------------------------------------------


def test_approve(tenant, limits, coordinator):
    grant = GrantFactory(resident=tenant)
    services.grant_approve(grant=grant, approver=coordinator)
    grant.refresh_from_db()
    assert grant.status == Grant.Status.APPROVED
    assert grant.decided_by == coordinator and grant.decided_at is not None


def test_approving_twice_says_it_was_decided(tenant, limits, coordinator):
    grant = GrantFactory(resident=tenant)
    services.grant_approve(grant=grant, approver=coordinator)
    assert codes(services.grant_approve, grant=grant, approver=coordinator) == {"already_decided"}


def test_nobody_approves_their_own_reward(limits, coordinator):
    resident = ResidentFactory(user=coordinator)
    grant = GrantFactory(resident=resident)
    assert codes(services.grant_approve, grant=grant, approver=coordinator) == {"own_grant"}


def test_reject_needs_a_reason_and_keeps_it(tenant, limits, coordinator):
    grant = GrantFactory(resident=tenant)
    assert codes(services.grant_reject, grant=grant, approver=coordinator, reason=" ") == {"reason"}
    services.grant_reject(grant=grant, approver=coordinator, reason="Al vergoed in oktober")
    grant.refresh_from_db()
    assert grant.status == Grant.Status.REJECTED
    assert grant.decision_note == "Al vergoed in oktober"
    assert codes(services.grant_reject, grant=grant, approver=coordinator, reason="x") == {
        "already_decided"
    }


def test_an_approved_grant_can_no_longer_be_rejected(tenant, limits, coordinator):
    grant = GrantFactory(resident=tenant, status=Grant.Status.APPROVED)
    assert codes(services.grant_reject, grant=grant, approver=coordinator, reason="x") == {
        "already_decided"
    }


# --- selectors -------------------------------------------------------------------------


def test_allowance_room_in_a_month(tenant, limits):
    GrantFactory(resident=tenant, amount=D("100"), status=Grant.Status.APPROVED)
    GrantFactory(resident=tenant, amount=D("70"))
    GrantFactory(resident=tenant, amount=D("40"), month=datetime.date(2026, 10, 1))
    GrantFactory(
        resident=tenant,
        amount=D("30"),
        status=Grant.Status.REJECTED,
        decided_at=datetime.datetime(2026, 11, 2, tzinfo=datetime.UTC),
    )
    GrantFactory(resident=tenant, arrangement=CostsArrangementFactory(), amount=D("99"))
    room = allowance_room(tenant, datetime.date(2026, 11, 23))
    assert (room.this_month.received, room.this_month.pending) == (D("100"), D("70"))
    assert room.this_month.left == D("40")
    assert room.this_month.near  # 170 of 210 is 80.9 %
    assert room.this_year.used == D("210") and room.this_year.left == D("1890")
    assert not room.this_year.near
    assert room.hourly == D("5.60")


def test_the_warning_starts_at_80_percent(tenant, limits):
    GrantFactory(resident=tenant, amount=D("167.99"))
    assert not allowance_room(tenant, NOV).near
    GrantFactory(resident=tenant, amount=D("0.01"))
    assert allowance_room(tenant, NOV).near


def test_room_without_limits_for_the_year(tenant):
    AllowanceLimit.objects.filter(year__gte=2026).delete()
    room = allowance_room(tenant, NOV)
    assert room.limit is None and room.this_month is None and room.hourly is None


def test_approval_rows_carry_the_residents_totals(tenant, other_tenant, limits):
    GrantFactory(resident=tenant, amount=D("120"), status=Grant.Status.APPROVED)
    waiting = GrantFactory(resident=tenant, amount=D("60"))
    GrantFactory(resident=other_tenant, arrangement=InKindArrangementFactory(), amount=None)
    approvals = grants_to_approve()
    assert approvals.total == 2
    row = next(row for row in approvals.rows if row.grant == waiting)
    assert row.this_month.used == D("180") and row.near
    assert row.this_year.used == D("180")
    assert row.hourly_limit == D("5.60")


# --- demo data -------------------------------------------------------------------------


def test_seed_rewards_makes_every_kind_and_status(coordinator, limits):
    for _ in range(12):
        ResidentFactory()
    HomeSeekerFactory.create_batch(4)
    counts = seed_rewards(rng=random.Random(3))
    assert set(Arrangement.objects.values_list("kind", flat=True)) == set(Arrangement.Kind)
    assert counts["reward grants"] == Grant.objects.count() > 0
    assert counts["reward grants rejected"] >= 1
    assert set(Grant.objects.values_list("status", flat=True)) == set(Grant.Status)
    assert counts["payouts"] >= 1
    today = timezone.localdate()
    assert AllowanceLimit.objects.filter(year=today.year).exists()
    assert any(allowance_room(resident, today).near for resident in Resident.objects.all())
