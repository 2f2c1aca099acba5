"""Block 5, representativeness: the ages of the residents who take part, against the ages of
the main tenants of all households.

Both sides use the age reached in the year the period ends (that year minus the birth year):
the register knows only the main tenant's birth year, and the same rule on both sides keeps
the comparison fair. The bands are decided by the database from birth-year bounds, so the
count is exact on SQLite and PostgreSQL alike and only grouped counts come back.

Taking part, in the period: holding a role (active at any moment of it), being enrolled in a
course run that met in it, or teaching one of its lessons. With a cell of the matrix chosen,
only the holders of that cell's roles. Home seekers have no household: they are counted
separately, and drop out when a neighbourhood is chosen.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Case, CharField, Count, IntegerField, Q, Value, When

from roles.models import Application
from school.models import CourseSession, Enrollment
from tenants.models import Resident
from visits.weeks import months_before

from .common import (
    HOUSEHOLD_NEIGHBOURHOOD,
    REACH_MONTHS,
    households_shown,
    neighbourhoods,
    percent,
    resident_in,
    resident_neighbourhood,
    shared,
)

HELD = (Application.Status.ACTIVE, Application.Status.ENDED)
UNKNOWN = "unknown"
# (key, youngest age, oldest age); the labels are the template's and the blocks'.
BANDS = [
    ("0-24", None, 24),
    ("25-34", 25, 34),
    ("35-49", 35, 49),
    ("50-64", 50, 64),
    ("65+", 65, None),
]
BAND_KEYS = [key for key, _, _ in BANDS]
YOUNG = ("0-24", "25-34")  # "under 35"


def _band(field_name, year, *, as_date):
    """A CASE naming the age band of a birth year (or birth date) field."""

    def bound(birth_year):
        return datetime.date(birth_year, 1, 1) if as_date else birth_year

    whens = [When(**{f"{field_name}__isnull": True}, then=Value(UNKNOWN))]
    for key, _youngest, oldest in BANDS:
        if oldest is not None:  # born in or after year - oldest
            whens.append(When(**{f"{field_name}__gte": bound(year - oldest)}, then=Value(key)))
    return Case(*whens, default=Value(BANDS[-1][0]), output_field=CharField())


@dataclass
class AgeCounts:
    counts: dict = field(default_factory=lambda: dict.fromkeys([*BAND_KEYS, UNKNOWN], 0))

    def add(self, band, n):
        self.counts[band] = self.counts.get(band, 0) + n

    @property
    def total(self):
        return sum(self.counts.values())

    @property
    def known(self):
        return self.total - self.counts[UNKNOWN]

    def share(self, band):
        """Share of those whose age is known."""
        return percent(self.counts[band], self.known)

    @property
    def young(self):
        return sum(self.counts[band] for band in YOUNG)

    @property
    def share_young(self):
        return percent(self.young, self.known)


@dataclass
class AgeRow:
    neighbourhood_id: int | None
    name: str
    participants: AgeCounts = field(default_factory=AgeCounts)
    main_tenants: AgeCounts = field(default_factory=AgeCounts)


@dataclass
class Representativeness:
    year: int
    neighbourhoods: list  # AgeRow per neighbourhood (participants here are tenants)
    tenants: AgeRow  # all neighbourhoods together
    home_seekers: AgeCounts


def _participants(filters):
    holders = Application.objects.filter(status__in=HELD, started_on__lte=filters.end).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=filters.start)
    )
    if filters.category:
        holders = holders.filter(opening__role__category=filters.category)
    if filters.grade:
        holders = holders.filter(opening__role__grade=filters.grade)
    taking_part = Q(pk__in=holders.values("resident"))
    if not filters.has_cell:
        sessions = CourseSession.objects.filter(
            cancelled=False, start__gte=filters.moment_start, start__lt=filters.moment_end
        )
        learners = Enrollment.objects.filter(
            status__in=Enrollment.HOLDS_PLACE, run__in=sessions.values("run")
        )
        taking_part |= Q(user__in=learners.values("learner"))
        taking_part |= Q(user__in=sessions.filter(teacher__isnull=False).values("teacher"))
    residents = Resident.objects.filter(taking_part)
    if filters.neighbourhood:
        residents = residents.filter(resident_in(filters.neighbourhood))
    return residents


@dataclass(frozen=True)
class HouseholdGroup:
    """The current households of one neighbourhood and age band of the main tenant."""

    neighbourhood_id: int
    band: str
    households: int
    # By the households' copies of their reached visits, which hold the visits up to now:
    # right for a period that ends today, and without a team (reach decides).
    reached_ever: int
    reached_recently: int  # in the REACH_MONTHS up to the end of the period


def households_by_band(filters):
    """[HouseholdGroup] as of the end of the period. One query a page: reach counts the same
    households, in the same pass over the table."""
    return shared(filters, _households_by_band)


def _households_by_band(filters):
    since = months_before(filters.end, REACH_MONTHS)
    rows = (
        households_shown(filters)
        .annotate(band=_band("main_tenant_birth_year", filters.end.year, as_date=False))
        .order_by()
        .values_list(f"{HOUSEHOLD_NEIGHBOURHOOD}_id", "band")
        .annotate(
            n=Count("pk"),
            ever=Count("first_reached_on"),
            recently=Count("pk", filter=Q(last_reached_on__gt=since)),
        )
    )
    return [HouseholdGroup(*row) for row in rows]


def representativeness(filters) -> Representativeness:
    """Three queries: the neighbourhoods; the residents taking part counted per kind,
    neighbourhood and band (the ways of taking part are subqueries, so nobody counts twice);
    the current households counted per neighbourhood and band of the main tenant."""
    year = filters.end.year
    rows = {pk: AgeRow(pk, name) for pk, name in neighbourhoods(filters)}  # query 1
    tenants = AgeRow(None, "")
    home_seekers = AgeCounts()
    if filters.neighbourhood:
        # Everyone counted lives there (or did): no join to the households to find out.
        neighbourhood = Value(filters.neighbourhood.pk, output_field=IntegerField())
    else:
        neighbourhood = resident_neighbourhood()
    participants = (  # query 2
        _participants(filters)
        .annotate(band=_band("birth_date", year, as_date=True), neighbourhood_id=neighbourhood)
        .order_by()
        .values_list("kind", "neighbourhood_id", "band")
        .annotate(n=Count("pk"))
    )
    for kind, neighbourhood_id, band, n in participants:
        if kind == Resident.Kind.HOME_SEEKER:
            home_seekers.add(band, n)
            continue
        tenants.participants.add(band, n)
        if neighbourhood_id in rows:
            rows[neighbourhood_id].participants.add(band, n)
    main_tenants = households_by_band(filters)  # query 3, shared with reach
    for group in main_tenants:
        tenants.main_tenants.add(group.band, group.households)
        if group.neighbourhood_id in rows:
            rows[group.neighbourhood_id].main_tenants.add(group.band, group.households)
    return Representativeness(
        year=year, neighbourhoods=list(rows.values()), tenants=tenants, home_seekers=home_seekers
    )
