"""The role matrix as a heat map: grades down, categories across, each cell a link that
narrows the dashboard to it.

Not role="img": its cells are links, and an image's children are hidden from assistive
technology. The svg is a labelled group instead; each link has a full spoken label. The shade
shows the number of holders; the numbers are printed in every cell, and cells without roles
are hatched and say so, so nothing depends on colour.
"""

from dataclasses import dataclass

from django.utils.safestring import mark_safe

from .charts import FONT, MUTED, TEXT, svg_html, svg_join

# Light to dark; text turns white from the fourth shade on (contrast at least 4.5:1).
SHADES = ["#ffffff", "#dbe8f7", "#a9c8ec", "#2c69b0", "#173f6e"]
DARK_FROM = 3
LABEL_W, CELL_W, HEAD_H, CELL_H = 84, 108, 30, 80


@dataclass
class HeatCell:
    href: str
    label: str  # the spoken summary of the cell
    head: tuple  # (text before, figure, text after): only the figure in large type
    lines: list  # the smaller printed lines below it
    value: int  # decides the shade
    empty: bool  # no roles in this cell
    selected: bool = False


def shade(value, top):
    if not value or not top:
        return 0
    return min(len(SHADES) - 1, 1 + int((value / top) * (len(SHADES) - 1) - 1e-9))


def _cell(x, y, cell, top):
    level = shade(cell.value, top)
    fill = "url(#heat-empty)" if cell.empty else SHADES[level]
    colour = "#ffffff" if level >= DARK_FROM and not cell.empty else TEXT
    before, figure, after = cell.head
    # The words around the figure in small type: "1,234 holders" in large type overflowed
    # the cell. No-break spaces, as SVG drops the space at the edge of a tspan.
    head = svg_html(
        '<text x="{}" y="{}" text-anchor="middle" font-size="12">{}'
        '<tspan font-size="17" font-weight="700">{}</tspan>{}</text>',
        x + CELL_W / 2,
        y + 24,
        before.replace(" ", "\u00a0"),
        figure,
        after.replace(" ", "\u00a0"),
    )
    lines = svg_join(
        svg_html(
            '<text x="{}" y="{}" text-anchor="middle" font-size="11">{}</text>',
            x + CELL_W / 2,
            y + 40 + i * 16,
            t,
        )
        for i, t in enumerate(cell.lines)
    )
    border = 3 if cell.selected else 1
    return svg_html(
        '<a href="{href}" aria-label="{label}" class="text-decoration-none">'
        '<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{fill}" stroke="{stroke}" '
        'stroke-width="{border}"/><g fill="{colour}">{head}{lines}</g></a>',
        href=cell.href,
        label=cell.label,
        x=x + 1,
        y=y + 1,
        w=CELL_W - 2,
        h=CELL_H - 2,
        fill=fill,
        stroke=TEXT if cell.selected else MUTED,
        border=border,
        colour=colour,
        head=head,
        lines=lines,
    )


def heat_map(chart_id, *, title, desc, columns, rows, cells, legend):
    """`columns`: category labels; `rows`: grade labels; `cells`: HeatCell per row, then
    column; `legend`: the text explaining the shade."""
    top = max((c.value for c in cells), default=0)
    width = LABEL_W + CELL_W * len(columns)
    height = HEAD_H + CELL_H * len(rows) + 34
    parts = [
        svg_html(
            '<text x="{}" y="{}" text-anchor="middle" font-weight="700">{}</text>',
            LABEL_W + CELL_W * i + CELL_W / 2,
            HEAD_H - 10,
            label,
        )
        for i, label in enumerate(columns)
    ]
    for r, label in enumerate(rows):
        y = HEAD_H + r * CELL_H
        parts.append(
            svg_html(
                '<text x="{}" y="{}" text-anchor="end" dominant-baseline="middle" '
                'font-weight="700">{}</text>',
                LABEL_W - 8,
                y + CELL_H / 2,
                label,
            )
        )
        for c in range(len(columns)):
            parts.append(_cell(LABEL_W + c * CELL_W, y, cells[r * len(columns) + c], top))
    y = HEAD_H + CELL_H * len(rows) + 10
    for i, colour in enumerate(SHADES):
        parts.append(
            svg_html(
                '<rect x="{}" y="{}" width="18" height="14" fill="{}" stroke="{}"/>',
                LABEL_W + i * 20,
                y,
                colour,
                MUTED,
            )
        )
    parts.append(
        svg_html(
            '<text x="{}" y="{}" dominant-baseline="middle" font-size="12">{}</text>',
            LABEL_W + len(SHADES) * 20 + 6,
            y + 7,
            legend,
        )
    )
    return svg_html(
        '<figcaption class="fw-semibold mb-1">{title}</figcaption>'
        '<svg xmlns="http://www.w3.org/2000/svg" id="{id}" viewBox="0 0 {w} {h}" width="100%" '
        'class="d-block dashboard-chart" role="group" '
        'aria-labelledby="{id}-title {id}-desc" {font} font-size="13" fill="{text}">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
        '<defs><pattern id="heat-empty" patternUnits="userSpaceOnUse" width="6" height="6">'
        '<rect width="6" height="6" fill="#f8f9fa"/><path d="M0,6 l6,-6" stroke="#ced4da"/>'
        "</pattern></defs>{body}</svg>",
        w=width,
        h=height,
        id=chart_id,
        # FONT is a constant attribute, no user content (tests/security checks it).
        font=mark_safe(FONT),  # nosec B308, B703
        text=TEXT,
        title=title,
        desc=desc,
        body=svg_join(parts),
    )
