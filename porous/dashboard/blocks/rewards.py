"""Block 8: reward spending against budget, and residents near an allowance limit."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from rewards.models import ZERO, Arrangement

from .. import selectors
from ..charts import Series, bars
from ..selectors.common import percent
from .base import MONEY, PERCENT, TEXT, Block, Column, Table, as_float, pct


def _budget_table(data):
    table = Table(
        "rewards",
        _("Reward arrangements against their budget for %(year)s") % {"year": data.year},
        [
            Column(_("Arrangement"), TEXT),
            Column(_("Kind"), TEXT),
            Column(_("Budget"), MONEY),
            Column(_("Paid"), MONEY),
            Column(_("Approved, not paid yet"), MONEY),
            Column(_("Waiting for approval"), MONEY),
            Column(_("Left"), MONEY),
            Column(_("Share of budget paid or approved"), PERCENT),
        ],
        _("No reward arrangements run in this year."),
    )
    kinds = dict(Arrangement.Kind.choices)
    for row in data.budgets:
        table.add(
            row.name,
            str(kinds.get(row.kind, row.kind)),
            row.budget,
            row.paid,
            row.approved,
            row.proposed,
            row.left,
            row.share,
        )
    if len(data.budgets) > 1:
        budgets = [row.budget for row in data.budgets if row.budget is not None]
        table.add(
            _("All"),
            "",
            sum(budgets, ZERO) if budgets else None,
            sum((row.paid for row in data.budgets), ZERO),
            sum((row.approved for row in data.budgets), ZERO),
            sum((row.proposed for row in data.budgets), ZERO),
            None,
            None,
            total=True,
        )
    return table


def _near_table(data):
    month = date_format(data.month, "F Y")
    table = Table(
        "rewards-near-limit",
        _("Residents at 80 % or more of a tax-free allowance limit"),
        [
            Column(_("Resident"), TEXT),
            Column(_("Neighbourhood"), TEXT),
            Column(_("Allowance in %(month)s") % {"month": month}, MONEY),
            Column(_("Share of the monthly limit"), PERCENT),
            Column(_("Allowance in %(year)s") % {"year": data.year}, MONEY),
            Column(_("Share of the yearly limit"), PERCENT),
        ],
        _("Nobody is near a limit.")
        if data.limit
        else _("There are no allowance limits for %(year)s yet.") % {"year": data.year},
    )
    for row in data.near:
        table.add(
            row.name,
            row.neighbourhood or _("Home seeker"),
            row.this_month.used,
            percent(row.this_month.used, row.this_month.limit),
            row.this_year.used,
            percent(row.this_year.used, row.this_year.limit),
        )
    return table


def rewards_block(filters):
    data = selectors.rewards(filters)
    with_budget = [row for row in data.budgets if row.budget]
    chart = bars(
        "chart-rewards",
        title=_("Paid or approved, as a share of the budget for %(year)s") % {"year": data.year},
        desc=_("One bar per arrangement with a budget; the dashed line is the whole budget."),
        labels=[row.name for row in with_budget],
        series=[
            Series(
                _("Paid or approved"),
                [as_float(row.share) for row in with_budget],
                [pct(row.share) for row in with_budget],
            )
        ],
        max_value=100,
        reference=(100, _("Dashed line: the whole budget.")),
        empty=_("No arrangement has a budget."),
    )
    return Block(
        slug="rewards",
        number=8,
        title=_("Rewards"),
        intro=[
            _(
                "Grants of %(year)s by status. Near a limit: allowances (paid, approved and "
                "waiting) reach 80 %% of the monthly limit in %(month)s or of the yearly limit, "
                "as residents are warned themselves."
            )
            % {"year": data.year, "month": date_format(data.month, "F Y")}
        ],
        scope=_(
            "The year and month the period ends in, and the neighbourhood (where the resident "
            "lives; budgets stay whole) narrow it."
        ),
        charts=[chart],
        tables=[_budget_table(data), _near_table(data)],
    )
