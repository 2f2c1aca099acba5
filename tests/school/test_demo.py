"""The school's demo data: every track, resident teachers, past and coming sessions,
completions and certificates, and a story for each demo login."""

import random

import pytest
from django.utils import timezone

from porous.models import GroupName
from school.demo import seed_school
from school.models import Certificate, Course, CourseRun, CourseSession, Enrollment
from school.selectors import my_enrollments
from tests.factories import HomeSeekerFactory, ResidentFactory, StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def corporation():
    tenant = ResidentFactory(user__email="huurder@example.nl").user
    seeker = HomeSeekerFactory(user__email="woningzoekende@example.nl").user
    employee = StaffFactory(email="medewerker@example.nl")
    coordinator = StaffFactory(
        email="coordinator@example.nl", groups=[GroupName.EMPLOYEE, GroupName.COORDINATOR]
    )
    ResidentFactory.create_batch(14)
    HomeSeekerFactory.create_batch(3)
    StaffFactory.create_batch(8)
    return tenant, seeker, employee, coordinator


def test_the_demo_fills_every_track_with_past_and_coming_sessions(corporation):
    counts = seed_school(rng=random.Random(1))
    assert counts["courses"] == 12
    assert set(Course.objects.values_list("track", flat=True)) == set(Course.Track.values)
    now = timezone.now()
    assert CourseSession.objects.filter(end__lt=now).exists()
    assert CourseSession.objects.filter(start__gt=now).exists()
    assert Certificate.objects.count() == counts["certificates"] > 10
    assert Certificate.objects.filter(revoked_at__isnull=False).count() == 1
    assert Enrollment.objects.filter(status="waitlisted").exists()
    # Residents teach staff about their neighbourhood.
    for course in Course.objects.filter(track="wijkkennis"):
        assert course.audience == "staff"
        assert all(hasattr(t, "resident") for t in course.teachers.all())
        learners = Enrollment.objects.filter(run__course=course).values_list(
            "learner__resident", flat=True
        )
        assert set(learners) == {None}, "only staff learn in these courses"


def test_each_demo_login_has_something_to_see(corporation):
    tenant, seeker, employee, coordinator = corporation
    seed_school(rng=random.Random(1))
    statuses = {e.run.course.title: e.status for e in my_enrollments(user=tenant)}
    assert statuses == {
        "Schilderen": "completed",
        "Gespreksvoering": "enrolled",
        "Voorzitten": "waitlisted",
    }
    assert CourseSession.objects.filter(teacher=tenant).exists(), "the tenant teaches too"
    assert {e.status for e in my_enrollments(user=seeker)} == {"completed", "enrolled"}
    assert {e.status for e in my_enrollments(user=employee)} == {"completed", "enrolled"}
    assert CourseSession.objects.filter(teacher=coordinator).exists()
    assert Certificate.objects.filter(enrollment__learner=tenant, revoked_at=None).exists()


def test_the_demo_is_the_same_for_the_same_seed(corporation):
    seed_school(rng=random.Random(7))
    first = list(Enrollment.objects.order_by("pk").values_list("learner_id", "status"))
    for model in (Certificate, Enrollment, CourseSession, CourseRun, Course):
        model.objects.all().delete()
    seed_school(rng=random.Random(7))
    again = list(Enrollment.objects.order_by("pk").values_list("learner_id", "status"))
    assert first == again


def test_without_people_the_demo_does_nothing(db):
    assert seed_school(rng=random.Random(1))["courses"] == 0
