import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template import Context, Template
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from rewards.models import AllowanceLimit, Arrangement, Grant
from rewards.money import NBSP, format_euro, format_plain
from tests.factories_rewards import ArrangementFactory, GrantFactory

# --- the euro format ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("1234.56"), "€ 1.234,56"),
        (Decimal("0"), "€ 0,00"),
        (Decimal("5.6"), "€ 5,60"),
        (Decimal("210"), "€ 210,00"),
        (Decimal("999.999"), "€ 1.000,00"),
        (Decimal("1000000"), "€ 1.000.000,00"),
        (Decimal("0.005"), "€ 0,01"),
        (Decimal("-12"), "-€ 12,00"),
        (7, "€ 7,00"),
        ("2100.00", "€ 2.100,00"),
        (0.1 + 0.2, "€ 0,30"),
    ],
)
def test_format_euro(value, text):
    assert format_euro(value) == text.replace(" ", NBSP)


def test_format_euro_leaves_no_amount_empty():
    assert format_euro(None) == ""


def test_format_plain_is_for_spreadsheets():
    assert format_plain(Decimal("1234.5")) == "1234,50"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_euro_filter_is_dutch_in_every_language(language):
    template = Template("{% load money %}{{ amount|euro }}|{{ nothing|euro }}|{{ bad|euro }}")
    with translation.override(language):
        html = template.render(Context({"amount": Decimal("1234.56"), "bad": "abc"}))
    assert html == f"€{NBSP}1.234,56||"


@given(st.decimals(min_value=-(10**7), max_value=10**7, places=2, allow_nan=False))
def test_format_euro_reads_back_as_the_same_amount(amount):
    text = format_euro(amount)
    number = text.replace("€", "").replace(NBSP, "").replace(".", "").replace(",", ".")
    assert Decimal(number) == amount
    whole = text.split(NBSP)[1].split(",")[0]
    assert all(len(group) == 3 for group in whole.split(".")[1:])


# --- the database keeps the invariants -----------------------------------------------------


def _violates(name, **fields):
    with pytest.raises(IntegrityError, match=name), transaction.atomic():
        GrantFactory(**fields)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "name"),
    [
        ({"amount": Decimal("-0.01")}, "rewards_grant_amount_not_negative"),
        ({"hours": Decimal("0")}, "rewards_grant_hours_positive"),
        ({"amount": None}, "rewards_grant_money_has_amount"),
        (
            {"arrangement__kind": Arrangement.Kind.MATERIAL, "description": "", "amount": None},
            "rewards_grant_in_kind_or_costs_has_description",
        ),
        ({"status": Grant.Status.APPROVED, "decided_at": None}, "rewards_grant_decided_has_date"),
        ({"status": Grant.Status.PAID, "payout": None}, "rewards_grant_paid_through_a_payout"),
    ],
)
def test_grant_constraints_refuse_bad_rows(fields, name):
    # Both SQLite and PostgreSQL name the failing constraint in the error.
    _violates(name, **fields)


@pytest.mark.django_db
def test_arrangement_and_limit_constraints():
    with pytest.raises(IntegrityError, match="rewards_arrangement_active_period_in_order"):
        with transaction.atomic():
            ArrangementFactory(
                active_from=datetime.date(2026, 5, 1), active_until=datetime.date(2026, 4, 30)
            )
    with pytest.raises(IntegrityError, match="rewards_arrangement_budget_not_negative"):
        with transaction.atomic():
            ArrangementFactory(yearly_budget=Decimal("-1"))
    with pytest.raises(IntegrityError, match="rewards_allowancelimit_month_within_year"):
        with transaction.atomic():
            AllowanceLimit.objects.create(
                year=2030,
                hourly_21_and_over=1,
                hourly_under_21=1,
                monthly=Decimal("300"),
                yearly=Decimal("200"),
            )
    with pytest.raises(IntegrityError):
        with transaction.atomic():
            AllowanceLimit.objects.create(
                year=2025, hourly_21_and_over=1, hourly_under_21=1, monthly=1, yearly=1
            )


@pytest.mark.django_db
def test_grant_month_must_be_a_first_day():
    grant = GrantFactory.build(month=datetime.date(2026, 11, 2))
    with pytest.raises(ValidationError):
        grant.clean()


@pytest.mark.django_db
def test_the_2025_limits_come_with_the_first_migrate():
    row = AllowanceLimit.objects.get(year=2025)
    assert (row.hourly_21_and_over, row.hourly_under_21, row.monthly, row.yearly) == (
        Decimal("5.60"),
        Decimal("3.30"),
        Decimal("210.00"),
        Decimal("2100.00"),
    )
    assert not AllowanceLimit.objects.filter(year=2026).exists()


@pytest.mark.django_db
def test_groups_hold_the_rewards_permissions():
    def codes(name):
        group = Group.objects.get(name=name)
        return set(
            group.permissions.filter(content_type__app_label="rewards").values_list(
                "codename", flat=True
            )
        )

    assert {"approve_grant", "export_payout"} <= codes("coordinator")
    assert {"approve_grant", "export_payout"} <= codes("manager")
    assert codes("employee") == set()
    assert {"approve_grant", "export_payout", "change_allowancelimit"} <= codes("administrator")


@pytest.mark.django_db
def test_active_in_a_month_counts_any_day_of_it():
    may = ArrangementFactory(
        active_from=datetime.date(2026, 5, 31), active_until=datetime.date(2026, 6, 1)
    )
    active = Arrangement.objects.active_in
    assert may in active(datetime.date(2026, 5, 1))
    assert may in active(datetime.date(2026, 6, 1))
    assert may not in active(datetime.date(2026, 4, 1))
    assert may not in active(datetime.date(2026, 7, 1))


@pytest.mark.django_db
def test_str_and_hourly_rate():
    grant = GrantFactory(amount=Decimal("10.00"), hours=Decimal("3"))
    assert "2026-11" in str(grant)
    assert grant.hourly_rate == Decimal("3.33")
    assert GrantFactory(hours=None).hourly_rate is None
    assert str(AllowanceLimit.objects.get(year=2025)) == "2025"
