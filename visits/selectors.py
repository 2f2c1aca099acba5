"""The read questions of the visit pages, each in a fixed number of queries."""

import datetime
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import TruncWeek

from porous.models import User
from tenants.models import Household, normalize_postcode

from .models import FollowUp, Visit, VisitRequest
from .suggestions import suggestions_for
from .weeks import week_end, week_key, week_start, weeks_back

UPCOMING_SHOWN = 10
FOLLOW_UPS_SHOWN = 10
RECENT_SHOWN = 5
SEARCH_RESULTS = 20
TEAM_WEEKS = 4


def weekly_counts(employee, *, until):
    """{monday: number of visits that count}, for every week with any (one query)."""
    rows = (
        Visit.objects.counted()
        .filter(employee=employee, visited_on__lte=week_end(until))
        .annotate(week=TruncWeek("visited_on"))
        .order_by()
        .values_list("week")
        .annotate(n=Count("pk"))
    )
    return {_as_date(week): n for week, n in rows}


def _as_date(value):
    return value.date() if isinstance(value, datetime.datetime) else value


def streak(counts, today):
    """Weeks in a row with the duty met, up to this week; this week only counts once met
    (it is not over yet)."""
    per_week = settings.VISITS_PER_WEEK
    week = week_start(today)
    if counts.get(week, 0) < per_week:
        week -= datetime.timedelta(weeks=1)
    weeks = 0
    while counts.get(week, 0) >= per_week:
        weeks += 1
        week -= datetime.timedelta(weeks=1)
    return weeks


@dataclass
class MyWeek:
    today: datetime.date
    key: str
    start: datetime.date
    end: datetime.date
    done: int
    required: int
    streak: int
    upcoming: list
    recent: list
    follow_ups: list
    suggestions: list = field(default_factory=list)

    @property
    def planned_this_week(self):
        return [visit for visit in self.upcoming if self.start <= visit.planned_for <= self.end]

    @property
    def state(self):
        """'done', 'planned' or 'open' for this week's duty."""
        if self.done >= self.required:
            return "done"
        return "planned" if self.planned_this_week else "open"


def my_week(*, employee, today):
    """Everything on "Mijn week" in a fixed number of queries (see the view's test)."""
    counts = weekly_counts(employee, until=today)  # 1 query
    start = week_start(today)
    upcoming = list(  # 1 query
        Visit.objects.planned()
        .filter(employee=employee)
        .select_related("household__dwelling", "request")
        .order_by("planned_for", "pk")[:UPCOMING_SHOWN]
    )
    recent = list(  # 1 query
        Visit.objects.filter(employee=employee, status=Visit.Status.LOGGED)
        .select_related("household__dwelling")
        .order_by("-visited_on", "-pk")[:RECENT_SHOWN]
    )
    follow_ups = list(  # 1 query
        FollowUp.objects.open()
        .filter(owner=employee)
        .select_related("visit__household__dwelling")
        .order_by("due_on", "pk")[:FOLLOW_UPS_SHOWN]
    )
    return MyWeek(
        today=today,
        key=week_key(today),
        start=start,
        end=week_end(today),
        done=counts.get(start, 0),
        required=settings.VISITS_PER_WEEK,
        streak=streak(counts, today),
        upcoming=upcoming,
        recent=recent,
        follow_ups=follow_ups,
        suggestions=suggestions_for(employee=employee, today=today),  # at most 8 queries
    )


ADDRESS_RE = re.compile(r"^(?P<street>.*?)\s*(?P<number>\d+)\s*(?P<suffix>[A-Za-z]{0,3})$")


def household_search(*, query, today):
    """Current households by postcode (with or without house number) or by street and number.

    '3521AB', '3521 ab 12', 'Kanaalweg 12', 'kanaalweg'. One query, at most 20 rows, each
    with who planned it (if anyone) and the date of its last visit.
    """
    query = " ".join((query or "").split())
    if len(query) < 3:
        return []
    households = Household.objects.filter(
        Q(tenancy_end__isnull=True) | Q(tenancy_end__gt=today)
    ).select_related("dwelling__complex__neighbourhood")
    postcode = re.match(r"^(\d{4}\s*[A-Za-z]{2})\s*(\d+)?\s*([A-Za-z]{0,3})$", query)
    if postcode:
        households = households.filter(dwelling__postcode=normalize_postcode(postcode.group(1)))
        if postcode.group(2):
            households = households.filter(dwelling__house_number=int(postcode.group(2)))
    else:
        address = ADDRESS_RE.match(query)
        if address and address.group("street"):
            households = households.filter(
                dwelling__street__icontains=address.group("street"),
                dwelling__house_number=int(address.group("number")),
            )
            if address.group("suffix"):
                households = households.filter(
                    dwelling__house_number_suffix__iexact=address.group("suffix")
                )
        else:
            households = households.filter(dwelling__street__icontains=query)
    planned = Visit.objects.planned().filter(household=OuterRef("pk"))
    last = Visit.objects.counted().filter(household=OuterRef("pk")).order_by("-visited_on")
    return list(
        households.annotate(
            planned_by=Subquery(planned.values("employee__full_name")[:1]),
            planned_for=Subquery(planned.values("planned_for")[:1]),
            last_visit=Subquery(last.values("visited_on")[:1]),
        ).order_by(
            "dwelling__postcode",
            "dwelling__house_number",
            "dwelling__house_number_suffix",
            "pk",
        )[:SEARCH_RESULTS]
    )


def follow_ups_of(*, owner, limit=200):
    """The owner's open follow-ups by due date, and the last ten closed (two queries)."""
    base = FollowUp.objects.filter(owner=owner).select_related(
        "visit__household__dwelling", "visit__employee", "talent"
    )
    open_items = list(base.filter(closed_at__isnull=True).order_by("due_on", "pk")[:limit])
    closed = list(base.filter(closed_at__isnull=False).order_by("-closed_at", "-pk")[:10])
    return open_items, closed


def requests_of(*, resident):
    """A resident's own requests, newest first, each with `planned_visit` and `done_visit`
    (two queries)."""
    requests = list(
        VisitRequest.objects.filter(resident=resident)
        .select_related("household__dwelling")
        .prefetch_related(
            Prefetch(
                "visits",
                queryset=Visit.objects.select_related("employee").order_by("-planned_for", "-pk"),
            )
        )
    )
    for request in requests:
        visits = list(request.visits.all())
        request.planned_visit = next((v for v in visits if v.is_planned), None)
        request.done_visit = next((v for v in visits if v.outcome == Visit.Outcome.VISITED), None)
    return requests


@dataclass
class MemberWeeks:
    member: User
    weeks: list  # [(monday, count, met)] oldest first, this week last
    planned_this_week: int


def _week(count, monday):
    return monday, count, count >= settings.VISITS_PER_WEEK


def team_overview(*, teams, today):
    """For a manager: each team member's visits over the last weeks, and recent visits
    (four queries)."""
    mondays = [weeks_back(today, back) for back in range(TEAM_WEEKS, 0, -1)] + [week_start(today)]
    members = list(
        User.objects.filter(team__in=teams, is_active=True)
        .select_related("team")
        .order_by("team__name", "full_name")
    )
    counts = {}
    rows = (
        Visit.objects.counted()
        .filter(employee__in=members, visited_on__range=(mondays[0], week_end(today)))
        .annotate(week=TruncWeek("visited_on"))
        .order_by()
        .values_list("employee", "week")
        .annotate(n=Count("pk"))
    )
    for employee, week, n in rows:
        counts[(employee, _as_date(week))] = n
    planned = dict(
        Visit.objects.planned()
        .filter(employee__in=members, planned_for__range=(mondays[-1], week_end(today)))
        .order_by()
        .values_list("employee")
        .annotate(n=Count("pk"))
    )
    overview = [
        MemberWeeks(
            member=member,
            weeks=[_week(counts.get((member.pk, monday), 0), monday) for monday in mondays],
            planned_this_week=planned.get(member.pk, 0),
        )
        for member in members
    ]
    recent = list(
        Visit.objects.filter(employee__in=members, status=Visit.Status.LOGGED)
        .select_related("employee", "household__dwelling")
        .order_by("-visited_on", "-pk")[:20]
    )
    return mondays, overview, recent
