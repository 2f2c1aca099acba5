"""The dashboard's blocks, worked out once and kept a few minutes.

At 100,000 households the nine blocks take about half a second of SQL. Managers open the
same page again and again (and download its tables), while figures per week hardly change
within minutes. So each block is kept in the cache for DASHBOARD_KEEP_SECONDS, per filters,
day and language, with its markup for the page; the page says when its figures were worked
out. Without a cache (Redis down) every view works them out, as before.
DASHBOARD_KEEP_SECONDS = 0 keeps nothing.
"""

import pickle  # nosec B403: only to read back what this module wrote to our own cache
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

# Raise when Block, Table, Row or Cell changes shape: kept copies of the old shape are then
# never read.
SHAPE = 1


@dataclass(frozen=True)
class KeptBlock:
    slug: str
    anchor: str
    title: str
    html: str  # the block's section of the page, ready to put in place
    worked_out_at: datetime
    pickled: bytes  # the Block, read only for a download (a page needs only the markup)

    @property
    def block(self):
        return pickle.loads(self.pickled)  # nosec B301: written by keep() below


def keep(block, filters):
    html = render_to_string(
        "porous/dashboard/includes/_block.html",
        {"block": block, "downloads": True, "csv_query": filters.query()},
    )
    return KeptBlock(
        block.slug, block.anchor, str(block.title), html, timezone.now(), pickle.dumps(block)
    )


def _key(build, filters):
    parts = [build.__name__, get_language(), filters.today.isoformat(), filters.query()]
    return ":".join(["dashboard", str(SHAPE), *parts])


def kept_blocks(builders, filters):
    """[KeptBlock for each builder]: one cache round trip for all of them; the missing ones
    are built (sharing what they share, see selectors.common.shared) and kept."""
    keys = {build: _key(build, filters) for build in builders}
    found = cache.get_many(keys.values())
    missing = {}
    for build, key in keys.items():
        if key not in found:
            found[key] = missing[key] = keep(build(filters), filters)
    if missing and settings.DASHBOARD_KEEP_SECONDS:
        cache.set_many(missing, settings.DASHBOARD_KEEP_SECONDS)
    return [found[keys[build]] for build in builders]
