"""The Dutch volunteer-allowance rules and the arrangement budgets, as checks that raise
`ValidationError` with the figures in the message. The services call them inside their
transaction, after locking the resident and the arrangement.

Which grants count:
- When a grant is proposed (or moved), every grant that is not rejected counts: a proposal
  reserves its room, so proposals cannot pile up past a limit.
- When a grant is approved, the approved and paid grants count, plus this one: the other
  proposals may still be rejected, and what must never cross a limit is what is paid.
"""

import datetime
from decimal import ROUND_UP, Decimal

from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import ZERO, AllowanceLimit, Arrangement, Grant
from .money import CENT, format_euro

ADULT_AGE = 21


def age_on(birth_date: datetime.date, day: datetime.date) -> int:
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - before_birthday


def is_21_or_over(birth_date: datetime.date | None, day: datetime.date) -> bool:
    """Without a date of birth we cannot know: the stricter under-21 limit applies."""
    return birth_date is not None and age_on(birth_date, day) >= ADULT_AGE


def age_day(*, month: datetime.date, work_date: datetime.date | None) -> datetime.date:
    """The day on which the resident's age decides the hourly limit.

    The date of the work when the grant has one (a contribution on the 20th by someone who
    turned 21 on the 15th gets the 21-and-over limit). Without it, the first day of the month:
    the stricter choice, so a grant never uses a limit the resident had on only some days.
    """
    return work_date or month


def limit_for(year: int) -> AllowanceLimit:
    limit = AllowanceLimit.objects.filter(year=year).first()
    if limit is None:
        raise ValidationError(
            _(
                "There are no allowance limits for %(year)s yet: an administrator must enter "
                "them first."
            ),
            code="no_limits",
            params={"year": year},
        )
    return limit


def _sum(queryset) -> Decimal:
    return queryset.aggregate(total=Sum("amount"))["total"] or ZERO


def _others(grants, exclude_pk):
    return grants.exclude(pk=exclude_pk) if exclude_pk else grants


def check_hourly(*, resident, limit, amount, hours, on):
    adult = is_21_or_over(resident.birth_date, on)
    hourly = limit.hourly_for(is_21_or_over=adult)
    if amount <= hourly * hours:
        return
    params = {
        "rate": format_euro((amount / hours).quantize(CENT, rounding=ROUND_UP)),
        "limit": format_euro(hourly),
        "name": resident,
        "date": date_format(on, "j F Y"),
    }
    if adult:
        message = _(
            "%(rate)s an hour is more than the tax-free limit of %(limit)s an hour for "
            "someone aged 21 or over."
        )
    elif resident.birth_date is None:
        message = _(
            "%(rate)s an hour is more than the tax-free limit of %(limit)s an hour for "
            "someone under 21. We do not know the date of birth of %(name)s, so the "
            "stricter limit for under 21 applies."
        )
    else:
        message = _(
            "%(rate)s an hour is more than the tax-free limit of %(limit)s an hour for "
            "someone under 21. %(name)s is under 21 on %(date)s."
        )
    raise ValidationError(message, code="hourly_limit", params=params)


def check_month_and_year(*, resident, limit, month, amount, grants):
    """`grants`: the resident's grants that count (see the module docstring), this one not."""
    allowances = grants.filter(resident=resident).allowances()
    used_month = _sum(allowances.filter(month=month))
    if used_month + amount > limit.monthly:
        raise ValidationError(
            _(
                "With this allowance of %(amount)s, %(name)s would get %(total)s in "
                "%(month)s. The tax-free limit is %(limit)s a month; above it the whole "
                "allowance is taxed. Room left in %(month)s: %(left)s."
            ),
            code="monthly_limit",
            params={
                "amount": format_euro(amount),
                "name": resident,
                "total": format_euro(used_month + amount),
                "month": date_format(month, "F Y"),
                "limit": format_euro(limit.monthly),
                "left": format_euro(max(ZERO, limit.monthly - used_month)),
            },
        )
    used_year = _sum(allowances.in_year(month.year))
    if used_year + amount > limit.yearly:
        raise ValidationError(
            _(
                "With this allowance of %(amount)s, %(name)s would get %(total)s in "
                "%(year)s. The tax-free limit is %(limit)s a year; above it the whole "
                "allowance is taxed. Room left in %(year)s: %(left)s."
            ),
            code="yearly_limit",
            params={
                "amount": format_euro(amount),
                "name": resident,
                "total": format_euro(used_year + amount),
                "year": month.year,
                "limit": format_euro(limit.yearly),
                "left": format_euro(max(ZERO, limit.yearly - used_year)),
            },
        )


def check_budget(*, arrangement, month, amount, grants):
    if arrangement.yearly_budget is None or not amount:
        return
    spent = _sum(grants.filter(arrangement=arrangement).in_year(month.year))
    if spent + amount > arrangement.yearly_budget:
        raise ValidationError(
            _(
                "The budget of %(arrangement)s for %(year)s is %(budget)s. %(left)s is left, "
                "not enough for %(amount)s."
            ),
            code="budget",
            params={
                "arrangement": arrangement.name,
                "year": month.year,
                "budget": format_euro(arrangement.yearly_budget),
                "left": format_euro(max(ZERO, arrangement.yearly_budget - spent)),
                "amount": format_euro(amount),
            },
        )


def check_grant(
    *,
    resident,
    arrangement: Arrangement,
    kind: str,
    month: datetime.date,
    amount: Decimal | None,
    hours: Decimal | None,
    work_date: datetime.date | None,
    exclude_pk: int | None = None,
    committed_only: bool = False,
) -> None:
    """All limit and budget rules for one grant; raises the first that fails."""
    counted = Grant.objects.committed() if committed_only else Grant.objects.counting()
    counted = _others(counted, exclude_pk)
    if kind == Arrangement.Kind.ALLOWANCE:
        limit = limit_for(month.year)
        if hours:
            check_hourly(
                resident=resident,
                limit=limit,
                amount=amount,
                hours=hours,
                on=age_day(month=month, work_date=work_date),
            )
        check_month_and_year(
            resident=resident, limit=limit, month=month, amount=amount, grants=counted
        )
    check_budget(arrangement=arrangement, month=month, amount=amount, grants=counted)
