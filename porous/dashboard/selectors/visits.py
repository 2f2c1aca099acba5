"""Blocks 2, 3 and 9, from the home visits: reach, follow-ups and satisfaction.

"Reached" means somebody talked with the household (outcome: visited); a door nobody opened
counts for the employee's duty but has not reached anyone.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q

from porous.text import natural_key
from visits.models import FollowUp, Visit
from visits.weeks import months_before

from .common import (
    REACH_MONTHS,
    VISIT_NEIGHBOURHOOD,
    average,
    households_shown,
    neighbourhoods,
    percent,
    rows_over,
)
from .people import households_by_band

SCORES = range(1, 11)


@dataclass
class ReachRow:
    neighbourhood_id: int
    name: str
    households: int
    reached: int  # in the last 12 months
    never: int  # never reached, up to the end of the period

    @property
    def share_reached(self):
        return percent(self.reached, self.households)

    @property
    def share_never(self):
        return percent(self.never, self.households)


def _reached(filters):
    """{neighbourhood pk: (households reached ever, in the last 12 months)}, up to the end.

    The reached visits are first grouped per household, reading the partial index
    visits_visit_hh_reached_idx in order, and only then per neighbourhood. Counting distinct
    households per neighbourhood straight away sorted 120,000 visits on disk. The ORM has no
    aggregate over an aggregate, so the outer step is written out; both inner queries are
    Django's own, with their parameters."""
    since = months_before(filters.end, REACH_MONTHS)
    visits = Visit.objects.filter(
        status=Visit.Status.LOGGED, outcome=Visit.Outcome.VISITED, visited_on__lte=filters.end
    )
    if filters.team:
        visits = visits.filter(employee__team=filters.team)
    per_household = (
        visits.order_by()
        .values("household")
        .annotate(recent=Count("visited_on", filter=Q(visited_on__gt=since)))
        .values("household", "recent")
    )
    households = households_shown(filters).order_by().values("pk", "neighbourhood")
    rows = rows_over(
        "SELECT h.neighbourhood, COUNT(*), SUM(CASE WHEN v.recent > 0 THEN 1 ELSE 0 END) "
        "FROM ({0}) v JOIN ({1}) h ON h.pk = v.household GROUP BY 1",
        per_household,
        households,
    )
    return {neighbourhood: (ever, recent) for neighbourhood, ever, recent in rows}


def reach(filters) -> list[ReachRow]:
    """Households reached in the 12 months up to the end of the period, and never reached,
    per neighbourhood (empty ones too). With a team chosen, only that team's visits count.

    Two queries shared with representativeness: the neighbourhoods, and the current
    households per neighbourhood and age band, which also counts the households reached by
    their copies of their visits. Those copies hold every team's visits up to now, so a
    period that ends earlier, or a team, takes a third query: `_reached`, from the visits.
    Never reached = the households minus those reached ever."""
    per_neighbourhood = defaultdict(int)
    copied = defaultdict(lambda: [0, 0])  # neighbourhood pk: [reached ever, recently]
    for group in households_by_band(filters):  # shared with block 5
        per_neighbourhood[group.neighbourhood_id] += group.households
        copied[group.neighbourhood_id][0] += group.reached_ever
        copied[group.neighbourhood_id][1] += group.reached_recently
    rows = [(pk, name, per_neighbourhood[pk]) for pk, name in neighbourhoods(filters)]
    if filters.team is None and filters.end >= filters.today:
        reached = copied
    else:
        reached = _reached(filters)  # query 3
    result = []
    for pk, name, n_households in rows:
        ever, recent = reached.get(pk, (0, 0))
        # max(): a tenancy that started between the two queries is not yet among the households.
        result.append(ReachRow(pk, name, n_households, recent, max(n_households - ever, 0)))
    return result


@dataclass
class FollowUpRow:
    team_id: int | None
    team: str  # "" for owners without a team
    kind: str
    open: int
    overdue: int


def follow_ups(filters) -> list[FollowUpRow]:
    """Follow-ups open at the end of the period, and of those overdue, by owner's team and
    kind. One grouped query (a follow-up closed later was still open then)."""
    until = filters.moment_end
    queryset = FollowUp.objects.filter(created_at__lt=until).filter(
        Q(closed_at__isnull=True) | Q(closed_at__gte=until)
    )
    if filters.neighbourhood:
        queryset = queryset.filter(**{f"visit__{VISIT_NEIGHBOURHOOD}": filters.neighbourhood})
    if filters.team:
        queryset = queryset.filter(owner__team=filters.team)
    rows = (
        queryset.order_by()
        .values_list("owner__team", "owner__team__name", "kind")
        .annotate(open=Count("pk"), overdue=Count("pk", filter=Q(due_on__lt=filters.end)))
    )
    order = FollowUp.Kind.values
    result = [
        FollowUpRow(team_id, team or "", kind, n_open, n_overdue)
        for team_id, team, kind, n_open, n_overdue in rows
    ]
    # Teams by name (no team last), kinds in the order of the form.
    return sorted(
        result,
        key=lambda r: (r.team_id is None, natural_key(r.team), r.team_id or 0, order.index(r.kind)),
    )


@dataclass
class SatisfactionRow:
    neighbourhood_id: int | None
    name: str
    scores: dict = field(default_factory=lambda: {score: 0 for score in SCORES})

    @property
    def answers(self):
        return sum(self.scores.values())

    @property
    def average(self):
        return average(sum(s * n for s, n in self.scores.items()), self.answers)


@dataclass
class Satisfaction:
    total: SatisfactionRow
    neighbourhoods: list


def satisfaction(filters) -> Satisfaction:
    """Scores (1–10) given at visits in the period, per neighbourhood (empty ones too).
    Two queries: the neighbourhoods, and the visits counted per neighbourhood and score."""
    rows = {pk: SatisfactionRow(pk, name) for pk, name in neighbourhoods(filters)}  # query 1
    visits = Visit.objects.filter(
        status=Visit.Status.LOGGED,
        outcome=Visit.Outcome.VISITED,
        satisfaction__isnull=False,
        visited_on__range=(filters.start, filters.end),
    )
    if filters.neighbourhood:
        visits = visits.filter(**{VISIT_NEIGHBOURHOOD: filters.neighbourhood})
    if filters.team:
        visits = visits.filter(employee__team=filters.team)
    total = SatisfactionRow(None, "")
    grouped = (  # query 2
        visits.order_by()
        .values_list(f"{VISIT_NEIGHBOURHOOD}_id", "satisfaction")
        .annotate(n=Count("pk"))
    )
    for neighbourhood_id, score, n in grouped:
        if neighbourhood_id in rows:  # not one made between the two queries
            rows[neighbourhood_id].scores[score] += n
        total.scores[score] += n
    return Satisfaction(total=total, neighbourhoods=list(rows.values()))
