"""The tax-free limits and the budgets, on their edges."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rewards import services
from rewards.models import AllowanceLimit, Grant
from rewards.rules import age_on, is_21_or_over
from tests.factories import ResidentFactory
from tests.factories_rewards import (
    ArrangementFactory,
    CostsArrangementFactory,
    GrantFactory,
    HourlyArrangementFactory,
    InKindArrangementFactory,
)

from .conftest import NOV, euro

D = Decimal
NOV_NOON = datetime.datetime(2026, 11, 20, 12, tzinfo=datetime.UTC)
pytestmark = pytest.mark.django_db


def create(resident, arrangement, amount=None, month=NOV, **fields):
    fields.setdefault("reason", "Trappenhuis geschilderd")
    fields.setdefault("proposed_by", None)
    if amount is not None:
        fields["amount"] = D(amount)
    return services.grant_create(resident=resident, arrangement=arrangement, month=month, **fields)


def refused(code, call, *args, **kwargs):
    """The ValidationError's message (in English) when `call` is refused with `code`."""
    with translation.override("en"), pytest.raises(ValidationError) as info:
        call(*args, **kwargs)
    assert code in [error.code for error in info.value.error_list]
    return " ".join(info.value.messages)


def approved(resident, amount, month=NOV, arrangement=None):
    """An approved allowance grant, set up directly."""
    return GrantFactory(
        resident=resident,
        arrangement=arrangement or ArrangementFactory(),
        amount=D(amount),
        month=month,
        status=Grant.Status.APPROVED,
    )


# --- monthly limit ---------------------------------------------------------------------


def test_exactly_at_the_monthly_limit_is_allowed(tenant, limits, allowance):
    approved(tenant, "150.00")
    grant = create(tenant, allowance, "60.00")
    assert grant.status == Grant.Status.PROPOSED


def test_one_cent_over_the_monthly_limit_is_refused_with_the_figures(tenant, limits, allowance):
    approved(tenant, "150.00")
    message = refused("monthly_limit", create, tenant, allowance, "60.01")
    assert euro("210.01") in message
    assert euro("210.00") in message
    assert f"Room left in November 2026: {euro('60.00')}" in message
    assert "whole allowance is taxed" in message
    assert Grant.objects.count() == 1


def test_proposed_grants_reserve_their_room(tenant, limits, allowance):
    create(tenant, allowance, "200.00")
    refused("monthly_limit", create, tenant, allowance, "10.01")
    create(tenant, allowance, "10.00")


def test_rejected_grants_free_their_room(tenant, limits, allowance):
    GrantFactory(
        resident=tenant, amount=D("200"), status=Grant.Status.REJECTED, decided_at=NOV_NOON
    )
    create(tenant, allowance, "210.00")


def test_limits_are_per_resident(tenant, other_tenant, limits, allowance):
    approved(other_tenant, "210.00")
    create(tenant, allowance, "210.00")


def test_cost_reimbursement_does_not_count_toward_the_limits(tenant, limits, allowance):
    costs = CostsArrangementFactory()
    approved(tenant, "210.00")
    grant = create(tenant, costs, "480.00", description="Verf, bon 1234")
    assert grant.kind == "cost_reimbursement"
    # ...and does not use up room for allowances either.
    approved(tenant, "0.00", month=datetime.date(2026, 10, 1))
    create(tenant, allowance, "210.00", month=datetime.date(2026, 10, 1))


def test_rewards_in_kind_do_not_count_toward_the_limits(tenant, limits):
    approved(tenant, "210.00")
    create(tenant, InKindArrangementFactory(), "20.00", description="Een waardebon")


# --- yearly limit ----------------------------------------------------------------------


def _months_of_2026(resident, amounts):
    for month, amount in enumerate(amounts, start=1):
        approved(resident, amount, month=datetime.date(2026, month, 1))


def test_exactly_at_the_yearly_limit_is_allowed(tenant, limits, allowance):
    _months_of_2026(tenant, ["210.00"] * 9 + ["209.99"])
    create(tenant, allowance, "0.01")


def test_one_cent_over_the_yearly_limit_is_refused(tenant, limits, allowance):
    _months_of_2026(tenant, ["210.00"] * 10)
    message = refused("yearly_limit", create, tenant, allowance, "0.01")
    assert euro("2100.01") in message and euro("2100.00") in message
    assert f"Room left in 2026: {euro('0.00')}" in message


def test_the_yearly_limit_is_per_calendar_year(tenant, limits, allowance):
    _months_of_2026(tenant, ["210.00"] * 10)
    create(tenant, allowance, "210.00", month=datetime.date(2025, 12, 1))


def test_a_year_without_limits_refuses_allowances_but_not_other_rewards(tenant, limits, allowance):
    message = refused("no_limits", create, tenant, allowance, "10", month=datetime.date(2031, 1, 1))
    assert "no allowance limits for 2031 yet: an administrator must enter them" in message
    create(
        tenant,
        InKindArrangementFactory(),
        month=datetime.date(2031, 1, 1),
        description="Koffie op kantoor",
    )


# --- hourly limit by age ---------------------------------------------------------------


def test_hourly_limit_for_21_and_over_exactly_and_one_cent_over(tenant, limits):
    hourly = HourlyArrangementFactory()
    create(tenant, hourly, "22.40", hours=D("4"))
    message = refused("hourly_limit", create, tenant, hourly, "22.41", hours=D("4"))
    assert f"{euro('5.61')} an hour" in message
    assert f"limit of {euro('5.60')} an hour for someone aged 21 or over" in message


def test_hourly_limit_under_21(limits):
    young = ResidentFactory(birth_date=datetime.date(2007, 1, 1))
    hourly = HourlyArrangementFactory()
    create(young, hourly, "9.90", hours=D("3"))
    message = refused("hourly_limit", create, young, hourly, "9.91", hours=D("3"))
    assert f"limit of {euro('3.30')} an hour for someone under 21" in message


def test_without_a_date_of_birth_the_under_21_limit_applies_and_says_so(limits):
    unknown = ResidentFactory(birth_date=None, user__full_name="Jan Zonder")
    hourly = HourlyArrangementFactory()
    message = refused("hourly_limit", create, unknown, hourly, "5.00", hours=D("1"))
    assert "do not know the date of birth of Jan Zonder" in message
    create(unknown, hourly, "3.30", hours=D("1"))


def test_the_21st_birthday_inside_the_month(limits):
    # Turns 21 on 15 November 2026.
    resident = ResidentFactory(birth_date=datetime.date(2005, 11, 15))
    hourly = HourlyArrangementFactory()
    day_before = datetime.date(2026, 11, 14)
    birthday = datetime.date(2026, 11, 15)
    message = refused(
        "hourly_limit", create, resident, hourly, "5.60", hours=D("1"), work_date=day_before
    )
    assert "is under 21 on 14 November 2026" in message
    create(resident, hourly, "5.60", hours=D("1"), work_date=birthday)
    # Without a date of the work the first day of the month counts: still under 21.
    refused("hourly_limit", create, resident, hourly, "5.60", hours=D("1"))
    create(resident, hourly, "3.30", hours=D("1"))


def test_hours_are_needed_for_an_hourly_allowance(tenant, limits):
    message = refused("hours", create, tenant, HourlyArrangementFactory(), "10.00")
    assert "number of hours" in message


@given(
    birth=st.dates(min_value=datetime.date(1940, 1, 1), max_value=datetime.date(2020, 12, 31)),
    day=st.dates(min_value=datetime.date(2025, 1, 1), max_value=datetime.date(2030, 12, 31)),
)
def test_21_or_over_means_the_21st_birthday_has_come(birth, day):
    try:
        birthday_21 = birth.replace(year=birth.year + 21)
    except ValueError:  # born on 29 February: the birthday is 1 March in other years
        birthday_21 = datetime.date(birth.year + 21, 3, 1)
    assert is_21_or_over(birth, day) == (day >= birthday_21)
    assert age_on(birth, day) >= 0 or day < birth


# --- approval checks again, against what is approved by now ------------------------------


def test_two_proposals_that_together_cross_the_limit_one_approval_refused(
    tenant, limits, coordinator
):
    # Proposals made before the limit was lowered, say: both fit then.
    first = GrantFactory(resident=tenant, amount=D("150"))
    second = GrantFactory(resident=tenant, amount=D("150"))
    services.grant_approve(grant=first, approver=coordinator)
    message = refused("monthly_limit", services.grant_approve, grant=second, approver=coordinator)
    assert euro("300.00") in message
    second.refresh_from_db()
    assert second.status == Grant.Status.PROPOSED


def test_approval_uses_the_limits_as_they_are_now(tenant, limits, allowance, coordinator):
    grant = create(tenant, allowance, "200.00")
    AllowanceLimit.objects.filter(year=2026).update(monthly=D("180"))
    refused("monthly_limit", services.grant_approve, grant=grant, approver=coordinator)


# --- a grant moved to another month ----------------------------------------------------


def test_moving_a_grant_checks_the_new_month_and_frees_the_old(tenant, limits, allowance):
    november = create(tenant, allowance, "200.00")
    approved(tenant, "200.00", month=datetime.date(2026, 12, 1))
    message = refused(
        "monthly_limit", services.grant_move, grant=november, month=datetime.date(2026, 12, 1)
    )
    assert "December 2026" in message
    services.grant_move(grant=november, month=datetime.date(2026, 10, 17))
    november.refresh_from_db()
    assert november.month == datetime.date(2026, 10, 1)
    create(tenant, allowance, "210.00")  # November has room again


def test_a_grant_moved_within_its_own_month_does_not_count_twice(tenant, limits, allowance):
    grant = create(tenant, allowance, "210.00")
    services.grant_move(grant=grant, month=datetime.date(2026, 11, 30))


def test_a_paid_grant_cannot_move(tenant, limits):
    grant = GrantFactory(resident=tenant, status=Grant.Status.REJECTED, decided_at=NOV_NOON)
    refused("cannot_move", services.grant_move, grant=grant, month=datetime.date(2026, 10, 1))


# --- budget ----------------------------------------------------------------------------


def test_exactly_the_budget_is_allowed_one_cent_more_refused(tenant, other_tenant, limits):
    arrangement = ArrangementFactory(yearly_budget=D("300.00"))
    create(other_tenant, arrangement, "200.00")
    message = refused("budget", create, tenant, arrangement, "100.01")
    assert f"is {euro('300.00')}" in message
    assert f"{euro('100.00')} is left, not enough for {euro('100.01')}" in message
    create(tenant, arrangement, "100.00")


def test_budget_is_per_calendar_year_and_ignores_rejected(tenant, other_tenant, limits):
    arrangement = ArrangementFactory(yearly_budget=D("100.00"))
    GrantFactory(arrangement=arrangement, amount=D("100"), month=datetime.date(2025, 12, 1))
    GrantFactory(
        arrangement=arrangement,
        amount=D("100"),
        status=Grant.Status.REJECTED,
        decided_at=NOV_NOON,
    )
    create(tenant, arrangement, "100.00")


def test_budget_counts_rewards_in_kind_with_a_value(tenant, limits):
    vouchers = InKindArrangementFactory(yearly_budget=D("50.00"))
    create(tenant, vouchers, "25.00", description="Waardebon")
    create(tenant, vouchers, "25.00", description="Waardebon")
    refused("budget", create, tenant, vouchers, "0.01", description="Waardebon")
    create(tenant, vouchers, description="Koffie zonder waarde")


def test_budget_is_checked_again_at_approval(tenant, other_tenant, limits, coordinator):
    arrangement = ArrangementFactory(yearly_budget=D("100.00"))
    first = GrantFactory(resident=tenant, arrangement=arrangement, amount=D("60"))
    second = GrantFactory(resident=other_tenant, arrangement=arrangement, amount=D("60"))
    services.grant_approve(grant=first, approver=coordinator)
    message = refused("budget", services.grant_approve, grant=second, approver=coordinator)
    assert f"{euro('40.00')} is left" in message


# --- properties ------------------------------------------------------------------------

amounts = st.decimals(min_value=D("0.01"), max_value=D("250.00"), places=2)


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    attempts=st.lists(
        st.tuples(amounts, st.integers(min_value=1, max_value=12)), min_size=1, max_size=25
    )
)
def test_accepted_allowances_never_pass_a_limit_and_refusals_change_nothing(
    tenant, limits, allowance, attempts
):
    with transaction.atomic():
        for amount, month_number in attempts:
            month = datetime.date(2026, month_number, 1)
            before = Grant.objects.count()
            try:
                create(tenant, allowance, amount, month=month)
            except ValidationError as error:
                assert error.code in ("monthly_limit", "yearly_limit")
                assert Grant.objects.count() == before
        grants = list(Grant.objects.filter(resident=tenant))
        per_month = {}
        for grant in grants:
            per_month[grant.month] = per_month.get(grant.month, D(0)) + grant.amount
        assert all(total <= D("210.00") for total in per_month.values())
        assert sum(per_month.values(), D(0)) <= D("2100.00")
        transaction.set_rollback(True)


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    amount=amounts,
    hours=st.decimals(min_value=D("0.25"), max_value=D("24"), places=2),
    work_day=st.integers(min_value=1, max_value=30),
)
def test_hourly_grants_are_accepted_exactly_when_within_the_age_limit(
    limits, amount, hours, work_day
):
    with transaction.atomic():
        resident = ResidentFactory(birth_date=datetime.date(2005, 11, 15))
        work_date = datetime.date(2026, 11, work_day)
        limit = D("5.60") if work_day >= 15 else D("3.30")
        within = amount <= limit * hours and amount <= D("210.00")
        try:
            create(resident, HourlyArrangementFactory(), amount, hours=hours, work_date=work_date)
            assert within
        except ValidationError:
            assert not within
        transaction.set_rollback(True)
