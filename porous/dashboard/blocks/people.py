"""Block 5: representativeness, the ages of those who take part against all main tenants."""

from django.utils.translation import gettext as _

from .. import selectors
from ..charts import Series, bars
from ..selectors.people import BAND_KEYS, UNKNOWN
from .base import PERCENT, TEXT, Block, Cell, Column, Table, as_float, narrow, pct


def band_labels():
    return {
        "0-24": _("Under 25"),
        "25-34": "25–34",
        "35-49": "35–49",
        "50-64": "50–64",
        "65+": _("65 and over"),
        UNKNOWN: _("Age unknown"),
    }


def _bands_table(data, show_home_seekers):
    labels = band_labels()
    sides = [data.tenants.participants, data.tenants.main_tenants]
    columns = [
        Column(_("Age band"), TEXT),
        Column(_("Participating tenants")),
        Column(_("Share of participating tenants"), PERCENT),
        Column(_("Main tenants")),
        Column(_("Share of main tenants"), PERCENT),
    ]
    if show_home_seekers:
        sides.append(data.home_seekers)
        columns += [
            Column(_("Participating home seekers")),
            Column(_("Share of participating home seekers"), PERCENT),
        ]
    table = Table("representativeness", _("Ages of participants and main tenants"), columns, "")
    for band in BAND_KEYS:
        table.add(
            labels[band], *_pairs(sides, lambda side, b=band: (side.counts[b], side.share(b)))
        )
    table.add(labels[UNKNOWN], *_pairs(sides, lambda side: (side.counts[UNKNOWN], None)))
    table.add(
        _("Under 35"), *_pairs(sides, lambda side: (side.young, side.share_young)), total=True
    )
    table.add(_("All"), *_pairs(sides, lambda side: (side.total, None)), total=True)
    return table


def _pairs(sides, pick):
    return [value for side in sides for value in pick(side)]


def _neighbourhood_table(filters, data, show_home_seekers):
    table = Table(
        "representativeness-neighbourhoods",
        _("Share under 35 per neighbourhood"),
        [
            Column(_("Neighbourhood"), TEXT),
            Column(_("Participants")),
            Column(_("Participants under 35")),
            Column(_("Share of participants under 35"), PERCENT),
            Column(_("Main tenants")),
            Column(_("Main tenants under 35")),
            Column(_("Share of main tenants under 35"), PERCENT),
        ],
        _("There are no neighbourhoods."),
    )

    def add(name, participants, main_tenants, **kwargs):
        table.add(
            name,
            participants.total,
            participants.young,
            participants.share_young,
            None if main_tenants is None else main_tenants.total,
            None if main_tenants is None else main_tenants.young,
            None if main_tenants is None else main_tenants.share_young,
            **kwargs,
        )

    for row in data.neighbourhoods:
        link = narrow(filters, "representativeness", neighbourhood=row.neighbourhood_id)
        add(row.name, row.participants, row.main_tenants, links={0: link})
    if len(data.neighbourhoods) > 1:
        add(_("All tenants"), data.tenants.participants, data.tenants.main_tenants, total=True)
    if show_home_seekers:
        add(_("Home seekers"), data.home_seekers, None, total=True)
    return table


def representativeness_block(filters):
    data = selectors.representativeness(filters)
    show_home_seekers = filters.neighbourhood is None
    labels = band_labels()
    sides = [
        (_("Participating tenants"), data.tenants.participants),
        (_("All main tenants"), data.tenants.main_tenants),
    ]
    if show_home_seekers:
        sides.append((_("Participating home seekers"), data.home_seekers))
    series = [
        Series(
            name,
            [as_float(side.share(band)) for band in BAND_KEYS],
            [pct(side.share(band)) for band in BAND_KEYS],
        )
        for name, side in sides
    ]
    chart = bars(
        "chart-representativeness",
        title=_("Ages of participants against all main tenants"),
        desc=_(
            "Share per age band of those whose age is known. Under 35: participating tenants "
            "%(participants)s, main tenants %(main)s, participating home seekers %(seekers)s."
        )
        % {
            "participants": pct(data.tenants.participants.share_young),
            "main": pct(data.tenants.main_tenants.share_young),
            "seekers": pct(data.home_seekers.share_young),
        },
        labels=[labels[band] for band in BAND_KEYS] if any(s.known for _n, s in sides) else [],
        series=series,
        max_value=100,
        empty=_("Nobody to count."),
    )
    return Block(
        slug="representativeness",
        number=5,
        title=_("Representativeness"),
        intro=[
            _(
                "Taking part: holding a role, learning at the school or teaching there, in the "
                "period. Ages are the age reached in %(year)s, on both sides (for main tenants "
                "the register only has the birth year). Shares are of those whose age is known."
            )
            % {"year": data.year},
            _("Home seekers have no home with the corporation yet: they are counted separately."),
        ],
        scope=_(
            "The period, the neighbourhood (where they live; home seekers drop out) and the cell "
            "(then only the holders of its roles count) narrow it; the team does not."
        ),
        charts=[chart],
        tables=[
            _bands_table(data, show_home_seekers),
            _neighbourhood_table(filters, data, show_home_seekers),
        ],
        facts=[
            (
                _("Participating tenants under 35"),
                Cell(data.tenants.participants.share_young, PERCENT),
            ),
            (_("Main tenants under 35"), Cell(data.tenants.main_tenants.share_young, PERCENT)),
        ],
    )
