"""Block 7, the Huurdersschool: enrolments, completions and certificates in the period, per
track, and how many employees learned from residents.

The neighbourhood filter narrows the learners to residents living there, the team filter to
employees of the team (both at once leaves nobody: residents have no team).
"""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q

from porous.models import GroupName, User
from porous.text import natural_key
from school.models import Attendance, Certificate, Course, Enrollment
from tenants.models import Resident

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
    # Whether a lesson's teacher is a resident is asked per lesson attended (EXISTS on an
    # index): joined through to the residents, PostgreSQL took 11 ms to plan this query and
    # 4 to run it.
    teacher_is_resident = Exists(Resident.objects.filter(user=OuterRef("session__teacher")))
    course_has_resident_teacher = Exists(
        Course.teachers.through.objects.filter(
            course=OuterRef("session__run__course"), user__resident__isnull=False
        )
    )
    attended = Attendance.objects.filter(
        Q(teacher_is_resident) | Q(course_has_resident_teacher, session__teacher__isnull=True),
        _between("session__start", filters),
        enrollment__learner=OuterRef("pk"),
        present=True,
        session__cancelled=False,
    )
    employees = User.objects.filter(is_active=True, groups__name=GroupName.EMPLOYEE)
    if filters.team:
        employees = employees.filter(team=filters.team)
    rows = [
        StaffRow(team_id, team or "", n, learned)
        for team_id, team, n, learned in employees.order_by()
        .values_list("team", "team__name")
        .annotate(n=Count("pk"), learned=Count("pk", filter=Q(Exists(attended))))
    ]
    rows.sort(key=lambda r: (r.team_id is None, natural_key(r.team)))
    total = StaffRow(None, "", sum(r.employees for r in rows), sum(r.learned for r in rows))
    return rows, total


def school(filters) -> School:
    """Three queries (see _tracks and _staff)."""
    tracks, total = _tracks(filters)
    staff, staff_total = _staff(filters)
    return School(tracks=tracks, total=total, staff=staff, staff_total=staff_total)
