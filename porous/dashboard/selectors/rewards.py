"""Block 8, rewards: what each arrangement spent and committed against its yearly budget, and
the residents at 80 % or more of a tax-free allowance limit.

The year is the one the period ends in; "this month" is the month it ends in. The limits are
measured the way the rewards app warns residents (`rewards.selectors.Room`): every grant that
is not rejected counts, because a proposal already reserves its room. The neighbourhood
filter narrows to grants of residents living there; budgets stay whole.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q, Sum

from rewards.models import ZERO, AllowanceLimit, Arrangement, Grant, first_of_month
from rewards.selectors import COMMITTED, PENDING, WARNING_SHARE, Room

from .common import percent, resident_in, resident_neighbourhood


@dataclass
class BudgetRow:
    arrangement_id: int
    name: str
    kind: str
    budget: object  # Decimal or None: no budget
    paid: object
    approved: object  # approved, not paid yet
    proposed: object  # waiting for approval

    @property
    def committed(self):
        """Spent or promised: paid plus approved."""
        return self.paid + self.approved

    @property
    def left(self):
        """What new grants may still use: proposals reserve their part, as the rules say."""
        if self.budget is None:
            return None
        return self.budget - self.committed - self.proposed

    @property
    def share(self):
        return percent(self.committed, self.budget) if self.budget else None


@dataclass
class NearRow:
    resident_id: int
    name: str
    neighbourhood: str
    this_month: Room
    this_year: Room


@dataclass
class Rewards:
    year: int
    month: datetime.date
    budgets: list
    limit: AllowanceLimit | None
    near: list


def _sum(status_q, extra):
    return Sum("grants__amount", filter=status_q & extra)


def budgets(filters, year):
    """One query: arrangements running in the year with their grants of the year summed by
    status (a left join, so arrangements without grants show zeros)."""
    first, next_first = datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1)
    in_year = Q(grants__month__gte=first, grants__month__lt=next_first)
    if filters.neighbourhood:
        in_year &= resident_in(filters.neighbourhood, "grants__resident__")
    rows = (
        Arrangement.objects.filter(active_from__lt=next_first)
        .filter(Q(active_until__isnull=True) | Q(active_until__gte=first))
        .annotate(
            paid=_sum(Q(grants__status=Grant.Status.PAID), in_year),
            approved=_sum(Q(grants__status=Grant.Status.APPROVED), in_year),
            proposed=_sum(Q(grants__status=Grant.Status.PROPOSED), in_year),
        )
        .order_by("name", "pk")
        .values_list("pk", "name", "kind", "yearly_budget", "paid", "approved", "proposed")
    )
    return [
        BudgetRow(pk, name, kind, budget, paid or ZERO, approved or ZERO, proposed or ZERO)
        for pk, name, kind, budget, paid, approved, proposed in rows
    ]


def near_limits(filters, limit, month):
    """One query: residents' allowance grants of the year summed per resident (month and
    year, received and waiting), only those at 80 % or more of either limit (HAVING)."""
    month_q = Q(month=month)
    grants = Grant.objects.allowances().counting().in_year(month.year)
    if filters.neighbourhood:
        grants = grants.filter(resident_in(filters.neighbourhood, "resident__"))
    rows = (
        grants.order_by()
        .annotate(neighbourhood_name=resident_neighbourhood("resident__", "name"))
        .values_list("resident", "resident__user__full_name", "neighbourhood_name")
        .annotate(
            month_received=Sum("amount", filter=month_q & COMMITTED),
            month_pending=Sum("amount", filter=month_q & PENDING),
            year_received=Sum("amount", filter=COMMITTED),
            year_pending=Sum("amount", filter=PENDING),
            month_used=Sum("amount", filter=month_q),
            year_used=Sum("amount"),
        )
        .filter(
            Q(month_used__gte=limit.monthly * WARNING_SHARE)
            | Q(year_used__gte=limit.yearly * WARNING_SHARE)
        )
        .order_by("-year_used", "resident__user__full_name", "resident")
    )
    return [
        NearRow(
            resident_id=row[0],
            name=row[1],
            neighbourhood=row[2] or "",
            this_month=Room(limit.monthly, row[3] or ZERO, row[4] or ZERO),
            this_year=Room(limit.yearly, row[5] or ZERO, row[6] or ZERO),
        )
        for row in rows
    ]


def rewards(filters) -> Rewards:
    """Three queries: the budgets, the year's limits, the residents near them."""
    year = filters.end.year
    month = first_of_month(filters.end)
    limit = AllowanceLimit.objects.filter(year=year).first()
    return Rewards(
        year=year,
        month=month,
        budgets=budgets(filters, year),
        limit=limit,
        near=near_limits(filters, limit, month) if limit else [],
    )
