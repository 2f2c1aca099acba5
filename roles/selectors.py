from dataclasses import dataclass, field

from django.db.models import Case, Exists, IntegerField, OuterRef, Prefetch, Q, Value, When
from django.utils import timezone

from school.selectors import completed_course_ids

from .ladder import ResidentHistory, role_status
from .models import GRADE_LEVEL, GRADE_TRAINING, Application, Category, Grade, Opening, Role


@dataclass
class MatrixCell:
    category: str
    category_label: str
    grade: int
    roles: list = field(default_factory=list)
    html: str = ""  # its roles as the page shows them (the cell_roles tag)


@dataclass
class MatrixRow:
    grade: int
    grade_label: str
    level: str
    training: str
    cells: list


def _roles_for_matrix(with_prerequisites):
    roles = Role.objects.active().select_related("eligible_complex")
    if with_prerequisites:
        roles = roles.prefetch_related(_required_courses())
    return roles


def _required_courses():
    from school.models import Course

    return Prefetch("required_courses", queryset=Course.objects.only("pk", "title"))


def role_matrix(statuses=None):
    """The matrix as rows of grades with one cell per category.

    Without a resident: one query. With `statuses` (role pk → RoleStatus) each role in a
    cell carries its status for the logged-in resident.
    """
    rows = [
        MatrixRow(
            grade=grade.value,
            grade_label=grade.label,
            level=GRADE_LEVEL[grade.value],
            training=GRADE_TRAINING[grade.value],
            cells=[MatrixCell(c.value, c.label, grade.value) for c in Category],
        )
        for grade in Grade
    ]
    column = {c.value: i for i, c in enumerate(Category)}
    roles = statuses.values() if statuses is not None else None
    if roles is None:
        roles = Role.objects.active().only(
            "name", "name_en", "slug", "category", "grade", "position", "vog_required"
        )
    for item in roles:
        role = getattr(item, "role", item)
        role.status = item if item is not role else None
        rows[role.grade - 1].cells[column[role.category]].roles.append(role)
    return rows


def roles_by_category(rows):
    """The matrix rows turned into a list per category: the phone layout of the matrix."""
    return [
        {
            "category": category.value,
            "label": category.label,
            "cells": [row.cells[i] for row in rows],
        }
        for i, category in enumerate(Category)
    ]


def completed_courses(course_ids):
    """Courses finished with a certificate that still stands (their ids from the resident's
    history, read once): the ones that unlock roles."""
    from school.models import Course

    return list(Course.objects.filter(pk__in=course_ids).order_by("title"))


def resident_history(resident):
    """The resident's applications and completed courses: two queries."""
    applications = list(
        Application.objects.filter(resident=resident).select_related("opening__role")
    )
    return ResidentHistory(
        resident=resident,
        completed_course_ids=completed_course_ids(resident.user),
        applications=applications,
    )


def role_statuses(resident, *, today=None):
    """Every active role's status for this resident, in matrix order. Fixed queries."""
    history = resident_history(resident)
    today = today or timezone.localdate()
    return {
        role.pk: role_status(role, history, today=today)
        for role in _roles_for_matrix(with_prerequisites=True)
    }, history


def openings_for_role(role, resident=None):
    """Open openings with counts, nearest to the resident's own complex and neighbourhood
    (a queryset: the role page shows it a page at a time)."""
    openings = (
        Opening.objects.open()
        .filter(role=role)
        .with_counts()
        .select_related("complex__neighbourhood", "neighbourhood", "coordinator")
    )
    household = getattr(resident, "household", None)
    if household is not None:
        complex_ = household.dwelling.complex
        openings = openings.annotate(
            nearness=Case(
                When(complex_id=complex_.pk, then=Value(0)),
                When(neighbourhood_id=complex_.neighbourhood_id, then=Value(1)),
                When(complex__neighbourhood_id=complex_.neighbourhood_id, then=Value(1)),
                When(Q(complex__isnull=True, neighbourhood__isnull=True), then=Value(2)),
                default=Value(3),
                output_field=IntegerField(),
            )
        ).order_by("nearness", "pk")
    else:
        openings = openings.order_by("pk")
    return openings


def waiting_applications_for(user, *, is_manager=False):
    """Applications waiting for this coordinator's decision, oldest first (one query)."""
    applications = (
        Application.objects.filter(status=Application.Status.PENDING)
        # Only what the list shows: each further join made planning (14 ms) cost more than
        # running the query (0.5 ms).
        .select_related(
            "resident__user", "opening__role", "opening__complex", "opening__neighbourhood"
        )
        .order_by("created_at")
    )
    if not is_manager:
        applications = applications.filter(opening__coordinator=user)
    return applications


def waitlist_positions(applications):
    """Position on the waiting list for each waitlisted application given: one query."""
    waiting = [a for a in applications if a.status == Application.Status.WAITLISTED]
    if not waiting:
        return {}
    queue = {}
    for pk, opening_id in (
        Application.objects.filter(
            opening_id__in={a.opening_id for a in waiting},
            status=Application.Status.WAITLISTED,
        )
        .order_by("waitlisted_at", "pk")
        .values_list("pk", "opening_id")
    ):
        queue.setdefault(opening_id, []).append(pk)
    return {a.pk: queue[a.opening_id].index(a.pk) + 1 for a in waiting}


def open_invitations(resident):
    from .models import Invitation

    return list(
        Invitation.objects.filter(resident=resident, status=Invitation.Status.SENT)
        .select_related("opening__role", "opening__complex", "opening__neighbourhood", "invited_by")
        .order_by("-created_at")
    )


def recent_contributions(resident, limit=20):
    from .models import Contribution

    return list(
        Contribution.objects.filter(application__resident=resident)
        .select_related("application__opening__role", "grant")
        .order_by("-date", "-created_at")[:limit]
    )


def ladder_page(resident):
    """Everything "Mijn ladder" shows, in a fixed number of queries."""
    statuses, history = role_statuses(resident)
    held = sorted(history.held, key=lambda a: (a.started_on, a.pk), reverse=True)
    grade = next_grade_for(history)
    next_roles = [s for s in statuses.values() if s.role.grade == grade and not s.holding]
    suggestions = talent_suggestions(resident, statuses)
    return {
        "resident": resident,
        "held": held,
        "courses": completed_courses(history.completed_course_ids),
        "next_grade": grade,
        "next_roles": next_roles,
        "can_take_now": [s for s in statuses.values() if s.can_take],
        "suggestions": suggestions,
    }


def next_grade_for(history):
    from .ladder import next_grade

    return next_grade(history)


def talent_suggestions(resident, statuses, limit=5):
    """Open openings of roles that fit the resident's talents and that they can take now."""
    # all(): the talents prefetched with the resident, no query of its own.
    talent_ids = [talent.pk for talent in resident.talents.all()]
    if not talent_ids:
        return []
    takeable = [pk for pk, status in statuses.items() if status.can_take]
    # EXISTS, not a join on the talents: a role that fits two talents would count its
    # holders twice, and the DISTINCT over every column took longer to plan than to run.
    fits = Role.talents.through.objects.filter(role=OuterRef("role"), talent__in=talent_ids)
    return list(
        Opening.objects.open()
        .filter(Exists(fits), role__in=takeable)
        .with_counts()
        .select_related("role", "complex", "neighbourhood")
        .order_by("role__grade", "pk")[:limit]
    )


def submitted_contributions_for(user, *, is_manager=False):
    from .models import Contribution

    contributions = (
        Contribution.objects.filter(status=Contribution.Status.SUBMITTED)
        .select_related("application__resident__user", "application__opening__role")
        .order_by("created_at")
    )
    if not is_manager:
        contributions = contributions.filter(application__opening__coordinator=user)
    return contributions


def openings_of(user, *, is_manager=False):
    """The coordinator's openings with their holders and waiting lists: two queries for any
    page of them."""
    holders = Prefetch(
        "applications",
        queryset=Application.objects.filter(
            status__in=[
                Application.Status.ACTIVE,
                Application.Status.OFFERED,
                Application.Status.WAITLISTED,
            ]
        )
        .select_related("resident__user")
        # Only what the list shows (a name, a status, a link): every holder of every opening
        # on the page is loaded; whole rows took 12 ms instead of 10 for 46 holders.
        .only(
            "opening_id",
            "status",
            "resident__user__full_name",
            "resident__user__email",
        )
        .order_by("status", "waitlisted_at", "started_on"),
        to_attr="current",
    )
    openings = (
        Opening.objects.filter(is_open=True)
        .select_related("role", "complex", "neighbourhood")
        .prefetch_related(holders)
        .order_by("role__name", "pk")
    )
    if not is_manager:
        openings = openings.filter(coordinator=user)
    return openings
