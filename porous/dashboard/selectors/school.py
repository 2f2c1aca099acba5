"""Block 7, the Huurdersschool: enrolments, completions and certificates in the period, per
track, and how many employees learned from residents.

The neighbourhood filter narrows the learners to residents living there, the team filter to
employees of the team (both at once leaves nobody: residents have no team).
"""

from dataclasses import dataclass

from django.db.models import Count, Q

from porous.models import GroupName, User
from porous.text import natural_key
from school.models import Attendance, Certificate, Course, Enrollment

from .common import percent, resident_in


@dataclass
class TrackRow:
    track: str
    label: str
    enrolments: int = 0  # enrolled in the period, still enrolled or completed
    completions: int = 0  # completed in the period
    certificates: int = 0  # issued in the period and not revoked by its end


@dataclass
class StaffRow:
    team_id: int | None
    team: str
    employees: int
    learned: int  # attended a lesson taught by a resident in the period

    @property
    def share(self):
        return percent(self.learned, self.employees)


@dataclass
class School:
    tracks: list
    total: TrackRow
    staff: list
    staff_total: StaffRow


def _between(name, filters):
    return Q(**{f"{name}__gte": filters.moment_start, f"{name}__lt": filters.moment_end})


def _learners(filters, prefix):
    q = Q()
    if filters.neighbourhood:
        q &= resident_in(filters.neighbourhood, f"{prefix}resident__")
    if filters.team:
        q &= Q(**{f"{prefix}team": filters.team})
    return q


def _tracks(filters):
    """Two queries: enrolments and completions grouped per track, certificates per track."""
    rows = {value: TrackRow(value, str(label)) for value, label in Course.Track.choices}
    enrolled = _between("created_at", filters)
    completed = Q(status=Enrollment.Status.COMPLETED) & _between("completed_at", filters)
    grouped = (  # query 1
        Enrollment.objects.filter(_learners(filters, "learner__"))
        .filter(enrolled | completed)
        .order_by()
        .values_list("run__course__track")
        .annotate(
            enrolments=Count("pk", filter=enrolled & Q(status__in=Enrollment.HOLDS_PLACE)),
            completions=Count("pk", filter=completed),
        )
    )
    for track, enrolments, completions in grouped:
        rows[track].enrolments, rows[track].completions = enrolments, completions
    certificates = (  # query 2
        Certificate.objects.filter(_between("issued_at", filters))
        .filter(Q(revoked_at__isnull=True) | Q(revoked_at__gte=filters.moment_end))
        .filter(_learners(filters, "enrollment__learner__"))
        .order_by()
        .values_list("enrollment__run__course__track")
        .annotate(n=Count("pk"))
    )
    for track, n in certificates:
        rows[track].certificates = n
    total = TrackRow("", "")
    for row in rows.values():
        total.enrolments += row.enrolments
        total.completions += row.completions
        total.certificates += row.certificates
    return list(rows.values()), total


def _staff(filters):
    """One query: active employees per team, and of those who attended a lesson taught by a
    resident (the session's teacher; for a session without one, the course's teachers)."""
    # The lesson's teacher is joined to the residents (about 160 lessons in a period, each on
    # an index). Asked as EXISTS per lesson instead, PostgreSQL hashed all 30,000 residents
    # for it: 26 ms on the bench data, against 6 ms now.
    courses_of_residents = Course.teachers.through.objects.filter(
        user__resident__isnull=False
    ).values("course")
    learners = Attendance.objects.filter(
        Q(session__teacher__resident__isnull=False)
        | Q(session__teacher__isnull=True, session__run__course__in=courses_of_residents),
        _between("session__start", filters),
        present=True,
        session__cancelled=False,
    ).values("enrollment__learner")
    employees = User.objects.filter(is_active=True, groups__name=GroupName.EMPLOYEE)
    if filters.team:
        employees = employees.filter(team=filters.team)
    rows = [
        StaffRow(team_id, team or "", n, learned)
        for team_id, team, n, learned in employees.order_by()
        .values_list("team", "team__name")
        .annotate(n=Count("pk"), learned=Count("pk", filter=Q(pk__in=learners)))
    ]
    rows.sort(key=lambda r: (r.team_id is None, natural_key(r.team)))
    total = StaffRow(None, "", sum(r.employees for r in rows), sum(r.learned for r in rows))
    return rows, total


def school(filters) -> School:
    """Three queries (see _tracks and _staff)."""
    tracks, total = _tracks(filters)
    staff, staff_total = _staff(filters)
    return School(tracks=tracks, total=total, staff=staff, staff_total=staff_total)
