"""Small server-side SVG charts: horizontal bars, columns and the matrix heat map.

Built with `svg_html` and `svg_join`, which escape as `format_html` does, so every label (a
neighbourhood's or team's name) is escaped. Each chart comes with a visible caption (for the
<figure> the template puts around it), has a <title> and <desc> named by aria-labelledby,
prints its numbers, and tells its series apart by pattern (solid, hatched, dotted) as well as
colour. Colours and patterns are presentation attributes, not style attributes, so a strict
CSP without inline styles allows them. The charts fill their column and scale with their
viewBox, shrinking on a phone.
"""

import html
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import mark_safe

TEXT = "#212529"
MUTED = "#495057"
AXIS = "#6c757d"
# (colour, pattern) per series: the pattern tells them apart without colour.
SERIES = [("#1f5fa8", "solid"), ("#b3541e", "hatch"), ("#2e7d32", "dots")]
FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif"'
WIDTH = 440
VALUE_ROOM = 110  # right of the longest bar, for its number


@dataclass
class Series:
    label: str
    values: list  # numbers (None: no bar)
    texts: list  # what to print at each bar


def _num(value):
    """Coordinates to one decimal, without a trailing '.0'."""
    if isinstance(value, float):
        return f"{value:.1f}".removesuffix(".0")
    return value


def _escaped(value):
    """An argument as format_html writes it: markup as is, anything else escaped."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(_num(value)))


def svg_html(template, *args, **kwargs):
    """format_html with floats rounded first. Written out: a chart has hundreds of pieces,
    and Django's escape (made to take lazy text) cost more than the drawing."""
    return mark_safe(  # nosec B308, B703: every argument escaped as format_html does
        template.format(*map(_escaped, args), **{k: _escaped(v) for k, v in kwargs.items()})
    )


def svg_join(parts):
    """format_html_join("", "{}", ...) of the parts: markup as is, anything else escaped."""
    return mark_safe("".join(map(_escaped, parts)))  # nosec B308, B703: escaped each


def _pattern(chart_id, index):
    colour, kind = SERIES[index % len(SERIES)]
    pid = f"{chart_id}-p{index}"
    if kind == "solid":
        inner = svg_html('<rect width="6" height="6" fill="{}"/>', colour)
    elif kind == "hatch":
        inner = svg_html(
            '<rect width="6" height="6" fill="#fff"/>'
            '<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="{}" stroke-width="2"/>',
            colour,
        )
    else:
        inner = svg_html(
            '<rect width="6" height="6" fill="#fff"/><circle cx="3" cy="3" r="1.7" fill="{}"/>',
            colour,
        )
    return svg_html(
        '<pattern id="{}" patternUnits="userSpaceOnUse" width="6" height="6">{}</pattern>',
        pid,
        inner,
    )


def _fill(chart_id, index):
    return f"url(#{chart_id}-p{index})"


def _stroke(index):
    return SERIES[index % len(SERIES)][0]


def _svg(chart_id, title, desc, width, height, body, *, role="img", patterns=1):
    defs = svg_join(_pattern(chart_id, i) for i in range(patterns))
    return svg_html(
        '<figcaption class="fw-semibold mb-1">{title}</figcaption>'
        '<svg xmlns="http://www.w3.org/2000/svg" id="{id}" viewBox="0 0 {w} {h}" width="100%" '
        'class="d-block dashboard-chart" role="{role}" '
        'aria-labelledby="{id}-title {id}-desc" {font} font-size="13" fill="{text}">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
        "<defs>{defs}</defs>{body}</svg>",
        w=width,
        h=height,
        role=role,
        id=chart_id,
        # FONT is a constant attribute, no user content (tests/security checks it).
        font=mark_safe(FONT),  # nosec B308, B703
        text=TEXT,
        title=title,
        desc=desc,
        defs=defs,
        body=body,
    )


def _legend(chart_id, series):
    """Swatches with their labels, wrapping onto a new line; only for two or more series."""
    if len(series) < 2:
        return "", 0
    items, x, y = [], 0, 4
    for index, item in enumerate(series):
        width = 26 + 7 * len(item.label)
        if x and x + width > WIDTH:
            x, y = 0, y + 20
        items.append(
            svg_html(
                '<rect x="{}" y="{}" width="14" height="14" fill="{}" stroke="{}"/>'
                '<text x="{}" y="{}" dominant-baseline="middle" font-size="12">{}</text>',
                x,
                y,
                _fill(chart_id, index),
                _stroke(index),
                x + 18,
                y + 8,
                item.label,
            )
        )
        x += width
    return svg_join(items), y + 26


def _empty(chart_id, title, desc, message):
    """No picture for no data: the caption and the message, readable on any screen."""
    return format_html(
        '<figcaption class="fw-semibold mb-1">{}</figcaption>'
        '<p class="text-body-secondary" id="{}-empty">{}</p>',
        title,
        chart_id,
        message,
    )


def bars(chart_id, *, title, desc, labels, series, empty, max_value=None, reference=None):
    """Horizontal bars: per label a line of text, then a bar per series with its number.

    Labels above the bars, not beside them: long names fit, and the bars keep their width on
    a phone. Empty `labels` draws `empty` instead. `reference`: (value, text) for a dashed
    mark at that value in every group, e.g. the budget at 100 %.
    """
    values = [v for s in series for v in s.values if v is not None]
    if not labels:
        return _empty(chart_id, title, desc, empty)
    top = max([max_value or 0, *values, reference[0] if reference else 0]) or 1
    plot = WIDTH - VALUE_ROOM
    legend, y = _legend(chart_id, series)
    bar_h, gap, group_gap = 16, 3, 14
    parts = [legend]
    for row, label in enumerate(labels):
        parts.append(svg_html('<text x="0" y="{}" font-size="13">{}</text>', y + 12, label))
        y += 18
        group_top = y
        for index, item in enumerate(series):
            value = item.values[row]
            length = 0 if value is None else max(0, min(value, top)) / top * plot
            if length:
                parts.append(
                    svg_html(
                        '<rect x="1" y="{}" width="{}" height="{}" fill="{}" stroke="{}"/>',
                        y,
                        length,
                        bar_h,
                        _fill(chart_id, index),
                        _stroke(index),
                    )
                )
            parts.append(
                svg_html(
                    '<text x="{}" y="{}" dominant-baseline="middle" font-size="12">{}</text>',
                    length + 5,
                    y + bar_h / 2,
                    item.texts[row],
                )
            )
            y += bar_h + gap
        parts.append(
            svg_html(
                '<line x1="0.5" y1="{}" x2="0.5" y2="{}" stroke="{}"/>', group_top, y - gap, AXIS
            )
        )
        if reference:
            x = reference[0] / top * plot
            parts.append(
                svg_html(
                    '<line x1="{x}" y1="{t}" x2="{x}" y2="{b}" stroke="{c}" '
                    'stroke-dasharray="3 2" stroke-width="1.5"/>',
                    x=x,
                    t=group_top - 2,
                    b=y - gap + 2,
                    c=TEXT,
                )
            )
        y += group_gap - gap
    if reference:
        parts.append(
            svg_html(
                '<text x="{}" y="{}" font-size="11" fill="{}">{}</text>',
                0,
                y + 8,
                MUTED,
                reference[1],
            )
        )
        y += 14
    body = svg_join(parts)
    return _svg(chart_id, title, desc, WIDTH, y, body, patterns=len(series))


def columns(chart_id, *, title, desc, labels, values, texts, empty, max_value=None, kinds=None):
    """Vertical columns (a trend or a distribution), numbers on top, labels below.

    `kinds`: per column 0 or 1, to draw some columns with the second pattern (e.g. "not
    met"), explained by `legend` in the text around the chart.
    """
    if not labels:
        return _empty(chart_id, title, desc, empty)
    top = max([max_value or 0, *(v or 0 for v in values)]) or 1
    kinds = kinds or [0] * len(values)
    left, plot_h, base = 2, 130, 160
    step = (WIDTH - 2 * left) / len(labels)
    width = step * 0.7
    parts = []
    for i, (label, value, text) in enumerate(zip(labels, values, texts, strict=True)):
        x = left + i * step + (step - width) / 2
        height = 0 if value is None else value / top * plot_h
        if height:
            parts.append(
                svg_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="{}"/>',
                    x,
                    base - height,
                    width,
                    height,
                    _fill(chart_id, kinds[i]),
                    _stroke(kinds[i]),
                )
            )
        parts.append(
            svg_html(
                '<text x="{}" y="{}" text-anchor="middle" font-size="11">{}</text>'
                '<text x="{}" y="{}" text-anchor="middle" font-size="11" fill="{}">{}</text>',
                x + width / 2,
                base - height - 4,
                text,
                x + width / 2,
                base + 15,
                MUTED,
                label,
            )
        )
    parts.append(
        svg_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"/>',
            left,
            base,
            WIDTH - left,
            base,
            AXIS,
        )
    )
    body = svg_join(parts)
    return _svg(chart_id, title, desc, WIDTH, base + 24, body, patterns=2)
