"""My lessons, attendance, a run's learners and completion: teachers and coordinators."""

import pytest
from django.urls import reverse

from school.models import Attendance, Certificate, Enrollment
from tests.factories import StaffFactory
from tests.factories_school import (
    AttendanceFactory,
    CourseSessionFactory,
    EnrollmentFactory,
    days_from_now,
    run_with_sessions,
)
from tests.school.helpers import MENU_QUERIES, count_queries

pytestmark = pytest.mark.django_db

LESSONS = reverse("school:teacher-sessions")


@pytest.fixture
def lesson(teacher):
    """A session that began earlier today, with two learners; another next week."""
    run = run_with_sessions(days=(7,), places=5, teacher=teacher)
    session = CourseSessionFactory(run=run, start=days_from_now(0, hour=0), teacher=teacher)
    EnrollmentFactory(run=run, learner__full_name="Ayla Demir")
    EnrollmentFactory(run=run, learner__full_name="Bram Peters")
    return session


def attendance_url(session):
    return reverse("school:session-attendance", args=[session.pk])


def run_url(run):
    return reverse("school:run-detail", args=[run.pk])


def complete_url(enrollment):
    return reverse("school:enrollment-complete", args=[enrollment.pk])


@pytest.mark.parametrize("name", ["teacher-sessions", "session-attendance", "run-detail"])
def test_anonymous_is_sent_to_login(client, lesson, name):
    args = [] if name == "teacher-sessions" else [lesson.pk if "session" in name else lesson.run_id]
    response = client.get(reverse(f"school:{name}", args=args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


# My lessons


def test_a_teacher_sees_their_own_sessions(client, teacher, lesson):
    other = CourseSessionFactory(run__course__title="Van een ander")
    client.force_login(teacher)
    html = client.get(LESSONS).content.decode()
    assert attendance_url(lesson) in html
    assert lesson.run.course.title in html
    assert other.run.course.title not in html


def test_a_resident_can_be_a_teacher(client, tenant):
    session = CourseSessionFactory(
        teacher=tenant.user, run__course__title="Mijn eigen wijk", start=days_from_now(0, hour=0)
    )
    client.force_login(tenant.user)
    assert attendance_url(session) in client.get(LESSONS).content.decode()
    assert client.get(attendance_url(session)).status_code == 200


def test_a_coordinator_can_see_everyones_sessions(client, coordinator, lesson):
    client.force_login(coordinator)
    assert attendance_url(lesson) not in client.get(LESSONS).content.decode()
    assert attendance_url(lesson) in client.get(LESSONS, {"scope": "all"}).content.decode()


def test_everyone_is_only_for_coordinators(client, employee, lesson):
    client.force_login(employee)
    assert attendance_url(lesson) not in client.get(LESSONS, {"scope": "all"}).content.decode()


def test_my_lessons_refuses_post(client, teacher):
    client.force_login(teacher)
    assert client.post(LESSONS).status_code == 405


def _teaching(teacher, count):
    for _ in range(count):
        run = run_with_sessions(days=(-3, 4), teacher=teacher)
        EnrollmentFactory.create_batch(2, run=run)


def test_my_lessons_queries_do_not_grow(client, teacher, django_assert_max_num_queries):
    client.force_login(teacher)
    _teaching(teacher, 2)
    small = count_queries(client, LESSONS)
    _teaching(teacher, 12)
    # session, user, groups and resident (who the viewer is), the sessions with course and
    # counts, the calendar link, the session saved (3): 9 whatever the number of sessions.
    with django_assert_max_num_queries(9 + MENU_QUERIES):
        assert client.get(LESSONS).status_code == 200
    assert count_queries(client, LESSONS) == small


# Attendance


def test_the_teacher_registers_attendance(english, teacher, lesson):
    english.force_login(teacher)
    page = english.get(attendance_url(lesson))
    assert page.status_code == 200
    ayla = Enrollment.objects.get(learner__full_name="Ayla Demir")
    response = english.post(attendance_url(lesson), {"present": [ayla.pk]}, follow=True)
    assert "Attendance saved: 1 of 2 were there." in response.content.decode()
    assert dict(Attendance.objects.values_list("enrollment__learner__full_name", "present")) == {
        "Ayla Demir": True,
        "Bram Peters": False,
    }
    # The saved marks come back ticked.
    assert "checked" in english.get(attendance_url(lesson)).content.decode()


def test_nobody_ticked_marks_everyone_absent(client, teacher, lesson):
    client.force_login(teacher)
    assert client.post(attendance_url(lesson), {}).status_code == 302
    assert Attendance.objects.filter(present=False).count() == 2


def test_a_coordinator_may_register_attendance_for_any_session(client, coordinator, lesson):
    client.force_login(coordinator)
    assert client.get(attendance_url(lesson)).status_code == 200


@pytest.mark.parametrize("who", ["other_teacher", "tenant"])
def test_someone_elses_session_is_404(client, lesson, tenant, who):
    user = StaffFactory() if who == "other_teacher" else tenant.user
    client.force_login(user)
    assert client.get(attendance_url(lesson)).status_code == 404
    assert client.post(attendance_url(lesson), {}).status_code == 404
    assert not Attendance.objects.exists()


def test_attendance_for_someone_not_enrolled_shows_the_form_again(english, teacher, lesson):
    stranger = EnrollmentFactory(run=lesson.run, status="waitlisted")
    english.force_login(teacher)
    response = english.post(attendance_url(lesson), {"present": [stranger.pk]})
    assert response.status_code == 200
    assert "is not one of the available choices" in response.content.decode()
    assert not Attendance.objects.exists()


def test_attendance_before_the_session_starts_is_refused(english, teacher, lesson):
    future = lesson.run.sessions.order_by("start").last()
    english.force_login(teacher)
    ayla = Enrollment.objects.get(learner__full_name="Ayla Demir")
    response = english.post(attendance_url(future), {"present": [ayla.pk]})
    assert response.status_code == 200
    assert "has not started yet" in response.content.decode()
    assert not Attendance.objects.exists()


def test_attendance_refuses_other_methods(client, teacher, lesson):
    client.force_login(teacher)
    assert client.put(attendance_url(lesson)).status_code == 405


# A run's learners and completion


def test_the_teacher_sees_the_learners_and_who_can_complete(english, teacher, lesson):
    ayla = Enrollment.objects.get(learner__full_name="Ayla Demir")
    AttendanceFactory(enrollment=ayla, session=lesson)
    lesson.run.required_sessions = 1
    lesson.run.save()
    EnrollmentFactory(run=lesson.run, status="waitlisted", learner__full_name="Wachtende Willem")
    english.force_login(teacher)
    html = english.get(run_url(lesson.run)).content.decode()
    assert "Ayla Demir" in html and "Bram Peters" in html and "Wachtende Willem" in html
    assert complete_url(ayla) in html
    bram = Enrollment.objects.get(learner__full_name="Bram Peters")
    assert complete_url(bram) not in html


def test_someone_elses_run_is_404(client, lesson):
    client.force_login(StaffFactory())
    assert client.get(run_url(lesson.run)).status_code == 404


def test_the_teacher_marks_completion_and_a_certificate_is_issued(english, teacher, lesson):
    ayla = Enrollment.objects.get(learner__full_name="Ayla Demir")
    AttendanceFactory(enrollment=ayla, session=lesson)
    lesson.run.required_sessions = 1
    lesson.run.save()
    english.force_login(teacher)
    response = english.post(complete_url(ayla), follow=True)
    assert response.redirect_chain[-1][0] == run_url(lesson.run)
    assert "Ayla Demir has completed the course." in response.content.decode()
    assert Certificate.objects.get().enrollment == ayla


def test_completion_without_enough_attendance_shows_why_and_changes_nothing(
    english, teacher, lesson
):
    bram = Enrollment.objects.get(learner__full_name="Bram Peters")
    english.force_login(teacher)
    html = english.post(complete_url(bram), follow=True).content.decode()
    assert "Bram Peters attended 0 of the 2 sessions needed." in html
    bram.refresh_from_db()
    assert bram.status == "enrolled"
    assert not Certificate.objects.exists()


def test_completion_by_an_outsider_is_404_and_needs_post(client, teacher, lesson, tenant):
    ayla = Enrollment.objects.get(learner__full_name="Ayla Demir")
    client.force_login(tenant.user)
    assert client.post(complete_url(ayla)).status_code == 404
    client.force_login(teacher)
    assert client.get(complete_url(ayla)).status_code == 405
    assert not Certificate.objects.exists()


def test_a_coordinator_may_complete_in_any_run(client, coordinator, lesson):
    ayla = Enrollment.objects.get(learner__full_name="Ayla Demir")
    for session in lesson.run.sessions.all():
        AttendanceFactory(enrollment=ayla, session=session)
    client.force_login(coordinator)
    assert client.post(complete_url(ayla)).status_code == 302
    assert Certificate.objects.filter(enrollment=ayla).exists()
