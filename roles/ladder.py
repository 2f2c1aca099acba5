"""The ladder: which roles a resident can take now, and what is missing for the others.

Pure functions over data the selectors load in a fixed number of queries, so the matrix page
costs the same whatever the number of roles, openings and courses.
"""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from tenants.models import Resident

from .models import Application, Role


@dataclass
class Missing:
    kind: str  # eligibility, course, vog or grade
    text: str
    course: object = None  # the school course that unlocks the role, to link to


@dataclass
class RoleStatus:
    role: Role
    missing: list = field(default_factory=list)
    holding: bool = False

    @property
    def can_take(self):
        return not self.missing and not self.holding


@dataclass
class ResidentHistory:
    """What the ladder needs to know about one resident, loaded once."""

    resident: Resident
    completed_course_ids: set
    applications: list  # with opening__role loaded

    @property
    def held(self):
        return [a for a in self.applications if a.status in ("active", "ended")]

    @property
    def active(self):
        return [a for a in self.applications if a.status == Application.Status.ACTIVE]


def months_between(start, end):
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - (1 if end.day < start.day else 0)


def longest_months_at_grade(history, grade, today):
    longest = 0
    for application in history.held:
        if application.opening.role.grade == grade and application.started_on:
            end = application.ended_on or today
            longest = max(longest, months_between(application.started_on, end))
    return longest


def role_status(role, history, *, today=None):
    """Check every prerequisite of `role`; a role's required_courses must be prefetched."""
    today = today or timezone.localdate()
    resident = history.resident
    status = RoleStatus(role=role)
    status.holding = any(a.opening.role_id == role.pk for a in history.active)

    if role.eligibility == Role.Eligibility.TENANTS and not resident.is_tenant:
        status.missing.append(Missing("eligibility", _("Only for tenants.")))
    elif role.eligibility == Role.Eligibility.HOME_SEEKERS and resident.is_tenant:
        status.missing.append(Missing("eligibility", _("Only for home seekers.")))
    elif role.eligibility == Role.Eligibility.COMPLEX:
        household = resident.household
        if household is None or household.dwelling.complex_id != role.eligible_complex_id:
            status.missing.append(
                Missing(
                    "eligibility",
                    _("Only for tenants of %(complex)s.") % {"complex": role.eligible_complex},
                )
            )

    for course in role.required_courses.all():
        if course.pk not in history.completed_course_ids:
            status.missing.append(
                Missing(
                    "course", _("Complete the course “%(course)s”.") % {"course": course}, course
                )
            )

    if role.vog_required and not resident.has_valid_vog(today):
        status.missing.append(
            Missing(
                "vog",
                _(
                    "A certificate of conduct (VOG). You can apply already: the corporation "
                    "requests the VOG for you, free of charge, before you start."
                ),
            )
        )

    if role.months_in_grade_below and role.grade > 1:
        held = longest_months_at_grade(history, role.grade - 1, today)
        if held < role.months_in_grade_below:
            status.missing.append(
                Missing(
                    "grade",
                    _("Hold a role of grade %(grade)s for %(months)s months (so far: %(held)s).")
                    % {
                        "grade": role.grade - 1,
                        "months": role.months_in_grade_below,
                        "held": held,
                    },
                )
            )
    return status


def application_blockers(status):
    """What stops an application: everything missing except the VOG, which comes later."""
    return [m for m in status.missing if m.kind != "vog"]


def next_grade(history, today=None):
    """The grade the resident can grow into: one above the highest they hold or held."""
    grades = [a.opening.role.grade for a in history.held]
    return min(4, (max(grades) + 1) if grades else 1)
