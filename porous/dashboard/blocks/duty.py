"""Block 1: the weekly visit duty, managers first, then each team."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from porous.text import natural_key

from .. import selectors
from ..charts import Series, bars, columns
from ..selectors.duty import MANAGERS, NO_TEAM
from .base import (
    PERCENT,
    TEXT,
    Block,
    Column,
    Table,
    as_float,
    lowest_first,
    narrow,
    pct,
    pct_rounded,
)


def week_label(monday):
    return _("wk %(week)s") % {"week": monday.isocalendar()[1]}


def group_label(row):
    if row.key == MANAGERS:
        return _("Managers")
    if row.key == NO_TEAM:
        return _("No team")
    return row.label


# A corporation has some 160 teams: a bar each makes a chart nobody reads. Beyond this many,
# the chart shows the managers and the teams furthest behind; the table's download has
# every team.
CHART_TEAMS = 15


def _this_week_chart(data, last):
    teams = [row for row in data.teams if row.staff]
    title = _("Met the visit duty in %(week)s, managers and teams") % {"week": last}
    desc = _("Share of the staff with visit duty in each group who met it.")
    if len(teams) > CHART_TEAMS:
        teams = sorted(teams, key=lambda row: (row.share_this_week, natural_key(row.label)))
        teams = teams[:CHART_TEAMS]
        behind = _("Met the visit duty in %(week)s: managers and the %(n)s teams furthest behind")
        title = behind % {"week": last, "n": CHART_TEAMS}
        desc = _(
            "Share of the staff with visit duty in each group who met it, lowest first. "
            "Every team is in the download of the table below."
        )
    groups = [row for row in [data.managers, *teams] if row.staff]
    return bars(
        "chart-duty-teams",
        title=title,
        desc=desc,
        labels=[group_label(row) for row in groups],
        series=[
            Series(
                _("Met"),
                [as_float(row.share_this_week) for row in groups],
                [f"{pct(row.share_this_week)} · {row.met_this_week}/{row.staff}" for row in groups],
            )
        ],
        max_value=100,
        empty=_("Nobody has visit duty."),
    )


def duty_block(filters):
    data = selectors.duty(filters)
    groups = [data.managers, *data.teams]  # the managers' own record first
    weeks = [week_label(monday) for monday in data.mondays]
    last = weeks[-1]
    total = data.total
    trend = columns(
        "chart-duty-trend",
        title=_("Share of staff with visit duty who met it, per week"),
        desc=_("%(weeks)s weeks up to %(last)s. In %(last)s: %(share)s (%(met)s of %(staff)s).")
        % {
            "weeks": len(weeks),
            "last": last,
            "share": pct(total.share_this_week),
            "met": total.met_this_week,
            "staff": total.staff,
        },
        labels=weeks if total.staff else [],
        values=[as_float(share) for share in total.shares],
        texts=[pct_rounded(share) for share in total.shares],
        max_value=100,
        empty=_("Nobody has visit duty."),
    )
    this_week = _this_week_chart(data, last)
    summary = Table(
        "duty",
        _("Visit duty per group, %(week)s and the last 12 weeks") % {"week": last},
        [
            Column(_("Group"), TEXT),
            Column(_("Staff with visit duty")),
            Column(_("Met it in %(week)s") % {"week": last}),
            Column(_("Share in %(week)s") % {"week": last}, PERCENT),
            Column(_("Share over 12 weeks"), PERCENT),
        ],
        _("Nobody has visit duty."),
        ranked_by=_("lowest share over 12 weeks first"),
    )
    trend_table = Table(
        "duty-trend",
        _("Share who met the visit duty, per group and week"),
        [Column(_("Group"), TEXT), *(Column(week, PERCENT) for week in weeks)],
        _("Nobody has visit duty."),
        ranked_by=_("lowest share over 12 weeks first"),
    )
    for row in [*groups, total]:
        is_total = row is total
        label = _("Everyone") if is_total else group_label(row)
        links = {0: narrow(filters, "duty", team=row.team_id)} if row.team_id else {}
        # Both tables show the same teams: those furthest behind over the 12 weeks.
        rank = lowest_first(row.share_trend) if row.team_id else None
        summary.add(
            label,
            row.staff,
            row.met_this_week,
            row.share_this_week,
            row.share_trend,
            links=links,
            total=is_total,
            attention=rank,
        )
        trend_table.add(label, *row.shares, links=links, total=is_total, attention=rank)
    intro = [
        ngettext(
            "Staff with visit duty make %(n)s visit a week. A visit counts when they went: "
            "visited or nobody home.",
            "Staff with visit duty make %(n)s visits a week. A visit counts when they went: "
            "visited or nobody home.",
            data.per_week,
        )
        % {"n": data.per_week},
        _("The last week is the week of %(date)s; it may not be over yet.")
        % {"date": date_format(filters.end, "j F Y")},
    ]
    return Block(
        slug="duty",
        number=1,
        title=_("Visit duty"),
        intro=intro,
        scope=_("The end of the period and the team narrow this block."),
        charts=[trend, this_week],
        tables=[summary, trend_table],
    )
