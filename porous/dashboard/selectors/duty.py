"""Block 1, the weekly visit duty: who met it, per team and for the managers, over 12 weeks.

The week logic is the visits app's: ISO weeks in the corporation's time zone
(`visits.weeks`), visits that count (`Visit.objects.counted()`: visited or nobody home) and
the number a week asks (`settings.VISITS_PER_WEEK`). Staff with duty are today's: the portal
keeps no history of who had duty when.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.db.models.lookups import GreaterThanOrEqual

from porous.models import GroupName, Team, User
from visits.models import Visit
from visits.selectors import streak, weekly_counts
from visits.weeks import week_end

from .common import percent

MANAGERS = "managers"
NO_TEAM = "no-team"


@dataclass
class DutyRow:
    key: str  # "managers", "no-team" or the team's pk as text
    team_id: int | None
    label: str  # the team's name; the template names the managers' and no-team rows
    staff: int = 0  # people with visit duty
    met: list = field(default_factory=list)  # per trend week, oldest first: how many met it

    @property
    def met_this_week(self):
        return self.met[-1] if self.met else 0

    @property
    def share_this_week(self):
        return percent(self.met_this_week, self.staff)

    @property
    def shares(self):
        return [percent(met, self.staff) for met in self.met]

    @property
    def share_trend(self):
        """The share over all 12 weeks: person-weeks met out of person-weeks asked."""
        return percent(sum(self.met), self.staff * len(self.met))


@dataclass
class Duty:
    mondays: list
    managers: DutyRow
    teams: list  # DutyRow per team, by name; "no team" last when anyone has none
    total: DutyRow
    per_week: int


def _met_in_week(monday):
    """True for a user who made enough visits that count in the week of `monday`."""
    visits = (
        Visit.objects.counted()
        .filter(employee=OuterRef("pk"), visited_on__range=(monday, week_end(monday)))
        .order_by()
        .values("employee")
        .annotate(n=Count("pk"))
        .values("n")
    )
    done = Coalesce(Subquery(visits, output_field=IntegerField()), Value(0))
    return Q(GreaterThanOrEqual(done, settings.VISITS_PER_WEEK))


def duty(filters) -> Duty:
    """Two queries: the teams, and the staff with duty counted per team and manager-or-not,
    with one conditional count per week (a correlated count on the visit index
    employee+visited_on). Only grouped counts come back, whatever the number of staff."""
    mondays = filters.mondays
    teams = Team.objects.order_by("name", "pk")
    staff = User.objects.filter(has_visit_duty=True, is_active=True)
    if filters.team:
        teams = teams.filter(pk=filters.team.pk)
        staff = staff.filter(team=filters.team)
    rows = {team.pk: DutyRow(str(team.pk), team.pk, team.name) for team in teams}  # query 1
    is_manager = Exists(
        User.groups.through.objects.filter(user=OuterRef("pk"), group__name=GroupName.MANAGER)
    )
    weeks = {f"w{i}": Count("pk", filter=_met_in_week(m)) for i, m in enumerate(mondays)}
    grouped = (  # query 2
        staff.annotate(is_manager=is_manager)
        .order_by()
        .values("team", "is_manager")
        .annotate(staff=Count("pk"), **weeks)
    )
    managers = DutyRow(MANAGERS, None, "", met=[0] * len(mondays))
    total = DutyRow("total", None, "", met=[0] * len(mondays))
    for row in rows.values():
        row.met = [0] * len(mondays)
    for group in grouped:
        team_id = group["team"]
        if team_id not in rows:
            rows[team_id] = DutyRow(NO_TEAM, None, "", met=[0] * len(mondays))
        targets = [rows[team_id], total] + ([managers] if group["is_manager"] else [])
        for target in targets:
            target.staff += group["staff"]
            target.met = [a + group[f"w{i}"] for i, a in enumerate(target.met)]
    return Duty(
        mondays=mondays,
        managers=managers,
        teams=list(rows.values()),
        total=total,
        per_week=settings.VISITS_PER_WEEK,
    )


@dataclass
class MyRecord:
    weeks: list  # [(monday, visits that count, met)] oldest first, this week last
    streak: int
    per_week: int

    @property
    def this_week(self):
        return self.weeks[-1]

    @property
    def weeks_met(self):
        return sum(1 for _, _, met in self.weeks if met)


def my_record(employee, filters) -> MyRecord:
    """The employee's own 12 weeks and streak, with the visits app's own helpers: one query."""
    counts = weekly_counts(employee, until=filters.end)
    per_week = settings.VISITS_PER_WEEK
    weeks = [
        (monday, counts.get(monday, 0), counts.get(monday, 0) >= per_week)
        for monday in filters.mondays
    ]
    return MyRecord(weeks=weeks, streak=streak(counts, filters.end), per_week=per_week)
