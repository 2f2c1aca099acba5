"""Everything at the school that changes rows: enrolment, the waiting list, attendance,
completion, certificates and calendar links. Keyword-only, atomic, with clear errors."""

import datetime
from collections.abc import Iterable
from functools import partial

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from porous.models import User
from porous.notify import notify_user

from .access import school_viewer
from .models import (
    Attendance,
    CalendarToken,
    Certificate,
    Course,
    CourseRun,
    CourseSession,
    Enrollment,
)
from .reminders import learner_reminders_schedule, portal_url, session_reminders_schedule


def _lock_run(run: CourseRun) -> CourseRun:
    """Lock the run's row: enrolments and withdrawals for one run happen one at a time, so
    the places taken never exceed the places there are."""
    return CourseRun.objects.select_for_update(of=("self",)).select_related("course").get(pk=run.pk)


def _check_open_for(learner: User, run: CourseRun, now: datetime.datetime) -> None:
    course = run.course
    viewer = school_viewer(learner)
    if not course.is_published:
        raise ValidationError(_("This course is not open for enrolment."), code="unpublished")
    if not course.is_open_to(is_resident=viewer.is_resident, is_staff=viewer.is_staff):
        messages = {
            Course.Audience.RESIDENTS: _("This course is for residents only."),
            Course.Audience.STAFF: _("This course is for staff of the corporation only."),
        }
        raise ValidationError(
            messages.get(course.audience, _("Only residents and staff can take courses.")),
            code="audience",
        )
    if run.cancelled:
        raise ValidationError(
            _("This course run is cancelled. Choose another date."), code="cancelled"
        )
    sessions = list(run.sessions.filter(cancelled=False).order_by("start"))
    if not sessions:
        raise ValidationError(
            _("This course run has no dates yet. You can enrol when the dates are known."),
            code="no_sessions",
        )
    if max(s.end for s in sessions) <= now:
        raise ValidationError(_("This course run is already over."), code="past")
    if sessions[0].start <= now:
        raise ValidationError(
            _("This course run has already started. You can no longer enrol."), code="started"
        )


@transaction.atomic
def enrollment_create(
    *, learner: User, run: CourseRun, now: datetime.datetime | None = None
) -> Enrollment:
    """Enrol in a run; when it is full, join the end of its waiting list."""
    now = now or timezone.now()
    run = _lock_run(run)
    _check_open_for(learner, run, now)
    existing = Enrollment.objects.active().filter(learner=learner, run=run).first()
    if existing is not None:
        if existing.status == Enrollment.Status.WAITLISTED:
            message = _("You are already on the waiting list for this course run.")
        else:
            message = _("You are already enrolled in this course run.")
        raise ValidationError(message, code="duplicate")
    taken = Enrollment.objects.filter(run=run).holding_place().count()
    status = Enrollment.Status.ENROLLED if taken < run.places else Enrollment.Status.WAITLISTED
    try:
        with transaction.atomic():
            enrollment = Enrollment.objects.create(learner=learner, run=run, status=status)
    except IntegrityError as exc:  # a double click that slipped past the check
        raise ValidationError(
            _("You are already enrolled in this course run."), code="duplicate"
        ) from exc
    if status == Enrollment.Status.ENROLLED:
        learner_reminders_schedule(enrollment=enrollment, now=now)
    return enrollment


def _place_email(enrollment: Enrollment) -> tuple[str, str]:
    """(subject, body) of "you have a place", in the learner's language (porous.notify)."""
    learner = enrollment.learner
    first = enrollment.run.sessions.filter(cancelled=False).order_by("start").first()
    facts = {
        "name": learner.get_short_name(),
        "course": enrollment.run.course.display_title,
        "first": formats.date_format(timezone.localtime(first.start), "l j F Y, H:i")
        if first
        else _("to be announced"),
        "place": first.place if first else "",
        "url": portal_url(reverse("school:my-courses")),
    }
    subject = _("You have a place in the course %(course)s") % facts
    body = (
        _(
            "Hello %(name)s,\n\n"
            "Good news: a place became free in the course %(course)s. "
            "You were first on the waiting list, so the place is yours. "
            "You are now enrolled.\n\n"
            "First session: %(first)s\nWhere: %(place)s\n\n"
            "Can you not come after all? Withdraw on your courses page, so the next person "
            "gets the place:\n%(url)s\n"
        )
        % facts
    )
    return subject, body


def _promote_waiting(run: CourseRun, now: datetime.datetime) -> list[Enrollment]:
    """Give free places to the waiting list in order; call with the run locked."""
    if run.cancelled:
        return []
    taken = Enrollment.objects.filter(run=run).holding_place().count()
    free = run.places - taken
    if free <= 0:
        return []
    promoted = list(
        Enrollment.objects.filter(run=run).waitlisted().select_related("learner")[:free]
    )
    for enrollment in promoted:
        enrollment.status = Enrollment.Status.ENROLLED
        enrollment.save(update_fields=["status", "updated_at"])
        learner_reminders_schedule(enrollment=enrollment, now=now)
        # Written with the promotion, sent after the commit: none for a rolled-back one.
        notify_user(enrollment.learner, partial(_place_email, enrollment))
    return promoted


@transaction.atomic
def waitlist_promote(*, run: CourseRun, now: datetime.datetime | None = None) -> list[Enrollment]:
    """Fill free places from the waiting list (after a withdrawal or more places)."""
    return _promote_waiting(_lock_run(run), now or timezone.now())


@transaction.atomic
def enrollment_withdraw(
    *, enrollment: Enrollment, now: datetime.datetime | None = None
) -> Enrollment:
    """Leave a run or its waiting list; a freed place goes to the first one waiting."""
    now = now or timezone.now()
    run = _lock_run(enrollment.run)
    enrollment = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    if enrollment.status == Enrollment.Status.WITHDRAWN:
        raise ValidationError(
            _("You have already withdrawn from this course run."), code="withdrawn"
        )
    if enrollment.status == Enrollment.Status.COMPLETED:
        raise ValidationError(
            _("You have completed this course. You cannot withdraw any more."), code="completed"
        )
    last_end = run.sessions.filter(cancelled=False).aggregate(last=Max("end"))["last"]
    if last_end is not None and last_end <= now:
        raise ValidationError(
            _("This course run is over. You cannot withdraw any more."), code="past"
        )
    held_place = enrollment.holds_place
    enrollment.status = Enrollment.Status.WITHDRAWN
    enrollment.withdrawn_at = now
    enrollment.save(update_fields=["status", "withdrawn_at", "updated_at"])
    if held_place:
        _promote_waiting(run, now)
    return enrollment


@transaction.atomic
def attendance_register(
    *,
    session: CourseSession,
    present: Iterable[Enrollment],
    by: User,
    now: datetime.datetime | None = None,
) -> int:
    """Record who was at a session: the given learners present, the others absent.

    Returns the number present. Everyone given must hold a place in the session's run.
    """
    now = now or timezone.now()
    session = CourseSession.objects.select_related("run").get(pk=session.pk)
    if session.cancelled or session.run.cancelled:
        raise ValidationError(
            _("This session is cancelled. You cannot register attendance for it."),
            code="cancelled",
        )
    if not session.has_started(now):
        raise ValidationError(
            _("This session has not started yet. You can register attendance from its start."),
            code="not_started",
        )
    holding = set(
        Enrollment.objects.filter(run_id=session.run_id)
        .holding_place()
        .values_list("pk", flat=True)
    )
    present = list(present)
    for enrollment in present:
        if enrollment.pk not in holding:
            raise ValidationError(
                _("%(name)s is not enrolled in this course run.")
                % {"name": enrollment.learner.full_name},
                code="not_enrolled",
            )
    present_ids = {enrollment.pk for enrollment in present}
    rows = [
        Attendance(enrollment_id=pk, session=session, present=pk in present_ids, registered_by=by)
        for pk in sorted(holding)
    ]
    Attendance.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["enrollment", "session"],
        update_fields=["present", "registered_by", "registered_at"],
    )
    return len(present_ids)


def attended_and_required(enrollment: Enrollment) -> tuple[int, int]:
    """Sessions attended and sessions needed to complete (cancelled sessions do not count)."""
    sessions = CourseSession.objects.filter(run_id=enrollment.run_id, cancelled=False).count()
    attended = enrollment.attendances.filter(present=True, session__cancelled=False).count()
    return attended, enrollment.run.required_count(sessions)


@transaction.atomic
def enrollment_complete(
    *, enrollment: Enrollment, by: User | None, now: datetime.datetime | None = None
) -> Certificate:
    """Mark a learner who attended enough sessions as completed, and issue the certificate."""
    now = now or timezone.now()
    enrollment = (
        Enrollment.objects.select_for_update(of=("self",))
        .select_related("learner", "run__course")
        .get(pk=enrollment.pk)
    )
    name = enrollment.learner.full_name
    refusals = {
        Enrollment.Status.WAITLISTED: _("%(name)s is on the waiting list, not enrolled."),
        Enrollment.Status.WITHDRAWN: _("%(name)s has withdrawn from this course run."),
        Enrollment.Status.COMPLETED: _("%(name)s has already completed this course."),
    }
    if enrollment.status in refusals:
        raise ValidationError(refusals[enrollment.status] % {"name": name}, code="status")
    attended, required = attended_and_required(enrollment)
    if required == 0 or attended < required:
        raise ValidationError(
            _(
                "%(name)s attended %(attended)s of the %(required)s sessions needed. "
                "Register attendance first."
            )
            % {"name": name, "attended": attended, "required": required},
            code="not_enough_attendance",
        )
    enrollment.status = Enrollment.Status.COMPLETED
    enrollment.completed_at = now
    enrollment.completed_by = by
    enrollment.save(update_fields=["status", "completed_at", "completed_by", "updated_at"])
    return certificate_issue(enrollment=enrollment, by=by, now=now)


@transaction.atomic
def certificate_issue(
    *, enrollment: Enrollment, by: User | None = None, now: datetime.datetime | None = None
) -> Certificate:
    """The certificate for a completed enrolment, with name, course and hours as they are now."""
    now = now or timezone.now()
    if enrollment.status != Enrollment.Status.COMPLETED:
        raise ValidationError(
            _("A certificate is only for a completed course. This enrolment is not completed."),
            code="not_completed",
        )
    if Certificate.objects.filter(enrollment=enrollment).exists():
        raise ValidationError(_("This enrolment already has a certificate."), code="duplicate")
    learner = enrollment.learner
    if not learner.full_name.strip():
        raise ValidationError(
            _("The learner's account has no name to print on the certificate."), code="no_name"
        )
    course = enrollment.run.course
    return Certificate.objects.create(
        enrollment=enrollment,
        learner_name=learner.full_name.strip(),
        course_title=course.title,
        hours=course.hours,
        completed_on=timezone.localdate(enrollment.completed_at or now),
        issued_at=now,
        issued_by=by,
    )


@transaction.atomic
def certificate_revoke(
    *,
    certificate: Certificate,
    reason: str,
    by: User | None = None,
    now: datetime.datetime | None = None,
) -> Certificate:
    """Withdraw a certificate; its verification page then says it is revoked."""
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give a reason for revoking the certificate."), code="no_reason")
    if certificate.is_revoked:
        raise ValidationError(_("This certificate was already revoked."), code="revoked")
    certificate.revoked_at = now or timezone.now()
    certificate.revoked_reason = reason
    certificate.revoked_by = by
    certificate.save(update_fields=["revoked_at", "revoked_reason", "revoked_by"])
    return certificate


@transaction.atomic
def session_create(
    *,
    run: CourseRun,
    start: datetime.datetime,
    end: datetime.datetime,
    place: str,
    teacher: User | None = None,
) -> CourseSession:
    """Add a session to a run, with reminders for its teacher and the learners."""
    if end <= start:
        raise ValidationError(_("A session must end after it starts."), code="end_before_start")
    session = CourseSession.objects.create(
        run=run, start=start, end=end, place=place.strip(), teacher=teacher
    )
    session_reminders_schedule(session=session)
    return session


@transaction.atomic
def calendar_token_reset(*, user: User) -> CalendarToken:
    """A new secret calendar link; the old link stops working at once."""
    CalendarToken.objects.filter(user=user).delete()
    return CalendarToken.objects.create(user=user)
