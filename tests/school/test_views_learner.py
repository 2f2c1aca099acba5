"""'My courses' and withdrawing."""

import pytest
from django.urls import reverse

from school.models import Enrollment
from tests.factories import UserFactory
from tests.factories_school import (
    AttendanceFactory,
    CalendarTokenFactory,
    CertificateFactory,
    EnrollmentFactory,
    run_with_sessions,
)
from tests.school.helpers import MENU_QUERIES, count_queries

pytestmark = pytest.mark.django_db

MY_COURSES = reverse("school:my-courses")


def withdraw_url(enrollment):
    return reverse("school:enrollment-withdraw", args=[enrollment.pk])


def test_anonymous_is_sent_to_login(client):
    for url in (MY_COURSES, reverse("school:enrollment-withdraw", args=[1])):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_someone_who_is_neither_resident_nor_staff_gets_403(client):
    client.force_login(UserFactory())
    assert client.get(MY_COURSES).status_code == 403


def test_my_courses_shows_my_places_waiting_list_and_certificates_only(
    english, tenant, other_tenant, run, teacher
):
    enrolled = EnrollmentFactory(run=run, learner=tenant.user)
    AttendanceFactory(enrollment=enrolled, session=run.sessions.first())
    waiting_run = run_with_sessions(course__title="Voorzitten", places=1, teacher=teacher)
    EnrollmentFactory(run=waiting_run)
    EnrollmentFactory(run=waiting_run, status="waitlisted", learner=tenant.user)
    certificate = CertificateFactory(
        enrollment__learner=tenant.user, enrollment__run__course__title="Schilderen"
    )
    withdrawn = EnrollmentFactory(learner=tenant.user, status="withdrawn")
    theirs = EnrollmentFactory(learner=other_tenant.user, run__course__title="Niet van mij")

    english.force_login(tenant.user)
    html = english.get(MY_COURSES).content.decode()
    assert run.course.title in html
    assert "1 of the 2 sessions needed" in html
    assert "You are number 1 on the waiting list." in html
    assert reverse("school:certificate-pdf", args=[certificate.pk]) in html
    assert certificate.code in html
    assert withdrawn.run.course.title not in html
    assert theirs.run.course.title not in html
    assert withdraw_url(enrolled) in html


def test_a_revoked_certificate_has_no_download_link(english, tenant):
    certificate = CertificateFactory(
        enrollment__learner=tenant.user, revoked_at="2026-01-01T10:00Z", revoked_reason="Fout"
    )
    english.force_login(tenant.user)
    html = english.get(MY_COURSES).content.decode()
    assert "Your certificate for this course was revoked." in html
    assert reverse("school:certificate-pdf", args=[certificate.pk]) not in html


def test_my_courses_shows_the_calendar_link(client, tenant):
    token = CalendarTokenFactory(user=tenant.user)
    client.force_login(tenant.user)
    html = client.get(MY_COURSES).content.decode()
    assert reverse("school:calendar-feed", args=[token.token]) in html


def test_a_teacher_gets_a_tab_to_their_lessons(client, tenant, teacher, run):
    client.force_login(tenant.user)
    lessons = reverse("school:teacher-sessions")
    assert lessons not in client.get(MY_COURSES).content.decode()
    client.force_login(teacher)
    assert lessons in client.get(MY_COURSES).content.decode()


def test_my_courses_refuses_post(client, tenant):
    client.force_login(tenant.user)
    assert client.post(MY_COURSES).status_code == 405


def _my_data(user, count, teacher):
    for i in range(count):
        run = run_with_sessions(course__title=f"Cursus {i}", days=(3, 10, 17), teacher=teacher)
        status = ["enrolled", "waitlisted", "completed"][i % 3]
        enrollment = EnrollmentFactory(run=run, learner=user, status=status)
        AttendanceFactory(enrollment=enrollment, session=run.sessions.first())
        if status == "completed":
            CertificateFactory(enrollment=enrollment)


def test_my_courses_queries_do_not_grow(client, tenant, teacher, django_assert_max_num_queries):
    client.force_login(tenant.user)
    _my_data(tenant.user, 3, teacher)
    small = count_queries(client, MY_COURSES)
    _my_data(tenant.user, 15, teacher)
    # session, user, groups and resident (who the viewer is), the enrolments (with course,
    # certificate, attendance and waiting-list place), their runs' schedules, the calendar
    # link, "teaches anything?", and the session saved (3): 11 whatever the number.
    with django_assert_max_num_queries(11 + MENU_QUERIES):
        assert client.get(MY_COURSES).status_code == 200
    assert count_queries(client, MY_COURSES) == small


# Withdrawing


def test_withdrawing_asks_first_then_frees_the_place(english, tenant, run):
    enrollment = EnrollmentFactory(run=run, learner=tenant.user)
    english.force_login(tenant.user)
    page = english.get(withdraw_url(enrollment))
    assert page.status_code == 200
    assert "Yes, withdraw" in page.content.decode()
    enrollment.refresh_from_db()
    assert enrollment.status == "enrolled"

    response = english.post(withdraw_url(enrollment), follow=True)
    assert "You have withdrawn from" in response.content.decode()
    enrollment.refresh_from_db()
    assert enrollment.status == "withdrawn"


def test_withdrawing_a_completed_course_is_refused_with_a_message(english, tenant, run):
    enrollment = EnrollmentFactory(run=run, learner=tenant.user, status="completed")
    english.force_login(tenant.user)
    html = english.post(withdraw_url(enrollment), follow=True).content.decode()
    assert "You have completed this course. You cannot withdraw any more." in html
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.COMPLETED


def test_someone_elses_enrolment_is_404(client, tenant, other_tenant, run):
    theirs = EnrollmentFactory(run=run, learner=other_tenant.user)
    client.force_login(tenant.user)
    assert client.get(withdraw_url(theirs)).status_code == 404
    assert client.post(withdraw_url(theirs)).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == "enrolled"


def test_withdrawing_refuses_other_methods(client, tenant, run):
    enrollment = EnrollmentFactory(run=run, learner=tenant.user)
    client.force_login(tenant.user)
    assert client.put(withdraw_url(enrollment)).status_code == 405
