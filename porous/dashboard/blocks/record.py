"""The employee's own page: their visit record over 12 weeks, and their team's figures only
(no names of colleagues: the team manager sees those on the visits app's team page)."""

from django.utils.translation import gettext as _

from .. import selectors
from ..charts import columns
from .base import INT, PERCENT, TEXT, Block, Cell, Column, Table, as_float, number, pct_rounded
from .duty import week_label


def own_block(employee, filters):
    record = selectors.my_record(employee, filters)
    labels = [week_label(monday) for monday, _n, _met in record.weeks]
    chart = columns(
        "chart-my-weeks",
        title=_("My visits that count, per week"),
        desc=_("Solid columns: duty met; hatched columns: not met. %(met)s of %(weeks)s weeks met.")
        % {"met": record.weeks_met, "weeks": len(record.weeks)},
        labels=labels,
        values=[n for _monday, n, _met in record.weeks],
        texts=[number(n) for _monday, n, _met in record.weeks],
        kinds=[0 if met else 1 for _monday, _n, met in record.weeks],
        max_value=record.per_week,
        empty="",
    )
    table = Table(
        "my-weeks",
        _("My visits per week"),
        [Column(_("Week"), TEXT), Column(_("Visits that count")), Column(_("Duty met"), TEXT)],
        "",
    )
    for label, (_monday, n, met) in zip(labels, record.weeks, strict=True):
        table.add(label, n, _("yes") if met else _("no"))
    this_week = record.this_week
    return Block(
        slug="my-record",
        number=1,
        title=_("My visits"),
        intro=[],
        scope="",
        charts=[chart],
        tables=[table],
        facts=[
            (_("Visits that count this week"), Cell(this_week[1], INT)),
            (_("Visits asked each week"), Cell(record.per_week, INT)),
            (_("Weeks in a row with the duty met"), Cell(record.streak, INT)),
        ],
    )


def team_block(filters):
    data = selectors.duty(filters)
    row = next((r for r in data.teams if r.team_id == filters.team.pk), None)
    if row is None:
        return None
    labels = [week_label(monday) for monday in data.mondays]
    chart = columns(
        "chart-my-team",
        title=_("Share of %(team)s with visit duty who met it, per week") % {"team": row.label},
        desc=_("%(staff)s people in the team have visit duty.") % {"staff": row.staff},
        labels=labels if row.staff else [],
        values=[as_float(share) for share in row.shares],
        texts=[pct_rounded(share) for share in row.shares],
        max_value=100,
        empty=_("Nobody in the team has visit duty."),
    )
    table = Table(
        "my-team",
        _("My team per week"),
        [
            Column(_("Week"), TEXT),
            Column(_("Staff with visit duty")),
            Column(_("Met it")),
            Column(_("Share"), PERCENT),
        ],
        "",
    )
    for label, met, share in zip(labels, row.met, row.shares, strict=True):
        table.add(label, row.staff, met, share)
    return Block(
        slug="my-team",
        number=2,
        title=_("My team: %(team)s") % {"team": row.label},
        intro=[],
        scope="",
        charts=[chart],
        tables=[table],
        facts=[
            (_("Met the duty this week"), Cell(row.share_this_week, PERCENT)),
            (_("Over 12 weeks"), Cell(row.share_trend, PERCENT)),
        ],
    )


def record_blocks(employee, filters):
    """Own record (one query) and, for someone in a team, the team's (two queries)."""
    own = own_block(employee, filters)
    team = team_block(filters) if filters.team else None
    return own, team
