"""The read questions of the school's pages, each in a fixed number of queries."""

import datetime

from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import Attendance, Certificate, Course, CourseRun, CourseSession, Enrollment

RECENT_DAYS = 45  # how far back "my lessons" and the calendar feed look
TEACHER_SESSIONS_LIMIT = 200


def completed_course_ids(user):
    """Courses the user completed with a certificate that still stands (one query)."""
    return set(
        Certificate.objects.valid()
        .filter(enrollment__learner=user, enrollment__status=Enrollment.Status.COMPLETED)
        .values_list("enrollment__run__course_id", flat=True)
    )


def _subquery_count(queryset, group_by):
    return Coalesce(
        Subquery(
            queryset.order_by().values(group_by).annotate(n=Count("pk")).values("n")[:1],
            output_field=IntegerField(),
        ),
        Value(0),
    )


def catalogue_courses(
    *, track="", audience="", date_from=None, date_to=None, free_only=False, now=None
):
    """Published courses, each with `.open_runs`: runs still open for enrolment.

    Two queries for any page of it (courses, then their open runs); a Paginator adds the count.
    With a date or "free places" filter only courses with such a run are listed.
    """
    now = now or timezone.now()
    runs = CourseRun.objects.with_schedule().open_for_enrolment(now)
    if date_from:
        runs = runs.filter(starts_at__date__gte=date_from)
    if date_to:
        runs = runs.filter(starts_at__date__lte=date_to)
    if free_only:
        runs = runs.filter(taken__lt=F("places"))
    courses = Course.objects.published()
    if track:
        courses = courses.filter(track=track)
    if audience:
        courses = courses.for_audience(audience)
    if date_from or date_to or free_only:
        courses = courses.filter(Exists(runs.filter(course=OuterRef("pk"))))
    return courses.order_by("track", "title", "pk").prefetch_related(
        Prefetch("runs", queryset=runs.order_by("starts_at", "pk"), to_attr="open_runs")
    )


def course_with_runs(*, course_pk, user=None, coordinator=False, now=None):
    """A published course with its coming runs and their sessions, and the user's places.

    Returns (course, runs, enrollments by run pk, past runs for coordinators): five queries.
    """
    now = now or timezone.now()
    course = (
        Course.objects.published()
        .prefetch_related(Prefetch("teachers", queryset=_people()))
        .get(pk=course_pk)
    )
    runs = list(
        CourseRun.objects.with_schedule()
        .filter(course=course)
        .filter(Q(ends_at__gt=now) | Q(ends_at__isnull=True))
        .order_by(F("starts_at").asc(nulls_last=True), "pk")
        .prefetch_related(
            Prefetch(
                "sessions",
                queryset=CourseSession.objects.select_related("teacher").order_by("start"),
            )
        )
    )
    mine = {}
    if user is not None and user.is_authenticated:
        mine = {
            e.run_id: e
            for e in _with_waitlist_position(
                Enrollment.objects.active().filter(learner=user, run__course=course)
            )
        }
    past_runs = []
    if coordinator:
        past_runs = list(
            CourseRun.objects.with_schedule()
            .filter(course=course, ends_at__lte=now)
            .order_by("-ends_at")[:20]
        )
    return course, runs, mine, past_runs


def _people():
    from porous.models import User

    return User.objects.only("pk", "full_name").order_by("full_name")


def _with_waitlist_position(enrollments):
    """Annotate `position`: 1 for the first one waiting in the run (None when not waiting)."""
    ahead = Enrollment.objects.filter(
        run=OuterRef("run"), status=Enrollment.Status.WAITLISTED
    ).filter(
        Q(created_at__lt=OuterRef("created_at"))
        | Q(created_at=OuterRef("created_at"), pk__lt=OuterRef("pk"))
    )
    return enrollments.annotate(position=_subquery_count(ahead, "run") + 1)


def my_enrollments(*, user, now=None):
    """The learner's enrolments (not withdrawn), newest run first, with run facts attached.

    Two queries: the enrolments (with course and certificate), then their runs' schedules.
    Each enrolment gets `.schedule` (the run with starts_at, ends_at, session_count, taken,
    next_start, next_place), `.attended` and, when waiting, `.position`.
    """
    now = now or timezone.now()
    attended = Attendance.objects.filter(
        enrollment=OuterRef("pk"), present=True, session__cancelled=False
    )
    enrollments = list(
        _with_waitlist_position(Enrollment.objects.active().filter(learner=user))
        .annotate(attended=_subquery_count(attended, "enrollment"))
        .select_related("run__course", "certificate")
        .order_by("-created_at", "-pk")
    )
    coming = CourseSession.objects.filter(
        run=OuterRef("pk"), cancelled=False, start__gt=now
    ).order_by("start")
    schedules = {
        run.pk: run
        for run in CourseRun.objects.with_schedule()
        .annotate(
            next_start=Subquery(coming.values("start")[:1]),
            next_place=Subquery(coming.values("place")[:1]),
        )
        .filter(pk__in={e.run_id for e in enrollments})
    }
    for enrollment in enrollments:
        enrollment.schedule = schedules[enrollment.run_id]
        enrollment.required = enrollment.schedule.required_count(enrollment.schedule.session_count)
        enrollment.can_withdraw = enrollment.status != Enrollment.Status.COMPLETED and (
            enrollment.schedule.ends_at is None or enrollment.schedule.ends_at > now
        )
    return enrollments


def teacher_sessions(*, user, everyone=False, now=None):
    """Sessions from RECENT_DAYS ago on that the user teaches (a coordinator: all). One query."""
    now = now or timezone.now()
    enrolled = Enrollment.objects.filter(run=OuterRef("run"), status__in=Enrollment.HOLDS_PLACE)
    sessions = CourseSession.objects.filter(start__gte=now - datetime.timedelta(days=RECENT_DAYS))
    if not everyone:
        sessions = sessions.filter(teacher=user)
    return list(
        sessions.select_related("run__course", "teacher")
        .annotate(
            learners=_subquery_count(enrolled, "run"),
            registered=Exists(Attendance.objects.filter(session=OuterRef("pk"))),
        )
        .order_by("start", "pk")[:TEACHER_SESSIONS_LIMIT]
    )


def session_roll(*, session):
    """The learners holding a place in the session's run, each with `.present` for this
    session (True, False, or None when nothing was registered yet). One query."""
    mark = Attendance.objects.filter(enrollment=OuterRef("pk"), session=session)
    return list(
        Enrollment.objects.filter(run_id=session.run_id)
        .holding_place()
        .select_related("learner")
        .annotate(present=Subquery(mark.values("present")[:1]))
        .order_by("learner__full_name", "pk")
    )


def run_roster(*, run):
    """A run for its teachers: schedule, sessions, and everyone in it with attendance.

    Three queries. Enrolments carry `.attended` and `.position` (on the waiting list).
    """
    run = CourseRun.objects.with_schedule().select_related("course").get(pk=run.pk)
    sessions = list(run.sessions.select_related("teacher").order_by("start"))
    attended = Attendance.objects.filter(
        enrollment=OuterRef("pk"), present=True, session__cancelled=False
    )
    enrollments = list(
        _with_waitlist_position(Enrollment.objects.active().filter(run=run))
        .annotate(attended=_subquery_count(attended, "enrollment"))
        .select_related("learner", "certificate")
        .order_by("created_at", "pk")
    )
    required = run.required_count(run.session_count)
    for enrollment in enrollments:
        enrollment.can_complete = (
            enrollment.status == Enrollment.Status.ENROLLED
            and required > 0
            and enrollment.attended >= required
        )
    return run, sessions, enrollments, required


def calendar_sessions(*, user, now=None):
    """Sessions for the user's calendar: those they teach and those of runs they hold a place
    in, from RECENT_DAYS ago on, not cancelled. One query."""
    now = now or timezone.now()
    learning = Enrollment.objects.filter(learner=user).holding_place().values("run")
    return list(
        CourseSession.objects.filter(
            Q(teacher=user) | Q(run__in=Subquery(learning)),
            cancelled=False,
            run__cancelled=False,
            start__gte=now - datetime.timedelta(days=RECENT_DAYS),
        )
        .select_related("run__course", "teacher")
        .order_by("start", "pk")
    )


def teaches_anything(user):
    return CourseSession.objects.filter(teacher=user).exists()


def waitlist_position(enrollment):
    """Where this enrolment stands on its run's waiting list: 1 is next (one query)."""
    return (
        _with_waitlist_position(Enrollment.objects.filter(pk=enrollment.pk))
        .values_list("position", flat=True)
        .get()
    )
