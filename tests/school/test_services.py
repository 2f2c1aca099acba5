import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from porous.models import Reminder
from school import services
from school.models import Attendance, CalendarToken, Certificate, Course, Enrollment
from school.selectors import completed_course_ids, waitlist_position
from tests.factories import HomeSeekerFactory, ResidentFactory, StaffFactory, UserFactory
from tests.factories_school import (
    AttendanceFactory,
    CertificateFactory,
    CourseSessionFactory,
    EnrollmentFactory,
    days_from_now,
    run_with_sessions,
)

pytestmark = pytest.mark.django_db


def enrol(user, run):
    return services.enrollment_create(learner=user, run=run)


def fill(run, count=None):
    return [enrol(ResidentFactory().user, run) for _ in range(count or run.places)]


# Enrolling


def test_enrolling_takes_a_place_and_schedules_a_reminder_per_session(tenant, run):
    enrollment = enrol(tenant.user, run)
    assert enrollment.status == Enrollment.Status.ENROLLED
    keys = set(Reminder.objects.filter(recipient=tenant.user).values_list("key", flat=True))
    assert keys == {f"session:{s.pk}" for s in run.sessions.all()}


def test_a_full_run_puts_people_on_the_waiting_list_in_order(run):
    fill(run)
    first, second = fill(run, 2)
    assert first.status == second.status == Enrollment.Status.WAITLISTED
    assert waitlist_position(first) == 1
    assert waitlist_position(second) == 2
    # Nobody waiting gets reminders for sessions they may never attend.
    assert not Reminder.objects.filter(recipient=first.learner).exists()


def test_enrolling_twice_is_refused_and_changes_nothing(tenant, run):
    enrol(tenant.user, run)
    with pytest.raises(ValidationError, match="already enrolled"):
        enrol(tenant.user, run)
    assert Enrollment.objects.filter(learner=tenant.user).count() == 1


def test_joining_the_waiting_list_twice_is_refused(tenant, run):
    fill(run)
    enrol(tenant.user, run)
    with pytest.raises(ValidationError, match="already on the waiting list"):
        enrol(tenant.user, run)


@pytest.mark.parametrize(
    ("days", "message"),
    [((-14, -7), "already over"), ((-7, 7), "already started"), ((), "no dates yet")],
)
def test_enrolling_in_a_run_that_is_over_started_or_undated_is_refused(
    tenant, teacher, days, message
):
    run = run_with_sessions(days=days, teacher=teacher)
    with pytest.raises(ValidationError, match=message):
        enrol(tenant.user, run)
    assert not Enrollment.objects.exists()


def test_enrolling_in_a_cancelled_run_is_refused(tenant, run):
    run.cancelled = True
    run.save()
    with pytest.raises(ValidationError, match="cancelled"):
        enrol(tenant.user, run)
    assert not Enrollment.objects.exists()


def test_cancelled_sessions_do_not_count_for_the_start(tenant, teacher):
    run = run_with_sessions(days=(-1, 7), teacher=teacher)
    run.sessions.filter(start__lt=days_from_now(0)).update(cancelled=True)
    assert enrol(tenant.user, run).status == Enrollment.Status.ENROLLED


def test_an_unpublished_course_takes_no_enrolments(tenant, run):
    Course.objects.filter(pk=run.course_id).update(is_published=False)
    run.refresh_from_db()
    with pytest.raises(ValidationError, match="not open for enrolment"):
        enrol(tenant.user, run)


@pytest.mark.parametrize(
    ("audience", "who", "allowed"),
    [
        ("residents", "tenant", True),
        ("residents", "home_seeker", True),
        ("residents", "employee", False),
        ("staff", "tenant", False),
        ("staff", "employee", True),
        ("both", "home_seeker", True),
        ("both", "employee", True),
        ("both", "nobody", False),
    ],
)
def test_the_audience_decides_who_may_enrol(run, audience, who, allowed):
    Course.objects.filter(pk=run.course_id).update(audience=audience)
    run.refresh_from_db()
    user = {
        "tenant": lambda: ResidentFactory().user,
        "home_seeker": lambda: HomeSeekerFactory().user,
        "employee": lambda: StaffFactory(),
        "nobody": lambda: UserFactory(),
    }[who]()
    if allowed:
        assert enrol(user, run).status == Enrollment.Status.ENROLLED
    else:
        with pytest.raises(ValidationError, match="only|Only"):
            enrol(user, run)


# Withdrawing and the waiting list


def test_withdrawing_gives_the_place_to_the_first_waiting_and_emails_them(
    run, django_capture_on_commit_callbacks
):
    places = fill(run)
    first, second = fill(run, 2)
    first.learner.language = "en"
    first.learner.save()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.enrollment_withdraw(enrollment=places[0])
    assert not mail.outbox, "the email waits for the commit"
    for callback in callbacks:
        callback()
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Enrollment.Status.ENROLLED
    assert second.status == Enrollment.Status.WAITLISTED
    assert waitlist_position(second) == 1
    assert [m.to for m in mail.outbox] == [[first.learner.email]]
    assert "You have a place" in mail.outbox[0].subject
    reminders = Reminder.objects.filter(recipient=first.learner)
    assert reminders.exclude(kind="porous.mail").count() == 2  # the sessions
    assert reminders.get(kind="porous.mail").sent_at is not None  # the mail, written and sent


def test_leaving_the_waiting_list_promotes_nobody(run, django_capture_on_commit_callbacks):
    fill(run)
    first, second = fill(run, 2)
    with django_capture_on_commit_callbacks(execute=True):
        services.enrollment_withdraw(enrollment=first)
    second.refresh_from_db()
    assert second.status == Enrollment.Status.WAITLISTED
    assert waitlist_position(second) == 1
    assert not mail.outbox


def test_withdrawing_twice_or_after_completion_or_after_the_end_is_refused(tenant, teacher):
    run = run_with_sessions(days=(7,), teacher=teacher)
    enrollment = enrol(tenant.user, run)
    services.enrollment_withdraw(enrollment=enrollment)
    with pytest.raises(ValidationError, match="already withdrawn"):
        services.enrollment_withdraw(enrollment=enrollment)

    completed = EnrollmentFactory(run=run, status=Enrollment.Status.COMPLETED)
    with pytest.raises(ValidationError, match="completed this course"):
        services.enrollment_withdraw(enrollment=completed)

    past = EnrollmentFactory(run=run_with_sessions(days=(-3,), teacher=teacher))
    with pytest.raises(ValidationError, match="is over"):
        services.enrollment_withdraw(enrollment=past)
    past.refresh_from_db()
    assert past.status == Enrollment.Status.ENROLLED


def test_enrolling_again_after_withdrawing_starts_at_the_end_of_the_list(tenant, run):
    mine = enrol(tenant.user, run)
    services.enrollment_withdraw(enrollment=mine)
    fill(run)
    ahead = fill(run, 1)[0]
    again = enrol(tenant.user, run)
    assert again.pk != mine.pk
    assert waitlist_position(again) == 2
    assert waitlist_position(ahead) == 1


def test_more_places_move_the_waiting_list_up(run, django_capture_on_commit_callbacks):
    fill(run)
    waiting = fill(run, 2)
    run.places = 4
    run.save()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.waitlist_promote(run=run)
    assert [e.pk for e in promoted] == [waiting[0].pk]
    assert len(mail.outbox) == 1


# Attendance


@pytest.fixture
def started(teacher):
    """A run whose first session began at midnight today; the second is next week."""
    run = run_with_sessions(days=(7,), places=5, teacher=teacher)
    CourseSessionFactory(run=run, start=days_from_now(0, hour=0), teacher=teacher)
    return run


def first_session(run):
    return run.sessions.order_by("start").first()


def test_attendance_marks_the_ticked_present_and_the_others_absent(started, teacher):
    here, away = EnrollmentFactory.create_batch(2, run=started)
    session = first_session(started)
    assert services.attendance_register(session=session, present=[here], by=teacher) == 1
    marks = dict(Attendance.objects.values_list("enrollment_id", "present"))
    assert marks == {here.pk: True, away.pk: False}

    # Registering again corrects the marks, without a second row.
    services.attendance_register(session=session, present=[here, away], by=teacher)
    assert Attendance.objects.filter(present=True).count() == 2
    assert Attendance.objects.count() == 2


@pytest.mark.parametrize("status", ["waitlisted", "withdrawn", "other run"])
def test_attendance_for_someone_not_enrolled_is_refused_and_nothing_saved(started, teacher, status):
    enrolled = EnrollmentFactory(run=started)
    if status == "other run":
        stranger = EnrollmentFactory()
    else:
        stranger = EnrollmentFactory(run=started, status=status)
    with pytest.raises(ValidationError, match="is not enrolled in this course run"):
        services.attendance_register(
            session=first_session(started), present=[enrolled, stranger], by=teacher
        )
    assert not Attendance.objects.exists()


def test_attendance_for_a_cancelled_or_future_session_is_refused(started, teacher):
    enrollment = EnrollmentFactory(run=started)
    future = started.sessions.order_by("start").last()
    with pytest.raises(ValidationError, match="not started yet"):
        services.attendance_register(session=future, present=[enrollment], by=teacher)
    session = first_session(started)
    session.cancelled = True
    session.save()
    with pytest.raises(ValidationError, match="cancelled"):
        services.attendance_register(session=session, present=[enrollment], by=teacher)
    assert not Attendance.objects.exists()


# Completion and certificates


@pytest.fixture
def finished(teacher):
    """A run with two sessions in the past."""
    return run_with_sessions(days=(-14, -7), places=5, teacher=teacher)


def attend(enrollment, sessions):
    for session in sessions:
        AttendanceFactory(enrollment=enrollment, session=session)


def test_completing_issues_a_certificate_with_what_it_says(finished, teacher, tenant):
    enrollment = EnrollmentFactory(run=finished, learner=tenant.user)
    attend(enrollment, finished.sessions.all())
    certificate = services.enrollment_complete(enrollment=enrollment, by=teacher)
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert enrollment.completed_by == teacher
    assert certificate.learner_name == "Fatima el Amrani"
    assert certificate.course_title == finished.course.title
    assert certificate.hours == finished.course.hours
    assert len(certificate.code) >= 22
    assert certificate.verification_url.endswith(f"/certificaat/{certificate.code}/")
    assert completed_course_ids(tenant.user) == {finished.course_id}


def test_completing_without_enough_attendance_is_refused_and_changes_nothing(finished, teacher):
    enrollment = EnrollmentFactory(run=finished)
    attend(enrollment, finished.sessions.all()[:1])
    AttendanceFactory(enrollment=enrollment, session=finished.sessions.all()[1], present=False)
    with pytest.raises(ValidationError, match="attended 1 of the 2 sessions"):
        services.enrollment_complete(enrollment=enrollment, by=teacher)
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.ENROLLED
    assert not Certificate.objects.exists()


def test_required_sessions_can_be_fewer_than_all(finished, teacher):
    finished.required_sessions = 1
    finished.save()
    enrollment = EnrollmentFactory(run=finished)
    attend(enrollment, finished.sessions.all()[:1])
    assert services.enrollment_complete(enrollment=enrollment, by=teacher).pk


@pytest.mark.parametrize(
    ("status", "message"),
    [
        ("waitlisted", "on the waiting list"),
        ("withdrawn", "has withdrawn"),
        ("completed", "already completed"),
    ],
)
def test_completing_someone_not_enrolled_is_refused(finished, teacher, status, message):
    enrollment = EnrollmentFactory(run=finished, status=status)
    with pytest.raises(ValidationError, match=message):
        services.enrollment_complete(enrollment=enrollment, by=teacher)
    assert not Certificate.objects.exists()


def test_a_certificate_for_an_incomplete_enrolment_is_refused(finished):
    enrollment = EnrollmentFactory(run=finished)
    with pytest.raises(ValidationError, match="only for a completed course"):
        services.certificate_issue(enrollment=enrollment)
    assert not Certificate.objects.exists()


def test_a_second_certificate_is_refused():
    certificate = CertificateFactory()
    with pytest.raises(ValidationError, match="already has a certificate"):
        services.certificate_issue(enrollment=certificate.enrollment)


def test_revoking_needs_a_reason_and_happens_once(coordinator):
    certificate = CertificateFactory()
    with pytest.raises(ValidationError, match="Give a reason"):
        services.certificate_revoke(certificate=certificate, reason="  ", by=coordinator)
    services.certificate_revoke(certificate=certificate, reason="Fraude", by=coordinator)
    certificate.refresh_from_db()
    assert certificate.is_revoked and certificate.revoked_by == coordinator
    with pytest.raises(ValidationError, match="already revoked"):
        services.certificate_revoke(certificate=certificate, reason="Nog eens")
    assert completed_course_ids(certificate.enrollment.learner) == set()


# Sessions and calendar links


def test_a_new_session_schedules_reminders_for_teacher_and_learners(run, teacher, tenant):
    enrol(tenant.user, run)
    session = services.session_create(
        run=run,
        start=days_from_now(21),
        end=days_from_now(21, hour=21),
        place="Wijkcentrum",
        teacher=teacher,
    )
    key = f"session:{session.pk}"
    recipients = set(Reminder.objects.filter(key=key).values_list("recipient_id", flat=True))
    assert recipients == {teacher.pk, tenant.user.pk}


def test_a_session_must_end_after_it_starts(run):
    with pytest.raises(ValidationError, match="end after it starts"):
        services.session_create(
            run=run, start=days_from_now(3), end=days_from_now(3, hour=18), place="Hier"
        )


def test_a_new_calendar_link_replaces_the_old_one(tenant):
    first = services.calendar_token_reset(user=tenant.user)
    second = services.calendar_token_reset(user=tenant.user)
    assert first.token != second.token
    assert len(second.token) >= 40
    assert list(CalendarToken.objects.values_list("token", flat=True)) == [second.token]
