"""What the dashboard is narrowed to: a period, a neighbourhood, a team and a cell of the matrix.

Every selector takes one `Filters`. Figures that describe a moment ("met this week", "open
follow-ups", "reached in the last 12 months") are taken as of the period's end, so looking back
at an earlier period shows the numbers as they were then. The matrix is the exception: it shows
the roles as they are today (`today`), since applications keep no history of their counts.
"""

import datetime
from dataclasses import dataclass, field, replace
from urllib.parse import quote_plus

from porous.models import Team
from tenants.models import Neighbourhood
from visits.weeks import local_datetime, local_today, week_start, weeks_back

# The duty trend and the default period: this week and the eleven before it.
TREND_WEEKS = 12


def default_period(today):
    return weeks_back(today, TREND_WEEKS - 1), today


@dataclass(frozen=True)
class Filters:
    start: datetime.date
    end: datetime.date
    neighbourhood: Neighbourhood | None = None
    team: Team | None = None
    category: str = ""
    grade: int | None = None
    today: datetime.date = field(default_factory=local_today)
    # Figures several blocks of one page share, worked out once (selectors.common.shared).
    # Not compared and not copied by narrowed(): other filters, other figures.
    memo: dict = field(default_factory=dict, init=False, compare=False, repr=False)

    @classmethod
    def default(cls, today=None, **changes):
        today = today or local_today()
        start, end = default_period(today)
        return cls(start=start, end=end, today=today, **changes)

    @property
    def moment_start(self):
        """The period as aware moments: from the start day's midnight..."""
        return local_datetime(self.start)

    @property
    def moment_end(self):
        """...up to (not including) the midnight after the end day."""
        return local_datetime(self.end + datetime.timedelta(days=1))

    @property
    def mondays(self):
        """The Mondays of the trend weeks, oldest first; the last is the week of `end`."""
        return [weeks_back(self.end, back) for back in range(TREND_WEEKS - 1, 0, -1)] + [
            week_start(self.end)
        ]

    @property
    def has_cell(self):
        return bool(self.category or self.grade)

    def params(self, **changes):
        """The GET parameters of these filters, with `changes` applied (None drops one)."""
        values = self._values() | changes
        return {key: value for key, value in values.items() if value not in (None, "")}

    def _values(self):
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "neighbourhood": self.neighbourhood.pk if self.neighbourhood else None,
            "team": self.team.pk if self.team else None,
            "category": self.category or None,
            "grade": self.grade,
        }

    def query(self, **changes):
        """'?start=…&end=…&neighbourhood=3': a link to the dashboard narrowed further.

        urlencode() would do, but the dashboard asks for a link in every row of its tables:
        the unchanged parameters are encoded once per filters (as urlencode does it)."""
        if "encoded" not in self.memo:
            self.memo["encoded"] = _encoded(self._values())  # empty ones too: their place
        encoded = self.memo["encoded"] | _encoded(changes)
        return "?" + "&".join(f"{key}={value}" for key, value in encoded.items() if value)

    def narrowed(self, **changes):
        return replace(self, **changes)


def _encoded(params):
    """{key: the value as urlencode writes it, or "" for None and "" (left out)}."""
    return {
        quote_plus(str(key)): "" if value in (None, "") else quote_plus(str(value))
        for key, value in params.items()
    }
