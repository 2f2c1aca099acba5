"""The dashboard's read questions. Each takes a `Filters` and returns plain rows, in a fixed
number of queries whatever the size of the data (each function's docstring names them)."""

from .duty import duty, my_record
from .people import representativeness
from .rewards import rewards
from .roles import ladder, matrix
from .school import school
from .visits import follow_ups, reach, satisfaction

__all__ = [
    "duty",
    "follow_ups",
    "ladder",
    "matrix",
    "my_record",
    "reach",
    "representativeness",
    "rewards",
    "satisfaction",
    "school",
]
