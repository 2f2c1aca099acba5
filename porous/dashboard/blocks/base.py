"""What a dashboard block is: a title, charts, and tables. The page and the CSV download both
render the same `Table`, so the numbers in the file are the numbers on the screen."""

import functools
import html
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.urls import get_script_prefix, reverse
from django.utils.formats import get_format, number_format
from django.utils.safestring import mark_safe

from rewards.money import format_euro

TEXT, INT, DECIMAL, PERCENT, MONEY = "text", "int", "decimal", "percent", "money"
NUMERIC = (INT, DECIMAL, PERCENT, MONEY)
NUMBER_CLASS = ' class="text-end text-nowrap"'
TOTAL_CLASS = ' class="fw-bold table-light"'


PLACES = {places: Decimal(1).scaleb(-places) for places in range(3)}

# A corporation has some 160 teams. A table with a row per team shows on the page only the
# teams that need attention most; the download has them all, and the filters narrow the
# page to one team. (167 rows of 8 to 13 figures are not read on a screen, and the four such
# tables were three quarters of the page's markup.)
TEAM_ROWS_ON_PAGE = 15


def rounded(value, places):
    """Half up, as people round (Python's format would round 7.25 to 7.2)."""
    return Decimal(str(value)).quantize(PLACES[places], rounding=ROUND_HALF_UP)


@dataclass
class Column:
    label: str  # in full: the CSV's heading, and what a screen reader says on the page
    kind: str = INT
    short: str = ""  # shown on the page instead, where the full one is too wide


@dataclass
class Cell:
    value: object
    kind: str
    href: str = ""

    @property
    def is_number(self):
        return self.kind in NUMERIC

    @property
    def display(self):
        """For the page, in the language of the request (csv.py writes its own)."""
        return self.shown(separators())

    def shown(self, separators):
        """`display` with the language's (decimal, thousands) separators looked up once."""
        value = self.value
        if value is None or value == "":
            return "–" if self.is_number else ""
        if self.kind == INT:
            return _grouped(f"{value:,}", separators)
        if self.kind == DECIMAL:
            return _grouped(f"{rounded(value, 1):,.1f}", separators)
        if self.kind == PERCENT:
            return f"{_grouped(f'{rounded(value, 1):.1f}', separators)}\u00a0%"
        if self.kind == MONEY:
            return format_euro(value)
        return str(value)


def separators():
    """The active language's (decimal, thousands) separators."""
    return get_format("DECIMAL_SEPARATOR"), get_format("THOUSAND_SEPARATOR")


def _grouped(text, separators):
    """Python's "1,234.5" in the language's separators. The dashboard has thousands of
    cells: the same result as number_format(..., force_grouping=True) in a fraction of its
    time."""
    decimal, thousands = separators
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


@dataclass
class Row:
    cells: list
    total: bool = False
    # For a team's row: its rank on the page, lowest first (Table.page_rows). None: a row
    # that is always shown (the managers, the total).
    attention: tuple | None = None

    @property
    def head(self):
        return self.cells[0]

    @property
    def rest(self):
        return self.cells[1:]

    def markup(self, language):
        """The row's markup, every text escaped. Built here rather than in the template: the
        dashboard has thousands of cells, and the template engine took as long as all the
        SQL. (The standard library's escape: the same five characters as Django's, without
        its handling of lazy text, which str() has already done.)"""
        head = html.escape(self.head.shown(language))
        if self.head.href:
            head = f'<a href="{html.escape(self.head.href)}">{head}</a>'
        cells = "".join(
            # A number's text is digits and the language's separators: nothing to escape.
            f"<td{NUMBER_CLASS}>{cell.shown(language)}</td>"
            if cell.kind in NUMERIC
            else f"<td>{html.escape(cell.shown(language))}</td>"
            for cell in self.rest
        )
        total = TOTAL_CLASS if self.total else ""
        return f'<tr{total}><th scope="row">{head}</th>{cells}</tr>'


@dataclass
class Table:
    slug: str  # also the CSV's name in its URL
    caption: str
    columns: list
    empty: str
    rows: list = field(default_factory=list)
    ranked_by: str = ""  # how team rows rank on the page, said when some are left off

    def __reduce__(self):
        # Kept with its block for the downloads (kept.py): the rows as plain tuples pickle in
        # a third of the time of thousands of Row and Cell objects.
        rows = [
            (
                row.total,
                row.attention,
                [_plain(cell) for cell in row.cells],
            )
            for row in self.rows
        ]
        return _unpickle_table, (
            self.slug,
            self.caption,
            self.columns,
            self.empty,
            rows,
            self.ranked_by,
        )

    @property
    def page_rows(self):
        """The rows on the page: all of them, or with more than TEAM_ROWS_ON_PAGE ranked rows
        only the first of those by rank, between the rows always shown before and after."""
        ranked = [row for row in self.rows if row.attention is not None]
        if len(ranked) <= TEAM_ROWS_ON_PAGE:
            return self.rows
        first = self.rows.index(ranked[0])
        shown = sorted(ranked, key=lambda row: row.attention)[:TEAM_ROWS_ON_PAGE]
        after = [row for row in self.rows[first:] if row.attention is None]
        return self.rows[:first] + shown + after

    @property
    def left_off(self):
        """How many rows the page leaves off (the download has them)."""
        return len(self.rows) - len(self.page_rows)

    @property
    def body_html(self):
        """The page's rows' markup: one piece instead of a template loop over rows."""
        language = separators()
        return mark_safe("".join(row.markup(language) for row in self.page_rows))  # nosec B308, B703

    def add(self, *values, links=None, total=False, attention=None):
        """One row; `links` maps a column index to a URL (the first column is the row's
        header); `attention` ranks a team's row on the page (see page_rows)."""
        links = links or {}
        cells = [
            Cell(value, column.kind, links.get(index, ""))
            for index, (value, column) in enumerate(zip(values, self.columns, strict=True))
        ]
        self.rows.append(Row(cells, total, attention))


# The layout of the tuples below. Part of the key of kept blocks (kept.py): a release that
# changes the layout never reads copies in the old one. Raise it with every change.
TABLE_LAYOUT = 2


def _plain(cell):
    # A Decimal pickles through Python code of its own, and the tables hold thousands: as
    # text, marked, so that it comes back a Decimal and text stays text.
    if isinstance(cell.value, Decimal):
        return (str(cell.value), cell.kind, cell.href, True)
    return (cell.value, cell.kind, cell.href, False)


def _unplain(value, kind, href, was_decimal):
    return Cell(Decimal(value) if was_decimal else value, kind, href)


def _unpickle_table(slug, caption, columns, empty, rows, ranked_by):
    rows = [Row([_unplain(*cell) for cell in cells], total, rank) for total, rank, cells in rows]
    return Table(slug, caption, columns, empty, rows, ranked_by)


@dataclass
class Block:
    slug: str
    number: int
    title: str
    intro: list  # paragraphs of plain text
    scope: str  # which filters narrow this block
    charts: list = field(default_factory=list)
    tables: list = field(default_factory=list)
    facts: list = field(default_factory=list)  # (label, Cell): key numbers above the charts

    @property
    def anchor(self):
        return f"block-{self.slug}"


def narrow(filters, block, **changes):
    """A link to the dashboard narrowed further, back at this block."""
    return f"{_dashboard_path(get_script_prefix())}{filters.query(**changes)}#block-{block}"


@functools.cache
def _dashboard_path(prefix):
    # Asked for in every row of every table, and reverse() is slow: once per script prefix.
    return reverse("dashboard:dashboard")


def lowest_first(share):
    """A team's rank by a share: the lowest first, teams without one last."""
    return (share is None, share or 0)


def pct(value):
    """A share as printed in a chart: '66,7 %'."""
    return Cell(value, PERCENT).display


def pct_rounded(value):
    """A share in a small chart, whole percents: '67 %' (the table has the decimal)."""
    if value is None:
        return "–"
    return f"{number_format(rounded(value, 0), 0)}\u00a0%"


def number(value):
    return Cell(value, INT).display


def as_float(value):
    """Chart lengths: None stays None (no bar)."""
    return None if value is None else float(value)
