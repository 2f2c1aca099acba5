"""A fixed day for the dashboard's hand-computed datasets: Wednesday 18 March 2026, ISO week 12
(Monday 16 March to Sunday 22 March). The default period starts eleven weeks before that
week: Monday 29 December 2025."""

import datetime

import pytest

from porous.dashboard.filters import Filters
from tests.factories import ComplexFactory, HouseholdFactory, NeighbourhoodFactory, TeamFactory
from visits.weeks import local_datetime

DAY = datetime.date(2026, 3, 18)
START = datetime.date(2026, 1, 1)


def filters(start=START, end=DAY, **changes):
    return Filters(start=start, end=end, today=end if end > DAY else DAY, **changes)


def at(day, hour=12):
    """An aware moment on `day` in the corporation's time zone."""
    return local_datetime(day, hour)


def household_in(neighbourhood, **fields):
    return HouseholdFactory(dwelling__complex=ComplexFactory(neighbourhood=neighbourhood), **fields)


@pytest.fixture
def places(db):
    """Three neighbourhoods: Noord and Zuid get households in the tests, Leeg stays empty."""
    return {
        "noord": NeighbourhoodFactory(code="N", name="Noord"),
        "zuid": NeighbourhoodFactory(code="Z", name="Zuid"),
        "leeg": NeighbourhoodFactory(code="L", name="Leeg"),
    }


@pytest.fixture
def teams(db):
    return {"a": TeamFactory(name="Team A"), "b": TeamFactory(name="Team B")}
