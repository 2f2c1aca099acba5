"""Small pieces the dashboard selectors share."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db import connection
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from tenants.models import Household, Neighbourhood

# From a household to its neighbourhood (the household's own copy: one table, no joins),
# and from the models that hang off a household.
HOUSEHOLD_NEIGHBOURHOOD = "neighbourhood"
RESIDENT_NEIGHBOURHOOD = f"household__{HOUSEHOLD_NEIGHBOURHOOD}"
VISIT_NEIGHBOURHOOD = "neighbourhood"  # the visit's own copy, see visits.models.Visit
TENTH = Decimal("0.1")
# Reach: households talked with at home in the last 12 months of the period.
REACH_MONTHS = 12

# An erased resident has no household any more, only the neighbourhood kept for the figures.
ERASED_NEIGHBOURHOOD = "erased_neighbourhood"


def resident_in(neighbourhood, prefix=""):
    """Residents (reached through `prefix`) of a neighbourhood, erased accounts included.

    The neighbourhood's households are a subquery: with the OR across a join to the
    households, PostgreSQL read all 100,000 of them to find a few hundred residents. (A
    UNION of the living and the erased, each an index read, was planned worse still.)"""
    households = Household.objects.filter(**{HOUSEHOLD_NEIGHBOURHOOD: neighbourhood})
    return Q(**{f"{prefix}household__in": households.values("pk")}) | Q(
        **{f"{prefix}{ERASED_NEIGHBOURHOOD}": neighbourhood}
    )


def resident_neighbourhood(prefix="", field="id"):
    """The neighbourhood's `field` of a resident reached through `prefix`, erased or not."""
    return Coalesce(
        F(f"{prefix}{RESIDENT_NEIGHBOURHOOD}__{field}"),
        F(f"{prefix}{ERASED_NEIGHBOURHOOD}__{field}"),
    )


def percent(part, whole):
    """66.7 for 2 of 3, to one decimal; None when there is nothing to divide by."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(TENTH, rounding=ROUND_HALF_UP)


def average(total, count):
    if not count:
        return None
    return (Decimal(total) / Decimal(count)).quantize(TENTH, rounding=ROUND_HALF_UP)


def current_households(day, prefix=""):
    """Tenancies running on `day`: started on or before it, not ended by it."""
    return Q(**{f"{prefix}tenancy_start__lte": day}) & (
        Q(**{f"{prefix}tenancy_end__isnull": True}) | Q(**{f"{prefix}tenancy_end__gt": day})
    )


def households_shown(filters):
    """The households current at the end of the period, in the chosen neighbourhood if any."""
    households = Household.objects.filter(current_households(filters.end))
    if filters.neighbourhood:
        households = households.filter(**{HOUSEHOLD_NEIGHBOURHOOD: filters.neighbourhood})
    return households


def rows_over(sql, *querysets):
    """The rows of `sql`, with the SQL of each queryset in place of {0}, {1}, ... and their
    parameters kept apart. For an aggregate over an aggregate, which the ORM has not: the
    inner queries stay Django's own."""
    parts, params = [], []
    for queryset in querysets:
        part, part_params = queryset.query.sql_with_params()
        parts.append(part)
        params.extend(part_params)
    with connection.cursor() as cursor:
        cursor.execute(sql.format(*parts), params)  # nosec B608: the text is ours and Django's
        return cursor.fetchall()


def day_from_db(value):
    """A date as `rows_over` gives it back: a date, a moment at midnight (PostgreSQL's
    DATE_TRUNC) or text (SQLite)."""
    if isinstance(value, str):
        return datetime.date.fromisoformat(value[:10])
    if isinstance(value, datetime.datetime):
        return value.date()
    return value


def moment_from_db(value):
    """A moment as `rows_over` gives it back: aware (PostgreSQL) or text in UTC (SQLite)."""
    if isinstance(value, str):
        moment = parse_datetime(value)
        return moment if timezone.is_aware(moment) else timezone.make_aware(moment, datetime.UTC)
    return value


def shared(filters, compute):
    """`compute(filters)`, worked out once for all the blocks of a page with these filters."""
    if compute not in filters.memo:
        filters.memo[compute] = compute(filters)
    return filters.memo[compute]


def neighbourhoods(filters):
    """[(pk, name)] of the neighbourhoods shown: all, or the chosen one. One query a page."""
    return shared(filters, _neighbourhoods)


def _neighbourhoods(filters):
    queryset = Neighbourhood.objects.order_by("name", "pk")
    if filters.neighbourhood:
        queryset = queryset.filter(pk=filters.neighbourhood.pk)
    return list(queryset.values_list("pk", "name"))
