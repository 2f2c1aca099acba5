"""The nine blocks of the dashboard, in the order of the page, and their tables by slug."""

from .duty import duty_block
from .people import representativeness_block
from .rewards import rewards_block
from .roles import ladder_block, matrix_block
from .school import school_block
from .visits import follow_ups_block, reach_block, satisfaction_block

BUILDERS = [
    duty_block,
    reach_block,
    follow_ups_block,
    matrix_block,
    representativeness_block,
    ladder_block,
    school_block,
    rewards_block,
    satisfaction_block,
]

# Each downloadable table and the block that makes it (a block may have two tables).
TABLE_BLOCKS = {
    "duty": duty_block,
    "duty-trend": duty_block,
    "reach": reach_block,
    "follow-ups": follow_ups_block,
    "matrix": matrix_block,
    "representativeness": representativeness_block,
    "representativeness-neighbourhoods": representativeness_block,
    "ladder": ladder_block,
    "school": school_block,
    "school-staff": school_block,
    "rewards": rewards_block,
    "rewards-near-limit": rewards_block,
    "satisfaction": satisfaction_block,
}


def all_blocks(filters):
    """The nine blocks, as kept for a few minutes (kept.py)."""
    from ..kept import kept_blocks  # kept.py names the shapes of blocks/base.py

    return kept_blocks(BUILDERS, filters)


def table(slug, filters):
    """The table with this slug for these filters (kept with its block); None for an
    unknown slug."""
    from ..kept import kept_blocks

    build = TABLE_BLOCKS.get(slug)
    if build is None:
        return None
    [kept] = kept_blocks([build], filters)
    return next(t for t in kept.block.tables if t.slug == slug)
