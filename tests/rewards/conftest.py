import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from rewards.models import first_of_month
from rewards.money import format_euro
from tests.factories_rewards import AllowanceLimitFactory, ArrangementFactory

NOV = datetime.date(2026, 11, 1)


def euro(value):
    """The way amounts appear in messages and pages: "€ 210,00" with a non-breaking space."""
    return format_euro(Decimal(value))


@pytest.fixture
def limits(db):
    """2026 (the 2025 figures) and, if the tests run later, the current year too."""
    rows = AllowanceLimitFactory(year=2026)
    AllowanceLimitFactory(year=timezone.localdate().year)
    return rows


@pytest.fixture
def allowance(db):
    return ArrangementFactory(name="Vrijwilligersvergoeding per taak")


@pytest.fixture
def this_month():
    return first_of_month(timezone.localdate())
