"""Whom to visit: a short list of households, each with the reasons, in the order of the
product brief: open requests, new tenancies, anniversaries, never visited, longest ago,
complexes with open follow-ups.

A fixed number of queries (one per kind of reason, plus one for the colleagues), whatever the
size of the register; each is served by an index (see the comments). Households planned by
anyone are left out, and so are households visited recently. "Visited" here means someone was
reached: a "nobody home" attempt does not make a household visited.

Colleagues in a team get different households: each takes every n-th row of a window
(n = the number of colleagues), starting at their own place in the team.

The windows are the same for every employee, so they are worked out once for the whole
corporation and kept in the cache for a few minutes (`SHARED_FOR`); each page then checks in
two queries that the households are still free (not planned, not visited meanwhile, the
request still open). A new visit request clears the kept windows.
"""

import calendar
import datetime
import operator
from dataclasses import dataclass, field
from functools import reduce

from django.conf import settings
from django.core.cache import cache
from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from porous.models import User
from tenants.models import Household

from .models import COUNTED_OUTCOMES, FollowUp, Visit, VisitRequest

LIMIT = 6
MAX_SLOTS = 8  # a window of at most 8 rows per share of one colleague
RECENT = datetime.timedelta(weeks=8)  # visited this recently: suggest someone else
RECENT_ATTEMPT = datetime.timedelta(weeks=2)  # nobody home this recently: try again later
HALF_YEAR = datetime.timedelta(days=182)
NEW_TENANCY = (datetime.timedelta(weeks=4), datetime.timedelta(weeks=8))
TOPIC_SHOWN = 80
SHARED_FOR = 300  # seconds a worked-out window is kept for everyone


@dataclass
class Suggestion:
    household: Household
    kind: str  # the kind of visit to plan
    reasons: list = field(default_factory=list)
    request: VisitRequest | None = None  # its household is not loaded: use `household`


def _slot(employee):
    """(this employee's place, number of places) among the duty colleagues of the team."""
    if not employee.team_id:
        return 0, 1
    colleagues = list(
        User.objects.filter(team_id=employee.team_id, is_active=True, has_visit_duty=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if employee.pk not in colleagues:
        return 0, 1
    slots = min(len(colleagues), MAX_SLOTS)
    return colleagues.index(employee.pk) % slots, slots


def _share(rows, slot, slots):
    """Every `slots`-th row from `slot` on, then the rest (so nobody gets an empty list while
    there are rows)."""
    return rows[slot::slots] + [row for i, row in enumerate(rows) if i % slots != slot]


def _reached(**filters):
    """Visits where someone was reached, to the household of the outer query."""
    return Visit.objects.filter(
        household=OuterRef("pk"),
        status=Visit.Status.LOGGED,
        outcome=Visit.Outcome.VISITED,
        **filters,
    )


def _taken(today):
    """What makes a household no candidate, as conditions on its visits: planned by anyone,
    somebody reached recently, or tried (reached or nobody home) more recently still. The
    candidates query asks each as a NOT EXISTS of its own (each served by an index); the check
    of the kept windows asks them together (`_busy`)."""
    logged = Visit.Status.LOGGED
    return [
        Q(status=Visit.Status.PLANNED),
        Q(status=logged, outcome=Visit.Outcome.VISITED, visited_on__gte=today - RECENT),
        Q(status=logged, outcome__in=COUNTED_OUTCOMES, visited_on__gte=today - RECENT_ATTEMPT),
    ]


def _candidates(today):
    """Current households that nobody has planned and nobody visited or tried recently."""
    taken = [Exists(Visit.objects.filter(q, household=OuterRef("pk"))) for q in _taken(today)]
    return (
        Household.objects.filter(Q(tenancy_end__isnull=True) | Q(tenancy_end__gt=today))
        .filter(*[~exists for exists in taken])
        .select_related("dwelling")
    )


def _requests(today, window):
    rows = (
        VisitRequest.objects.filter(status=VisitRequest.Status.OPEN)
        .select_related("household__dwelling")
        .order_by("created_at", "pk")[:window]
    )
    for request in rows:
        topic = request.topic if len(request.topic) <= TOPIC_SHOWN else request.topic[:79] + "…"
        yield Suggestion(
            household=request.household,
            kind=Visit.Kind.REQUESTED,
            reasons=[_("Asked for a visit: “%(topic)s”") % {"topic": topic}],
            request=request,
        )


def _new_tenancies(today, window):
    newest, oldest = today - NEW_TENANCY[0], today - NEW_TENANCY[1]
    rows = (
        _candidates(today)
        .filter(tenancy_start__range=(oldest, newest))
        .filter(~Exists(_reached(visited_on__gte=OuterRef("tenancy_start"))))
        .order_by("tenancy_start", "pk")[:window]
    )
    for household in rows:
        yield Suggestion(
            household=household,
            kind=Visit.Kind.WELCOME,
            reasons=[
                _("New tenancy since %(date)s: time for a welcome visit")
                % {"date": date_format(household.tenancy_start, "j F Y")}
            ],
        )


def _this_month_in_past_years(today, years=100):
    """Tenancy starts in this calendar month of earlier years, as date ranges, so the query
    uses the index on the tenancy start instead of reading every household's month."""
    month = today.month
    return reduce(
        operator.or_,
        [
            Q(
                tenancy_start__range=(
                    datetime.date(year, month, 1),
                    datetime.date(year, month, calendar.monthrange(year, month)[1]),
                )
            )
            for year in range(today.year - years, today.year)
        ],
    )


def _anniversaries(today, window):
    rows = (
        _candidates(today)
        .filter(_this_month_in_past_years(today))
        .filter(~Exists(_reached(visited_on__gte=today - HALF_YEAR)))
        .order_by("tenancy_start", "pk")[:window]
    )
    for household in rows:
        years = today.year - household.tenancy_start.year
        yield Suggestion(
            household=household,
            kind=Visit.Kind.ANNIVERSARY,
            reasons=[_("Living here %(years)d years this month") % {"years": years}],
        )


def _never_visited(today, window):
    rows = _candidates(today).filter(~Exists(_reached())).order_by("tenancy_start", "pk")[:window]
    for household in rows:
        yield Suggestion(household=household, kind=Visit.Kind.REGULAR, reasons=[_("Never visited")])


def _longest_ago(today, window):
    # From the visits side: reached visits oldest first (index visits_visit_reached_idx) that
    # have no later reached visit (index visits_visit_hh_last_idx). The scan stops after a
    # few rows instead of grouping every visit by household.
    reached = Visit.objects.filter(status=Visit.Status.LOGGED, outcome=Visit.Outcome.VISITED)
    household = OuterRef("household")
    rows = (
        reached.filter(visited_on__lt=today - RECENT)
        .filter(~Exists(reached.filter(household=household, visited_on__gt=OuterRef("visited_on"))))
        .filter(~Exists(Visit.objects.planned().filter(household=household)))
        .filter(
            ~Exists(
                Visit.objects.filter(
                    household=household,
                    status=Visit.Status.LOGGED,
                    outcome__in=COUNTED_OUTCOMES,
                    visited_on__gte=today - RECENT_ATTEMPT,
                )
            )
        )
        .filter(Q(household__tenancy_end__isnull=True) | Q(household__tenancy_end__gt=today))
        .select_related("household__dwelling")
        .order_by("visited_on", "pk")[:window]
    )
    seen = set()
    for visit in rows:
        if visit.household_id in seen:  # two visits on the same last day
            continue
        seen.add(visit.household_id)
        yield Suggestion(
            household=visit.household,
            kind=Visit.Kind.REGULAR,
            reasons=[_("Last visit: %(date)s") % {"date": date_format(visit.visited_on, "j F Y")}],
        )


def _open_follow_ups_nearby(today, window):
    # Two queries: the complexes with the most open follow-ups, then households there.
    # Open follow-ups are few: each looks up its complex by primary keys (a subquery), where
    # a join lets the planner read the whole visits table to meet them.
    complex_of_visit = (
        Visit.objects.filter(pk=OuterRef("visit_id"))
        .order_by()
        .values("household__dwelling__complex_id")[:1]
    )
    complexes = dict(
        FollowUp.objects.open()
        .order_by()
        .values_list(Subquery(complex_of_visit))
        .annotate(n=Count("pk"))
        .order_by("-n")[:20]
    )
    if not complexes:
        return
    busiest_first = Case(
        *[When(dwelling__complex_id=pk, then=Value(-n)) for pk, n in complexes.items()],
        output_field=IntegerField(),
    )
    rows = (
        _candidates(today)
        .filter(dwelling__complex_id__in=complexes)
        .filter(~Exists(_reached(visited_on__gte=today - HALF_YEAR)))
        .order_by(busiest_first, "pk")[:window]
    )
    for household in rows:
        yield Suggestion(
            household=household,
            kind=Visit.Kind.REGULAR,
            reasons=[
                _("%(count)d open follow-ups in this complex")
                % {"count": complexes[household.dwelling.complex_id]}
            ],
        )


# (source, how many to take from it), in the order of the brief.
SOURCES = [
    (_requests, 2),
    (_new_tenancies, 1),
    (_anniversaries, 1),
    (_never_visited, 1),
    (_longest_ago, 2),
    (_open_follow_ups_nearby, 1),
]


def _shared_key(today, language):
    # The reasons are sentences in the page's language, so each language keeps its own.
    return f"visits:suggestions:{today.isoformat()}:{language}"


def forget_shared_suggestions(today):
    cache.delete_many([_shared_key(today, code) for code, _name in settings.LANGUAGES])


def _shared_windows(today):
    """For each source in order, its window as (household pk, kind, reasons, request pk)
    rows: wide enough for the largest team, and the same for every employee."""
    key = _shared_key(today, get_language())
    windows = cache.get(key)
    if windows is None:
        windows = [
            [
                (s.household.pk, s.kind, s.reasons, s.request.pk if s.request else None)
                for s in source(today, (take + 2) * MAX_SLOTS)
            ]
            for source, take in SOURCES
        ]
        cache.set(key, windows, SHARED_FOR)
    return windows


def _busy(household_pks, today):
    """Of these households, the ones taken (`_taken`) since the windows were worked out. One
    query on the visits by household, simpler to build and run than the candidates query with
    its three NOT EXISTS."""
    return set(
        Visit.objects.filter(household__in=household_pks)
        .filter(reduce(operator.or_, _taken(today)))
        .order_by()
        .values_list("household", flat=True)
        .distinct()
    )


def _still_free(windows, today):
    """The households (pks) and requests of the windows that are still to be suggested:
    two queries, whatever was kept."""
    request_pks = {row[3] for window in windows for row in window if row[3]}
    household_pks = {row[0] for window in windows for row in window if not row[3]}
    # The requests alone: the few households shown are loaded with the others at the end.
    open_requests = {
        request.pk: request
        for request in VisitRequest.objects.filter(
            pk__in=request_pks, status=VisitRequest.Status.OPEN
        )
    }
    free = household_pks - _busy(household_pks, today) if household_pks else set()
    return free, open_requests


def suggestions_for(*, employee, today, limit=LIMIT):
    """The short list for one employee. A household found by several sources shows every
    reason and counts once. Households are loaded only for the list itself: the windows
    hold a few hundred, the list at most `limit`."""
    slot, slots = _slot(employee)
    # Only the rows this team's shares reach: the kept windows are as wide as the largest team.
    windows = [
        window[: (take + 2) * slots]
        for (_source, take), window in zip(SOURCES, _shared_windows(today), strict=True)
    ]
    free, open_requests = _still_free(windows, today)
    found = {}
    for (_source, take), window in zip(SOURCES, windows, strict=True):
        rows = [
            (household_pk, kind, reasons, open_requests.get(request_pk))
            for household_pk, kind, reasons, request_pk in window
            if (request_pk in open_requests if request_pk else household_pk in free)
        ]
        added = 0
        for household_pk, kind, reasons, request in _share(rows, slot, slots):
            known = found.get(household_pk)
            if known is not None:
                known.reasons.extend(reasons)
            elif added < take:
                found[household_pk] = Suggestion(None, kind, list(reasons), request)
                added += 1
    chosen = list(found.items())[:limit]
    households = Household.objects.select_related("dwelling").in_bulk([pk for pk, _ in chosen])
    for pk, suggestion in chosen:
        suggestion.household = households.get(pk)
    # Left out: a household removed, or (but for an open request, which is kept as before) a
    # tenancy that ended since the windows were worked out, minutes ago at most. The list is
    # one shorter until they are worked out again.
    return [
        suggestion
        for _pk, suggestion in chosen
        if suggestion.household is not None
        and (suggestion.request is not None or _current(suggestion.household, today))
    ]


def _current(household, today):
    return household.tenancy_end is None or household.tenancy_end > today
