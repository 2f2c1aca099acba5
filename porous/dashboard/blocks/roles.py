"""Blocks 4 and 6: the role matrix as a heat map, and movement up the ladder."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from roles.models import Category, Grade

from .. import selectors
from ..charts import Series, bars
from ..heatmap import HeatCell, heat_map
from .base import INT, TEXT, Block, Cell, Column, Table, narrow, number


def cell_name(cell):
    return _("%(category)s, grade %(grade)s") % {
        "category": cell.category_label,
        "grade": cell.grade,
    }


FIGURE = "\0"


def _cell_head(cell):
    """(before, figure, after) of the cell's first line, in the translation's word order."""
    if not cell.roles and not cell.openings:
        return ("", _("no roles"), "")
    text = ngettext("%(n)s holder", "%(n)s holders", cell.holders) % {"n": FIGURE}
    before, _figure, after = text.partition(FIGURE)
    return (before, number(cell.holders), after)


def _cell_lines(cell, days):
    if not cell.roles and not cell.openings:
        return []
    lines = [
        ngettext("%(n)s free", "%(n)s free", cell.free) % {"n": number(cell.free)},
        ngettext("%(n)s waiting", "%(n)s waiting", cell.waiting) % {"n": number(cell.waiting)},
    ]
    if cell.pending:
        lines.append(_("%(n)s to decide, %(days)s d") % {"n": number(cell.pending), "days": days})
    else:
        lines.append(_("0 to decide"))
    return lines


def _spoken(cell, days):
    if not cell.roles and not cell.openings:
        return _("%(cell)s: no roles.") % {"cell": cell_name(cell)}
    text = _(
        "%(cell)s: %(holders)s holders, %(free)s free places, %(waiting)s on the waiting "
        "list, %(pending)s waiting for a decision."
    ) % {
        "cell": cell_name(cell),
        "holders": cell.holders,
        "free": cell.free,
        "waiting": cell.waiting,
        "pending": cell.pending,
    }
    if days is not None:
        text += " " + _("The oldest has waited %(days)s days.") % {"days": days}
    return text


def matrix_block(filters):
    cells = selectors.matrix(filters)
    heat_cells, table = (
        [],
        Table(
            "matrix",
            _("The role matrix per cell"),
            [
                Column(_("Cell"), TEXT),
                Column(_("Roles")),
                Column(_("Openings")),
                Column(_("Holders")),
                Column(_("Free places")),
                Column(_("Waiting list")),
                Column(_("Waiting for a decision")),
                Column(_("Oldest waiting (days)"), INT),
            ],
            "",
        ),
    )
    for cell in cells:
        days = cell.oldest_days(filters.today)
        href = narrow(filters, "matrix", category=cell.category, grade=cell.grade)
        selected = filters.category == cell.category and filters.grade == cell.grade
        heat_cells.append(
            HeatCell(
                href=href,
                label=_spoken(cell, days),
                head=_cell_head(cell),
                lines=_cell_lines(cell, days),
                value=cell.holders,
                empty=not cell.roles and not cell.openings,
                selected=selected,
            )
        )
        table.add(
            cell_name(cell),
            cell.roles,
            cell.openings,
            cell.holders,
            cell.free,
            cell.waiting,
            cell.pending,
            days,
            links={0: href},
        )
    waited = [d for d in (c.oldest_days(filters.today) for c in cells) if d is not None]
    sums = [
        sum(getattr(c, name) for c in cells)
        for name in ("roles", "openings", "holders", "free", "waiting", "pending")
    ]
    table.add(_("All"), *sums, max(waited, default=None), total=True)
    chart = heat_map(
        "chart-matrix",
        title=_("The role matrix: holders, free places, waiting lists and decisions"),
        desc=_(
            "Grades from top to bottom, categories from left to right. Each cell is a link "
            "that narrows the dashboard to it."
        ),
        columns=[str(category.label) for category in Category],
        rows=[str(grade.label) for grade in Grade],
        cells=heat_cells,
        legend=_("darker: more holders"),
    )
    return Block(
        slug="matrix",
        number=4,
        title=_("The role matrix"),
        intro=[
            _(
                "As it is today. Free places count only in openings that take applications; "
                "“to decide” are applications waiting for a decision, with the age "
                "of the oldest in days."
            )
        ],
        scope=_(
            "The neighbourhood (where the opening is; openings for the whole corporation drop "
            "out), the team (of the coordinator) and the cell narrow it; the period does not."
        ),
        charts=[chart],
        tables=[table],
    )


def ladder_block(filters):
    data = selectors.ladder(filters)
    labels = [
        _("grade %(from)s → %(to)s") % {"from": m.from_grade, "to": m.to_grade} for m in data.moves
    ]
    chart = bars(
        "chart-ladder",
        title=_("Moves up the ladder in the period"),
        desc=_("Residents who started a role of a higher grade than any they held before.")
        + " "
        + _("%(residents)s residents moved up.") % {"residents": data.residents_moved},
        labels=labels,
        series=[
            Series(
                _("Residents"),
                [m.residents for m in data.moves],
                [number(m.residents) for m in data.moves],
            )
        ],
        empty=_("Nobody moved up a grade in this period."),
    )
    table = Table(
        "ladder",
        _("Moves up the ladder by grade"),
        [
            Column(_("Move"), TEXT),
            Column(_("From grade"), INT),
            Column(_("To grade"), INT),
            Column(_("Moves")),
            Column(_("Residents")),
        ],
        _("Nobody moved up a grade in this period."),
    )
    for label, move in zip(labels, data.moves, strict=True):
        table.add(label, move.from_grade, move.to_grade, move.moves, move.residents)
    if data.moves:
        moves = sum(m.moves for m in data.moves)
        table.add(_("All"), None, None, moves, data.residents_moved, total=True)
    return Block(
        slug="ladder",
        number=6,
        title=_("Moving up the ladder"),
        intro=[
            _(
                "A resident moves up when they start a role of a higher grade than any they "
                "held before. Someone who moves up twice counts once among the residents."
            )
        ],
        scope=_(
            "The period, the neighbourhood (where the resident lives), the team (of the "
            "coordinator) and the cell (of the new role) narrow it."
        ),
        charts=[chart],
        tables=[table],
        facts=[
            (_("Residents who moved up"), Cell(data.residents_moved, INT)),
            (_("Residents who started their first role"), Cell(data.first_roles, INT)),
        ],
    )
