"""What a dashboard block is: a title, charts, and tables. The page and the CSV download both
render the same `Table`, so the numbers in the file are the numbers on the screen."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.urls import reverse
from django.utils.formats import number_format

from rewards.money import format_euro

TEXT, INT, DECIMAL, PERCENT, MONEY = "text", "int", "decimal", "percent", "money"
NUMERIC = (INT, DECIMAL, PERCENT, MONEY)


def rounded(value, places):
    """Half up, as people round (Python's format would round 7.25 to 7.2)."""
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


@dataclass
class Column:
    label: str
    kind: str = INT


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
        value = self.value
        if value is None or value == "":
            return "–" if self.is_number else ""
        if self.kind == INT:
            return number_format(value, force_grouping=True)
        if self.kind == DECIMAL:
            return number_format(rounded(value, 1), 1, force_grouping=True)
        if self.kind == PERCENT:
            return f"{number_format(rounded(value, 1), 1)}\u00a0%"
        if self.kind == MONEY:
            return format_euro(value)
        return str(value)


@dataclass
class Row:
    cells: list
    total: bool = False

    @property
    def head(self):
        return self.cells[0]

    @property
    def rest(self):
        return self.cells[1:]


@dataclass
class Table:
    slug: str  # also the CSV's name in its URL
    caption: str
    columns: list
    empty: str
    rows: list = field(default_factory=list)

    def add(self, *values, links=None, total=False):
        """One row; `links` maps a column index to a URL (the first column is the row's
        header)."""
        links = links or {}
        cells = [
            Cell(value, column.kind, links.get(index, ""))
            for index, (value, column) in enumerate(zip(values, self.columns, strict=True))
        ]
        self.rows.append(Row(cells, total))


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
    return f"{reverse('dashboard:dashboard')}{filters.query(**changes)}#block-{block}"


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
