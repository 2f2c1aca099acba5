"""Block 1, the weekly visit duty: who met it, per team and for the managers, over 12 weeks.

The week logic is the visits app's: ISO weeks in the corporation's time zone
(`visits.weeks`), visits that count (`Visit.objects.counted()`: visited or nobody home) and
the number a week asks (`settings.VISITS_PER_WEEK`). Staff with duty are today's: the portal
keeps no history of who had duty when.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, DateField, Exists, F, OuterRef
from django.db.models.functions import Cast, TruncWeek

from porous.models import GroupName, Team, User
from porous.text import natural_key
from visits.models import Visit
from visits.selectors import streak, weekly_counts
from visits.weeks import week_end

from .common import day_from_db, percent, rows_over

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


def _met_per_group(people, mondays, team=None):
    """(team pk, manages, Monday, how many met the duty that week) for the trend weeks.

    The visits of the period are grouped twice: per person and week (did they make enough
    visits?), then per team, manager-or-not and week. The ORM has no aggregate over an
    aggregate, so the outer step is written out; both inner queries are Django's own, with
    their parameters. A few hundred rows come back, where the 15,000 person-weeks of a
    corporation took longer to fetch than to count (index visits_visit_logged_week_idx)."""
    visits = Visit.objects.counted().filter(visited_on__range=(mondays[0], week_end(mondays[-1])))
    if team:
        # Only its people's visits, instead of everyone's 15,000 person-weeks grouped and then
        # all but a few dozen thrown away by the join.
        visits = visits.filter(employee__team=team)
    met = (
        # As a date: PostgreSQL's DATE_TRUNC gives a timestamp, and the thousands of rows
        # this query returns took longer to read as moments than to count.
        visits.annotate(week=Cast(TruncWeek("visited_on"), DateField()))
        .order_by()
        .values("employee", "week")
        .annotate(n=Count("pk"))
        .filter(n__gte=settings.VISITS_PER_WEEK)
        .values("employee", "week")
    )
    rows = rows_over(
        "SELECT p.team_pk, p.manages, m.week, COUNT(*) FROM ({0}) m "
        "JOIN ({1}) p ON p.person = m.employee GROUP BY 1, 2, 3",
        met,
        people,
    )
    return [(team, bool(manages), day_from_db(week), n) for team, manages, week, n in rows]


def duty(filters) -> Duty:
    """Three queries: the teams; the staff with duty counted per team and manager-or-not;
    how many of them met the duty, per team, manager-or-not and week."""
    mondays = filters.mondays
    teams = Team.objects.order_by()
    staff = User.objects.filter(has_visit_duty=True, is_active=True)
    if filters.team:
        teams = teams.filter(pk=filters.team.pk)
        staff = staff.filter(team=filters.team)
    teams = sorted(teams, key=lambda team: (natural_key(team.name), team.pk))  # query 1
    rows = {team.pk: DutyRow(str(team.pk), team.pk, team.name) for team in teams}
    is_manager = Exists(
        User.groups.through.objects.filter(user=OuterRef("pk"), group__name=GroupName.MANAGER)
    )
    people = staff.order_by().values(person=F("pk"), team_pk=F("team"), manages=is_manager)
    counted = people.values("team_pk", "manages").annotate(staff=Count("pk"))  # query 2
    managers = DutyRow(MANAGERS, None, "", met=[0] * len(mondays))
    total = DutyRow("total", None, "", met=[0] * len(mondays))
    for row in rows.values():
        row.met = [0] * len(mondays)

    def groups(team_id, manages):
        if team_id not in rows:
            rows[team_id] = DutyRow(NO_TEAM, None, "", met=[0] * len(mondays))
        return [rows[team_id], total] + ([managers] if manages else [])

    for group in counted:
        for target in groups(group["team_pk"], group["manages"]):
            target.staff += group["staff"]
    week_index = {monday: i for i, monday in enumerate(mondays)}
    for team_id, manages, monday, met in _met_per_group(people, mondays, filters.team):  # query 3
        for target in groups(team_id, manages):
            target.met[week_index[monday]] += met
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
