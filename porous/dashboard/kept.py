"""The dashboard's blocks, worked out once and kept a few minutes.

At 100,000 households the nine blocks take about half a second of SQL. Managers open the
same page again and again (and download its tables), while figures per week hardly change
within minutes. So each block is kept in the cache for DASHBOARD_KEEP_SECONDS, per filters,
day and language, with its markup for the page; the page says when its figures were worked
out. Without a cache (Redis down) every view works them out, as before.
DASHBOARD_KEEP_SECONDS = 0 keeps nothing.
"""

import hashlib
import logging
import pickle  # nosec B403: only to read back what this module wrote to our own cache
from dataclasses import dataclass, fields
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

from .blocks.base import TABLE_LAYOUT, Block, Cell, Column, Row, Table

SHAPES = (Block, Table, Row, Cell, Column)

logger = logging.getLogger(__name__)


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


def _shape():
    """Part of every key: a release that changes what is kept (its fields, or the layout a
    table pickles in) never reads the old copies. (A changed template or translation shows
    up when the kept copies run out.)"""
    names = [(kind.__name__, [f.name for f in fields(kind)]) for kind in (KeptBlock, *SHAPES)]
    return hashlib.sha256(repr([names, TABLE_LAYOUT]).encode()).hexdigest()[:12]


SHAPE = _shape()


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
    return ":".join(["dashboard", SHAPE, *parts])


def _work_out(builders, filters):
    """{cache key: KeptBlock} of these builders, built now (sharing what they share, see
    selectors.common.shared), and kept."""
    worked_out = {_key(build, filters): keep(build(filters), filters) for build in builders}
    if worked_out and settings.DASHBOARD_KEEP_SECONDS:
        cache.set_many(worked_out, settings.DASHBOARD_KEEP_SECONDS)
    return worked_out


def kept_blocks(builders, filters):
    """[KeptBlock for each builder]: one cache round trip for all of them; the missing ones
    are worked out and kept."""
    keys = {build: _key(build, filters) for build in builders}
    try:
        found = cache.get_many(keys.values())
    except Exception:  # a kept copy that cannot be read back: work them out again
        logger.warning("kept dashboard blocks could not be read", exc_info=True)
        found = {}
    found.update(_work_out([build for build, key in keys.items() if key not in found], filters))
    return [found[keys[build]] for build in builders]


def work_out_ahead(builders, filters):
    """Work these blocks out and keep them, kept copies or not: run before the copies run
    out, so that nobody waits for them (porous.tasks.keep_dashboard_ahead)."""
    return len(_work_out(builders, filters))
