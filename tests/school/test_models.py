import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from school.models import Course, CourseRun
from school.models.enrollments import certificate_code_new
from tests.factories_school import (
    AttendanceFactory,
    CertificateFactory,
    CourseFactory,
    CourseRunFactory,
    CourseSessionFactory,
    EnrollmentFactory,
    days_from_now,
    run_with_sessions,
)

pytestmark = pytest.mark.django_db


def refused(factory, **fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        factory(**fields)


def test_one_active_enrolment_per_learner_per_run_but_history_may_repeat(tenant):
    run = CourseRunFactory()
    EnrollmentFactory(learner=tenant.user, run=run, status="withdrawn")
    EnrollmentFactory(learner=tenant.user, run=run, status="withdrawn")
    EnrollmentFactory(learner=tenant.user, run=run)
    refused(EnrollmentFactory, learner=tenant.user, run=run, status="waitlisted")


def test_completed_enrolments_have_a_date_and_only_they():
    refused(EnrollmentFactory, status="completed", completed_at=None)
    refused(EnrollmentFactory, status="enrolled", completed_at=days_from_now(0))


def test_status_must_be_one_of_the_four():
    refused(EnrollmentFactory, status="maybe")


def test_a_run_has_at_least_one_place():
    refused(CourseRunFactory, places=0)
    refused(CourseRunFactory, required_sessions=0)


def test_a_session_ends_after_it_starts():
    start = days_from_now(3)
    refused(CourseSessionFactory, start=start, end=start)


def test_a_course_has_positive_hours():
    refused(CourseFactory, hours=Decimal("0"))


def test_attendance_is_registered_once_per_session():
    mark = AttendanceFactory()
    refused(AttendanceFactory, enrollment=mark.enrollment, session=mark.session)


def test_a_revoked_certificate_has_a_reason():
    certificate = CertificateFactory()
    certificate.revoked_at = days_from_now(0)
    with pytest.raises(IntegrityError), transaction.atomic():
        certificate.save()


def test_certificate_codes_are_long_random_and_url_safe():
    codes = {certificate_code_new() for _ in range(1000)}
    assert len(codes) == 1000
    assert all(
        len(code) == 22 and code.replace("-", "").replace("_", "").isalnum() for code in codes
    )


def test_with_schedule_counts_sessions_places_and_the_waiting_list(teacher):
    run = run_with_sessions(days=(3, 10), places=2, teacher=teacher)
    CourseSessionFactory(run=run, start=days_from_now(1), cancelled=True)
    EnrollmentFactory(run=run)
    EnrollmentFactory(run=run, status="completed")
    EnrollmentFactory(run=run, status="waitlisted")
    EnrollmentFactory(run=run, status="withdrawn")
    run = CourseRun.objects.with_schedule().get(pk=run.pk)
    assert run.session_count == 2
    assert (run.taken, run.waiting, run.free_places) == (2, 1, 0)
    assert run.starts_at == days_from_now(3)
    assert run.ends_at == days_from_now(10) + datetime.timedelta(hours=2)


def test_the_sessions_needed_are_all_unless_set_and_never_more_than_there_are():
    run = CourseRunFactory.build(required_sessions=None)
    assert run.required_count(4) == 4
    run.required_sessions = 3
    assert run.required_count(4) == 3
    assert run.required_count(2) == 2


@pytest.mark.parametrize(
    ("audience", "resident", "staff", "open_"),
    [
        ("residents", True, False, True),
        ("residents", False, True, False),
        ("staff", False, True, True),
        ("staff", True, False, False),
        ("both", True, False, True),
        ("both", False, False, False),
    ],
)
def test_a_course_is_open_to_its_audience(audience, resident, staff, open_):
    course = Course(audience=audience)
    assert course.is_open_to(is_resident=resident, is_staff=staff) is open_


def test_for_audience_includes_courses_for_both():
    for_residents = CourseFactory(audience="residents")
    for_staff = CourseFactory(audience="staff")
    for_both = CourseFactory(audience="both")
    assert set(Course.objects.for_audience("staff")) == {for_staff, for_both}
    assert set(Course.objects.for_audience("residents")) == {for_residents, for_both}


def test_english_title_is_used_in_english(settings):
    from django.utils import translation

    course = CourseFactory.build(title="Schilderen", title_en="Painting")
    with translation.override("en"):
        assert course.display_title == "Painting"
    with translation.override("nl"):
        assert course.display_title == "Schilderen"


def test_strings_name_what_they_are():
    certificate = CertificateFactory(learner_name="Fatima", course_title="Schilderen")
    assert str(certificate) == "Fatima – Schilderen"
    run = certificate.enrollment.run
    assert str(run) == f"{run.course.title} – {run.name}"
    assert str(certificate.enrollment) == f"{certificate.enrollment.learner} – {run}"
