"""Factories for the school. Times are relative to now, so "future" and "past" stay true."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from school.models import (
    Attendance,
    CalendarToken,
    Certificate,
    Course,
    CourseRun,
    CourseSession,
    Enrollment,
)
from tests.factories import StaffFactory, UserFactory


def days_from_now(days, hour=19):
    """A local time `days` from today at `hour`:00."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Cursus {n}")
    description = "Een cursus om te testen."
    track = Course.Track.TRADE
    audience = Course.Audience.BOTH
    intensity = Course.Intensity.BASIC
    hours = Decimal("6")

    @factory.post_generation
    def teachers(self, create, extracted, **kwargs):
        if create and extracted:
            self.teachers.add(*extracted)


class CourseRunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CourseRun

    course = factory.SubFactory(CourseFactory)
    name = factory.Sequence(lambda n: f"Groep {n}")
    places = 10


class CourseSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CourseSession

    run = factory.SubFactory(CourseRunFactory)
    start = factory.LazyFunction(lambda: days_from_now(7))
    end = factory.LazyAttribute(lambda s: s.start + datetime.timedelta(hours=2))
    place = "Buurthuis De Linde, Lindenlaan 1"
    teacher = factory.SubFactory(StaffFactory)


def run_with_sessions(*, days=(7, 14), places=10, teacher=None, **run_fields):
    """A run with one session on each of `days` (negative: in the past), one teacher."""
    run = CourseRunFactory(places=places, **run_fields)
    teacher = teacher or StaffFactory()
    for day in days:
        CourseSessionFactory(run=run, start=days_from_now(day), teacher=teacher)
    return run


class EnrollmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrollment

    learner = factory.SubFactory(UserFactory)
    run = factory.SubFactory(CourseRunFactory)
    status = Enrollment.Status.ENROLLED
    completed_at = factory.LazyAttribute(
        lambda e: timezone.now() if e.status == Enrollment.Status.COMPLETED else None
    )


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    enrollment = factory.SubFactory(EnrollmentFactory)
    session = factory.SubFactory(CourseSessionFactory)
    present = True


class CertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certificate

    enrollment = factory.SubFactory(EnrollmentFactory, status=Enrollment.Status.COMPLETED)
    learner_name = factory.LazyAttribute(lambda c: c.enrollment.learner.full_name)
    course_title = factory.LazyAttribute(lambda c: c.enrollment.run.course.title)
    hours = factory.LazyAttribute(lambda c: c.enrollment.run.course.hours)
    completed_on = factory.LazyFunction(timezone.localdate)
    issued_at = factory.LazyFunction(timezone.now)


class CalendarTokenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CalendarToken

    user = factory.SubFactory(UserFactory)
