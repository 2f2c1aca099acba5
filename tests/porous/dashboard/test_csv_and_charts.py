"""The CSV writer and the SVG charts, without the database."""

import csv as std_csv
import io
from decimal import Decimal

from django.utils.translation import override

from porous.dashboard import csv
from porous.dashboard.blocks.base import (
    DECIMAL,
    INT,
    MONEY,
    PERCENT,
    TEXT,
    Column,
    Table,
    separators,
)
from porous.dashboard.blocks.roles import _cell_head
from porous.dashboard.charts import Series, bars, columns
from porous.dashboard.heatmap import SHADES, HeatCell, heat_map, shade
from porous.dashboard.selectors.roles import MatrixCell


def sample():
    table = Table(
        "sample",
        "Een tabel",
        [
            Column("Naam", TEXT),
            Column("Aantal", INT),
            Column("Gemiddelde", DECIMAL),
            Column("Aandeel (%)", PERCENT),
            Column("Bedrag", MONEY),
        ],
        "",
    )
    table.add("Noord; Oost", 1234, Decimal("7.25"), Decimal("66.7"), Decimal("1234.5"))
    table.add('=HYPERLINK("http://x")', 0, None, None, None)
    table.add("+31 6", 2, Decimal("8"), Decimal("100"), Decimal("0"))
    table.add("-1", 3, None, None, None)
    table.add("@SUM(A1)", 4, None, None, None)
    table.add("\tTab", 5, None, None, None)
    table.add('Zuid, "oud"', 6, None, None, None, total=True)
    return table


def parse(text, delimiter):
    assert text.startswith(csv.BOM)
    return list(std_csv.reader(io.StringIO(text[1:]), delimiter=delimiter))


def test_dutch_format_with_semicolons_and_decimal_commas():
    text = csv.render(sample(), dutch=True)

    assert "\r\n" in text
    rows = parse(text, ";")
    assert rows[0] == ["Naam", "Aantal", "Gemiddelde", "Aandeel (%)", "Bedrag"]
    # No thousands separators: Excel must read the numbers as numbers.
    assert rows[1] == ["Noord; Oost", "1234", "7,3", "66,7", "1234,50"]
    assert rows[3][2:] == ["8,0", "100,0", "0,00"]
    assert rows[7][0] == 'Zuid, "oud"'


def test_plain_format_with_commas_and_decimal_points():
    rows = parse(csv.render(sample(), dutch=False), ",")

    assert rows[1] == ["Noord; Oost", "1234", "7.3", "66.7", "1234.50"]
    assert rows[2][1:] == ["0", "", "", ""]  # empty cells stay empty, zero stays 0


def test_text_that_would_run_as_a_formula_is_escaped():
    rows = parse(csv.render(sample()), ";")

    assert [row[0] for row in rows[2:7]] == [
        '\'=HYPERLINK("http://x")',
        "'+31 6",
        "'-1",
        "'@SUM(A1)",
        "'\tTab",
    ]
    assert csv.escape_text("Gewoon") == "Gewoon"
    # Numbers are not text: a negative number stays a number.
    table = Table("n", "", [Column("x", TEXT), Column("y", DECIMAL)], "")
    table.add("a", Decimal("-1.5"))
    assert parse(csv.render(table), ";")[1] == ["a", "-1,5"]


def test_the_page_shows_numbers_the_dutch_way():
    cells = sample().rows[0].cells
    with override("nl"):
        assert [cell.display for cell in cells[1:]] == [
            "1.234",
            "7,3",
            "66,7\u00a0%",
            "€\u00a01.234,50",
        ]
    with override("en"):
        assert cells[2].display == "7.3"
    assert sample().rows[1].cells[2].display == "–"


def test_a_row_is_written_as_markup_with_its_text_escaped():
    table = Table("t", "", [Column("Team", TEXT), Column("n", INT), Column("p", PERCENT)], "")
    table.add('<b>"Noord"</b> & co', 12345, Decimal("66.66"), links={0: "/d/?team=1&start=x"})
    table.add("Iedereen", 1, None, total=True)
    with override("nl"):
        body = str(table.body_html)
        first, total = (row.markup(separators()) for row in table.rows)
    assert body == first + total  # the page's table body
    assert first == (
        '<tr><th scope="row"><a href="/d/?team=1&amp;start=x">'
        "&lt;b&gt;&quot;Noord&quot;&lt;/b&gt; &amp; co</a></th>"
        '<td class="text-end text-nowrap">12.345</td>'
        '<td class="text-end text-nowrap">66,7\u00a0%</td></tr>'
    )
    assert total.startswith('<tr class="fw-bold table-light"><th scope="row">Iedereen</th>')
    assert total.endswith('<td class="text-end text-nowrap">–</td></tr>')
    with override("en"):
        assert ">12,345<" in str(table.body_html)


def test_bars_escape_labels_and_print_their_numbers():
    svg = bars(
        "chart-x",
        title="Titel <b>",
        desc="Uitleg & meer",
        labels=['<script>alert("x")</script>', "Zuid"],
        series=[
            Series("Bereikt", [50.0, 0.0], ["50 %", "0 %"]),
            Series("Nooit", [None, 10.0], ["–", "10 %"]),
        ],
        empty="Niets",
        max_value=100,
    )

    assert "<script>" not in svg and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in svg
    assert 'role="img" aria-labelledby="chart-x-title chart-x-desc"' in svg
    assert '<title id="chart-x-title">Titel &lt;b&gt;</title>' in svg
    assert '<desc id="chart-x-desc">Uitleg &amp; meer</desc>' in svg
    # Two series: solid and hatched patterns, and a legend with both names.
    assert 'id="chart-x-p0"' in svg and 'id="chart-x-p1"' in svg and "<path" in svg
    assert "Bereikt" in svg and "Nooit" in svg
    assert all(text in svg for text in ("50 %", "0 %", "10 %"))
    assert 'viewBox="0 0 440 ' in svg and 'width="100%"' in svg and "style=" not in svg


def test_an_empty_chart_says_so():
    svg = bars("chart-e", title="T", desc="D", labels=[], series=[], empty="Geen gegevens")

    assert 'id="chart-e-empty">Geen gegevens</p>' in svg and "<svg" not in svg


def test_columns_with_a_second_pattern_for_some():
    svg = columns(
        "chart-c",
        title="T",
        desc="D",
        labels=["wk 1", "wk 2"],
        values=[1, 0],
        texts=["1", "0"],
        kinds=[0, 1],
        max_value=1,
        empty="",
    )

    assert svg.count("<rect x=") == 1  # a zero draws no column, only its number
    assert "wk 1" in svg and "wk 2" in svg


def test_heat_map_cells_are_labelled_links():
    cell = HeatCell(
        href="/dashboard/?category=klant&grade=3",
        label='Klant, grade 3: 2 holders <"x">',
        head=("", "1,234", " holders"),
        lines=["1 free"],
        value=2,
        empty=False,
        selected=True,
    )
    empty = HeatCell(
        href="/x", label="Leeg", head=("", "no roles", ""), lines=[], value=0, empty=True
    )

    svg = heat_map(
        "chart-m",
        title="Matrix",
        desc="Uitleg",
        columns=["Klant", "Sociaal"],
        rows=["Grade 3"],
        cells=[cell, empty],
        legend="darker: more holders",
    )

    assert 'role="group"' in svg
    assert 'href="/dashboard/?category=klant&amp;grade=3"' in svg
    assert 'aria-label="Klant, grade 3: 2 holders &lt;&quot;x&quot;&gt;"' in svg
    assert 'stroke-width="3"' in svg  # the chosen cell stands out by its border too
    assert "url(#heat-empty)" in svg and "no roles" in svg
    # Only the figure in large type, the word beside it small: "1,234 holders" in large type
    # did not fit a cell. The space is a no-break one, which a tspan's edge keeps.
    assert '<tspan font-size="17" font-weight="700">1,234</tspan>\u00a0holders</text>' in svg


def test_heat_map_prints_words_before_the_figure_small_too():
    cell = HeatCell(
        href="/x", label="x", head=("bezet door ", "12", ""), lines=[], value=1, empty=False
    )
    svg = heat_map(
        "chart-w", title="t", desc="d", columns=["A"], rows=["1"], cells=[cell], legend="l"
    )
    figure = '<tspan font-size="17" font-weight="700">12</tspan>'
    assert f'font-size="12">bezet\u00a0door\u00a0{figure}</text>' in svg


def test_heat_map_cells_keep_the_translations_word_order():
    """The figure is cut out of the translated sentence, so a language that puts the word
    first keeps it first."""
    cell = MatrixCell("techniek", "Techniek", 1)
    cell.roles, cell.holders = 1, 1234
    with override("nl"):
        assert _cell_head(cell) == ("", "1.234", " bezet")
    with override("en"):
        assert _cell_head(cell) == ("", "1,234", " holders")
    cell.roles = 0
    with override("en"):
        assert _cell_head(cell) == ("", "no roles", "")


def test_shades_go_from_light_to_dark():
    assert shade(0, 10) == 0
    assert shade(1, 10) == 1
    assert shade(10, 10) == len(SHADES) - 1
