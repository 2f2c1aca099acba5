"""Blocks 4 and 6, from the role matrix: the matrix as a heat map, and movement up the ladder.

The team filter narrows both to the openings coordinated by the team's members. The
neighbourhood filter narrows the matrix to openings in the neighbourhood (openings for the
whole corporation drop out) and the ladder to residents who live there.
"""

from dataclasses import dataclass

from django.db.models import Count, Exists, F, Max, Min, OuterRef, Q, Subquery

from roles.models import Application, Category, Grade, Opening, Role

from .common import moment_from_db, resident_in, rows_over

HELD = (Application.Status.ACTIVE, Application.Status.ENDED)


@dataclass
class MatrixCell:
    category: str
    category_label: str
    grade: int
    roles: int = 0  # active roles in the catalogue for this cell
    openings: int = 0
    holders: int = 0  # active applications
    free: int = 0  # places not taken or offered, in openings open for applications
    waiting: int = 0  # on the waiting list
    pending: int = 0  # waiting for a decision
    oldest_pending: object = None  # when the oldest of those applied

    def oldest_days(self, today):
        if self.oldest_pending is None:
            return None
        return (today - self.oldest_pending.date()).days


def _openings(filters):
    openings = Opening.objects.all()
    if filters.neighbourhood:
        openings = openings.filter(
            Q(neighbourhood=filters.neighbourhood) | Q(complex__neighbourhood=filters.neighbourhood)
        )
    if filters.team:
        openings = openings.filter(coordinator__team=filters.team)
    if filters.category:
        openings = openings.filter(role__category=filters.category)
    if filters.grade:
        openings = openings.filter(role__grade=filters.grade)
    return openings


def matrix(filters) -> list[MatrixCell]:
    """The 16 cells, grade by grade, each category left to right. Two queries: active roles
    counted per cell, and the openings in scope with their application counts, added up per
    cell. The openings are counted one by one first (free places are counted per opening and
    never below zero), then per cell in the database: a corporation has thousands of openings
    and 16 cells. The ORM has no aggregate over an aggregate, so the outer step is written
    out; the inner query is Django's own, with its parameters."""
    cells = {
        (category.value, grade.value): MatrixCell(category.value, category.label, grade.value)
        for grade in Grade
        for category in Category
    }
    roles = Role.objects.active().order_by().values_list("category", "grade")
    for category, grade, n in roles.annotate(n=Count("pk")):  # query 1
        if (category, grade) in cells:
            cells[(category, grade)].roles = n
    # Free places only count in openings that take applications today.
    open_now = Opening.objects.open(filters.today).filter(pk=OuterRef("pk"))
    per_opening = (
        _openings(filters)
        .with_counts()
        .annotate(
            category=F("role__category"),
            grade=F("role__grade"),
            oldest=Min(
                "applications__created_at",
                filter=Q(applications__status=Application.Status.PENDING),
            ),
            is_open_now=Exists(open_now),
        )
        .order_by()
        .values(
            "category",
            "grade",
            "places",
            "holder_count",
            "offered_count",
            "waitlist_count",
            "pending_count",
            "oldest",
            "is_open_now",
        )
    )
    rows = rows_over(  # query 2
        "SELECT o.category, o.grade, COUNT(*), SUM(o.holder_count), SUM(o.waitlist_count), "
        "SUM(o.pending_count), SUM(CASE WHEN o.is_open_now "
        "AND o.places > o.holder_count + o.offered_count "
        "THEN o.places - o.holder_count - o.offered_count ELSE 0 END), MIN(o.oldest) "
        "FROM ({0}) o GROUP BY 1, 2",
        per_opening,
    )
    for category, grade, *counts, oldest in rows:
        cell = cells[(category, grade)]
        # int(): PostgreSQL adds up counts as numeric, which comes back as Decimal.
        cell.openings, cell.holders, cell.waiting, cell.pending, cell.free = map(int, counts)
        cell.oldest_pending = moment_from_db(oldest)
    return [cells[(c.value, g.value)] for g in Grade for c in Category]


@dataclass
class LadderMove:
    from_grade: int
    to_grade: int
    moves: int
    residents: int


@dataclass
class Ladder:
    moves: list  # LadderMove, by grade reached
    residents_moved: int  # residents who moved up at least once in the period
    first_roles: int  # residents who started their first role in the period


def _starts(filters):
    """Roles started in the period, each with the highest grade its resident held before."""
    before = (
        Application.objects.filter(
            resident=OuterRef("resident"),
            status__in=HELD,
            started_on__lt=OuterRef("started_on"),
        )
        .order_by()
        .values("resident")
        .annotate(top=Max("opening__role__grade"))
        .values("top")
    )
    starts = Application.objects.filter(
        status__in=HELD, started_on__range=(filters.start, filters.end)
    )
    if filters.neighbourhood:
        starts = starts.filter(resident_in(filters.neighbourhood, "resident__"))
    if filters.team:
        starts = starts.filter(opening__coordinator__team=filters.team)
    if filters.category:
        starts = starts.filter(opening__role__category=filters.category)
    if filters.grade:
        starts = starts.filter(opening__role__grade=filters.grade)
    return starts.annotate(from_grade=Subquery(before))


def ladder(filters) -> Ladder:
    """Residents who started a role of a higher grade than any they held before, in the
    period. Two queries: the moves grouped by grade from and to, and the distinct residents
    (a resident can move up twice)."""
    starts = _starts(filters)
    up = Q(from_grade__isnull=False, opening__role__grade__gt=F("from_grade"))
    grouped = (  # query 1
        starts.filter(up)
        .order_by()
        .values_list("from_grade", "opening__role__grade")
        .annotate(moves=Count("pk"), residents=Count("resident", distinct=True))
    )
    moves = sorted((LadderMove(*row) for row in grouped), key=lambda m: (m.to_grade, m.from_grade))
    totals = starts.aggregate(  # query 2
        moved=Count("resident", distinct=True, filter=up),
        first=Count("resident", distinct=True, filter=Q(from_grade__isnull=True)),
    )
    return Ladder(moves=moves, residents_moved=totals["moved"], first_roles=totals["first"])
