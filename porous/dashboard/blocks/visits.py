"""Blocks 2, 3 and 9, from the home visits: reach, follow-ups and satisfaction."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from visits.models import FollowUp

from .. import selectors
from ..charts import Series, bars, columns
from ..selectors.visits import SCORES, ReachRow
from .base import (
    DECIMAL,
    PERCENT,
    TEXT,
    Block,
    Cell,
    Column,
    Table,
    as_float,
    narrow,
    number,
    pct,
)


def reach_block(filters):
    rows = selectors.reach(filters)
    shown = [row for row in rows if row.households]
    chart = bars(
        "chart-reach",
        title=_("Households reached in the last 12 months, per neighbourhood"),
        desc=_("Share of the households in each neighbourhood reached and never reached."),
        labels=[row.name for row in shown],
        series=[
            Series(
                _("Reached in 12 months"),
                [as_float(row.share_reached) for row in shown],
                [pct(row.share_reached) for row in shown],
            ),
            Series(
                _("Never reached"),
                [as_float(row.share_never) for row in shown],
                [pct(row.share_never) for row in shown],
            ),
        ],
        max_value=100,
        empty=_("No households."),
    )
    table = Table(
        "reach",
        _("Households reached per neighbourhood"),
        [
            Column(_("Neighbourhood"), TEXT),
            Column(_("Households")),
            Column(_("Reached in the last 12 months")),
            Column(_("Share reached"), PERCENT),
            Column(_("Never reached")),
            Column(_("Share never reached"), PERCENT),
        ],
        _("There are no neighbourhoods."),
    )
    for row in rows:
        table.add(
            row.name,
            row.households,
            row.reached,
            row.share_reached,
            row.never,
            row.share_never,
            links={0: narrow(filters, "reach", neighbourhood=row.neighbourhood_id)},
        )
    if len(rows) > 1:
        total = ReachRow(
            None,
            _("All"),
            sum(r.households for r in rows),
            sum(r.reached for r in rows),
            sum(r.never for r in rows),
        )
        table.add(
            total.name,
            total.households,
            total.reached,
            total.share_reached,
            total.never,
            total.share_never,
            total=True,
        )
    return Block(
        slug="reach",
        number=2,
        title=_("Households reached"),
        intro=[
            _(
                "Reached: somebody talked with the household at a home visit (nobody home does "
                "not count). Households as they were at the end of the period."
            )
        ],
        scope=_("The end of the period, the neighbourhood and the team (its visits) narrow it."),
        charts=[chart],
        tables=[table],
    )


def _kind_headings():
    """{kind: its name short enough for a column heading}: the full names, wrapped word by
    word, made the table's heading row a dozen lines tall on a phone."""
    context = "follow-up kind, column heading"
    return {
        FollowUp.Kind.MAINTENANCE: pgettext(context, "Maintenance"),
        FollowUp.Kind.REFERRAL: pgettext(context, "Referral"),
        FollowUp.Kind.FORM_HELP: pgettext(context, "Form"),
        FollowUp.Kind.GIFT: pgettext(context, "Gift"),
        FollowUp.Kind.TALENT_SIGNAL: pgettext(context, "Talent"),
    }


def follow_ups_block(filters):
    rows = selectors.follow_ups(filters)
    kinds = FollowUp.Kind.choices
    by_kind = {value: [0, 0] for value, _label in kinds}
    for row in rows:
        by_kind[row.kind][0] += row.open
        by_kind[row.kind][1] += row.overdue
    chart = bars(
        "chart-follow-ups",
        title=_("Open and overdue follow-ups, by kind"),
        desc=_("Follow-ups still open at the end of the period, and of those overdue."),
        labels=[str(label) for _value, label in kinds] if rows else [],
        series=[
            Series(
                _("Open"),
                [by_kind[v][0] for v, _l in kinds],
                [number(by_kind[v][0]) for v, _l in kinds],
            ),
            Series(
                _("Overdue"),
                [by_kind[v][1] for v, _l in kinds],
                [number(by_kind[v][1]) for v, _l in kinds],
            ),
        ],
        empty=_("No open follow-ups."),
    )
    # One row per team, the kinds side by side: a team's follow-ups read on one line, and a
    # corporation's 160 teams make 160 rows instead of one per team and kind.
    headings = _kind_headings()
    table = Table(
        "follow-ups",
        _("Open follow-ups per team of the owner: in all, overdue, and open per kind"),
        [
            Column(_("Team"), TEXT),
            Column(_("Open")),
            Column(_("Overdue")),
            *(Column(str(label), short=headings.get(value, "")) for value, label in kinds),
        ],
        _("No open follow-ups."),
        ranked_by=_("most overdue first"),
    )
    for team in _per_team(rows, kinds):
        links, rank = {}, None
        if team.team_id:
            links = {0: narrow(filters, "follow-ups", team=team.team_id)}
            rank = (-team.overdue, -team.open)
        table.add(
            team.name or _("No team"),
            team.open,
            team.overdue,
            *team.kinds,
            links=links,
            attention=rank,
        )
    if len(table.rows) > 1:
        table.add(
            _("All"),
            sum(r.open for r in rows),
            sum(r.overdue for r in rows),
            *(by_kind[value][0] for value, _label in kinds),
            total=True,
        )
    return Block(
        slug="follow-ups",
        number=3,
        title=_("Follow-ups"),
        intro=[
            _(
                "Follow-ups from home visits that were open at the end of the period; overdue: "
                "past their due date by then."
            )
        ],
        scope=_("The end of the period, the neighbourhood and the team (of the owner) narrow it."),
        charts=[chart],
        tables=[table],
    )


@dataclass
class TeamFollowUps:
    team_id: int | None
    name: str
    kinds: list  # open per kind, in the order of FollowUp.Kind
    open: int = 0
    overdue: int = 0


def _per_team(rows, kinds):
    """The selector's rows (by team, then kind) as one TeamFollowUps per team, in order."""
    index = {value: i for i, (value, _label) in enumerate(kinds)}
    teams = {}
    for row in rows:
        team = teams.get(row.team_id)
        if team is None:
            team = teams[row.team_id] = TeamFollowUps(row.team_id, row.team, [0] * len(kinds))
        team.kinds[index[row.kind]] += row.open
        team.open += row.open
        team.overdue += row.overdue
    return list(teams.values())


def satisfaction_block(filters):
    data = selectors.satisfaction(filters)
    total = data.total
    chart = columns(
        "chart-satisfaction",
        title=_("Scores given at home visits (1 to 10)"),
        desc=_("Number of answers per score. Average %(average)s from %(answers)s answers.")
        % {"average": number_or_dash(total.average), "answers": total.answers},
        labels=[str(score) for score in SCORES] if total.answers else [],
        values=[total.scores[score] for score in SCORES],
        texts=[number(total.scores[score]) for score in SCORES],
        empty=_("No scores in this period."),
    )
    table = Table(
        "satisfaction",
        _("Satisfaction per neighbourhood: answers, average and how often each score was given"),
        [
            Column(_("Neighbourhood"), TEXT),
            Column(_("Answers")),
            Column(_("Average"), DECIMAL),
            *(Column(str(score)) for score in SCORES),
        ],
        _("There are no neighbourhoods."),
    )
    for row in data.neighbourhoods:
        table.add(
            row.name,
            row.answers,
            row.average,
            *(row.scores[score] for score in SCORES),
            links={0: narrow(filters, "satisfaction", neighbourhood=row.neighbourhood_id)},
        )
    if len(data.neighbourhoods) > 1:
        table.add(
            _("All"),
            total.answers,
            total.average,
            *(total.scores[score] for score in SCORES),
            total=True,
        )
    return Block(
        slug="satisfaction",
        number=9,
        title=_("Satisfaction"),
        intro=[
            _(
                "The score (1 to 10) residents gave when asked at a home visit in the period. "
                "Visits without a score do not count."
            )
        ],
        scope=_("The period, the neighbourhood and the team (of the visitor) narrow it."),
        charts=[chart],
        tables=[table],
        facts=[(_("Average score"), Cell(total.average, DECIMAL))],
    )


def number_or_dash(value):
    return Cell(value, DECIMAL).display
