"""The read questions of the reward pages, each in a fixed number of queries."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, Sum
from django.db.models.functions import ExtractYear

from .models import ZERO, AllowanceLimit, Arrangement, Grant, Payout, first_of_month
from .rules import age_day, is_21_or_over

# Residents and coordinators are warned from this share of a limit on.
WARNING_SHARE = Decimal("0.8")

COMMITTED = Q(status__in=[Grant.Status.APPROVED, Grant.Status.PAID])
PENDING = Q(status=Grant.Status.PROPOSED)


@dataclass
class Room:
    """A resident's use of one allowance limit (a month or a year)."""

    limit: Decimal
    received: Decimal = ZERO  # approved or paid
    pending: Decimal = ZERO  # waiting for approval: already counted, it reserves its room

    @property
    def used(self) -> Decimal:
        return self.received + self.pending

    @property
    def left(self) -> Decimal:
        return max(ZERO, self.limit - self.used)

    @property
    def percent(self) -> int:
        return int(self.used * 100 / self.limit) if self.limit else 100

    @property
    def near(self) -> bool:
        return self.used >= self.limit * WARNING_SHARE

    @property
    def over(self) -> bool:
        return self.used > self.limit


@dataclass
class AllowanceRoom:
    """How much tax-free allowance a resident can still get, this month and this year."""

    month: datetime.date
    limit: AllowanceLimit | None
    this_month: Room | None = None
    this_year: Room | None = None
    birth_date_known: bool = True
    is_21_or_over: bool = False

    @property
    def hourly(self) -> Decimal | None:
        return self.limit.hourly_for(is_21_or_over=self.is_21_or_over) if self.limit else None

    @property
    def near(self) -> bool:
        return any(room and room.near for room in (self.this_month, self.this_year))


def _sums(filter_q):
    return {
        "received": Sum("amount", filter=filter_q & COMMITTED),
        "pending": Sum("amount", filter=filter_q & PENDING),
    }


def allowance_room(resident, today: datetime.date) -> AllowanceRoom:
    """Two queries: the limits of this year, and the sums of this month and this year."""
    month = first_of_month(today)
    limit = AllowanceLimit.objects.filter(year=month.year).first()
    room = AllowanceRoom(
        month=month,
        limit=limit,
        birth_date_known=resident.birth_date is not None,
        is_21_or_over=is_21_or_over(resident.birth_date, today),
    )
    if limit is None:
        return room
    month_sums = {f"month_{k}": v for k, v in _sums(Q(month=month)).items()}
    year_sums = {f"year_{k}": v for k, v in _sums(Q()).items()}
    totals = (
        Grant.objects.filter(resident=resident)
        .allowances()
        .in_year(month.year)
        .aggregate(**month_sums, **year_sums)
    )
    room.this_month = Room(
        limit.monthly, totals["month_received"] or ZERO, totals["month_pending"] or ZERO
    )
    room.this_year = Room(
        limit.yearly, totals["year_received"] or ZERO, totals["year_pending"] or ZERO
    )
    return room


@dataclass
class ResidentGrants:
    since: datetime.date
    pending: list[Grant] = field(default_factory=list)
    received: list[Grant] = field(default_factory=list)
    rejected: list[Grant] = field(default_factory=list)


def resident_grants(resident, today: datetime.date) -> ResidentGrants:
    """The resident's grants of this year and last year, by status, in one query."""
    since = datetime.date(today.year - 1, 1, 1)
    result = ResidentGrants(since=since)
    grants = (
        Grant.objects.filter(resident=resident, month__gte=since)
        .select_related("arrangement")
        .order_by("-month", "-created_at")
    )
    for grant in grants:
        if grant.status == Grant.Status.PROPOSED:
            result.pending.append(grant)
        elif grant.status == Grant.Status.REJECTED:
            result.rejected.append(grant)
        else:
            result.received.append(grant)
    return result


@dataclass
class ApprovalRow:
    grant: Grant
    hourly_limit: Decimal | None = None
    this_month: Room | None = None
    this_year: Room | None = None

    @property
    def near(self) -> bool:
        return any(room and room.near for room in (self.this_month, self.this_year))

    @property
    def over(self) -> bool:
        return any(room and room.over for room in (self.this_month, self.this_year))


@dataclass
class ApprovalList:
    rows: list[ApprovalRow]
    total: int

    @property
    def truncated(self) -> bool:
        return self.total > len(self.rows)


APPROVAL_PAGE = 200


def grants_to_approve(*, size: int = APPROVAL_PAGE) -> ApprovalList:
    """The oldest proposed grants, each with its resident's month and year totals.

    Queries, whatever the number of grants: the count, the grants with resident, user,
    arrangement and proposer; then, when any grant is an allowance, the limits of the years
    on the page, the month sums and the year sums of those residents: at most five.
    """
    proposed = Grant.objects.filter(status=Grant.Status.PROPOSED)
    total = proposed.count()
    grants = list(
        proposed.select_related("resident__user", "arrangement", "proposed_by").order_by(
            "created_at", "pk"
        )[:size]
    )
    rows = [ApprovalRow(grant) for grant in grants]
    allowances = [row for row in rows if row.grant.kind == Arrangement.Kind.ALLOWANCE]
    if not allowances:
        return ApprovalList(rows, total)

    residents = {row.grant.resident_id for row in allowances}
    months = {row.grant.month for row in allowances}
    years = {month.year for month in months}
    limits = {limit.year: limit for limit in AllowanceLimit.objects.filter(year__in=years)}
    base = Grant.objects.allowances().filter(resident_id__in=residents)
    by_month = {
        (row["resident_id"], row["month"]): row
        for row in base.filter(month__in=months)
        .values("resident_id", "month")
        .annotate(**_sums(Q()))
        .order_by()
    }
    by_year = {
        (row["resident_id"], row["year"]): row
        for row in base.filter(month__year__in=years)
        .annotate(year=ExtractYear("month"))
        .values("resident_id", "year")
        .annotate(**_sums(Q()))
        .order_by()
    }
    for row in allowances:
        grant = row.grant
        limit = limits.get(grant.month.year)
        if limit is None:
            continue
        adult = is_21_or_over(
            grant.resident.birth_date, age_day(month=grant.month, work_date=grant.work_date)
        )
        row.hourly_limit = limit.hourly_for(is_21_or_over=adult)
        sums = by_month.get((grant.resident_id, grant.month), {})
        row.this_month = Room(
            limit.monthly, sums.get("received") or ZERO, sums.get("pending") or ZERO
        )
        sums = by_year.get((grant.resident_id, grant.month.year), {})
        row.this_year = Room(
            limit.yearly, sums.get("received") or ZERO, sums.get("pending") or ZERO
        )
    return ApprovalList(rows, total)


def recent_payouts(limit: int = 20):
    """The last payouts with their totals, in one query."""
    return list(
        Payout.objects.select_related("created_by")
        .annotate(total=Sum("grants__amount"))
        .order_by("-created_at")[:limit]
    )
