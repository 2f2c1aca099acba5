"""Demo data for the Huurdersschool, on top of the demo corporation's people.

`seed_school(rng=..., progress=...)` is called by the demo seed once residents and staff
exist. Courses in every track, two taught by residents to staff; per course a finished run
(attendance, completions, certificates, one revoked), for some a run under way, and a coming
run with enrolments and, for one, a waiting list. Everything goes through the services, with
`now` set in the past for what already happened, so the demo follows the same rules.
"""

import datetime
import sys
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from porous.models import GroupName, User

from . import services
from .demo_courses import DEMO_COURSES, PLACES
from .models import Course, CourseRun, Enrollment

# Demo logins (porous.demo.logins) that get a story of their own, by email.
DEMO_TENANT = "huurder@example.nl"
DEMO_HOME_SEEKER = "woningzoekende@example.nl"
DEMO_EMPLOYEE = "medewerker@example.nl"
DEMO_COORDINATOR = "coordinator@example.nl"

ATTENDANCE_RATE = 0.85


@dataclass
class People:
    residents: list  # user pks
    staff: list
    coordinators: list
    logins: dict = field(default_factory=dict)  # email -> User

    def learners_for(self, course):
        if course.audience == Course.Audience.RESIDENTS:
            return self.residents
        if course.audience == Course.Audience.STAFF:
            return self.staff
        return self.residents + self.staff


def _people():
    def pks(queryset):
        return list(queryset.filter(is_active=True).order_by("pk").values_list("pk", flat=True))

    demo = [DEMO_TENANT, DEMO_HOME_SEEKER, DEMO_EMPLOYEE, DEMO_COORDINATOR]
    return People(
        residents=pks(User.objects.filter(resident__isnull=False).exclude(email__in=demo)),
        staff=pks(
            User.objects.filter(groups__name=GroupName.EMPLOYEE).exclude(email__in=demo).distinct()
        ),
        coordinators=pks(User.objects.filter(groups__name=GroupName.COORDINATOR).distinct()),
        logins={user.email: user for user in User.objects.filter(email__in=demo)},
    )


# One more finished and one more coming run of each course per this many residents.
RESIDENTS_PER_EXTRA_RUN = 3000


def _at(day, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


class Seeder:
    def __init__(self, rng, people, today):
        self.rng = rng
        self.people = people
        self.today = today
        self.counts = dict.fromkeys(
            ["courses", "runs", "sessions", "enrolments", "certificates"], 0
        )

    def pick(self, pks, count):
        chosen = self.rng.sample(pks, min(count, len(pks)))
        found = User.objects.in_bulk(chosen)
        return [found[pk] for pk in chosen]

    def teachers_for(self, spec):
        if spec["title"] == "Mijn eigen wijk" and DEMO_TENANT in self.people.logins:
            return [self.people.logins[DEMO_TENANT]]
        if spec["track"] == "bestuurlijk" and DEMO_COORDINATOR in self.people.logins:
            return [self.people.logins[DEMO_COORDINATOR]]
        pool = (
            self.people.residents
            if spec["teacher"] == "resident"
            else (self.people.coordinators + self.people.staff)
        )
        return self.pick(pool, 1)

    def course(self, spec):
        fields = {k: v for k, v in spec.items() if k != "teacher"}
        course = Course.objects.create(**fields)
        course.teachers.set(self.teachers_for(spec))
        self.counts["courses"] += 1
        return course

    def run(self, course, first_day, *, sessions, places, name):
        run = CourseRun.objects.create(course=course, name=name, places=places)
        teachers = list(course.teachers.all()) or [None]
        staff_hours = course.audience == Course.Audience.STAFF
        place = self.rng.choice(PLACES[course.track])
        for week in range(sessions):
            day = first_day + datetime.timedelta(weeks=week)
            start = _at(day, 14 if staff_hours else 19)
            services.session_create(
                run=run,
                start=start,
                end=start + datetime.timedelta(hours=2, minutes=30 if staff_hours else 0),
                place=place,
                teacher=teachers[week % len(teachers)],
            )
        self.counts["runs"] += 1
        self.counts["sessions"] += sessions
        return run

    def enrol(self, run, learners, started=None):
        """Through the service for coming runs. For a run that `started` on a past day the
        service would say "too late", so those places are made directly, within the places."""
        if started is None:
            enrollments = [services.enrollment_create(learner=u, run=run) for u in learners]
        else:
            learners = learners[: run.places]
            enrollments = [
                Enrollment.objects.create(learner=u, run=run, status=Enrollment.Status.ENROLLED)
                for u in learners
            ]
            # Enrolled a couple of weeks before the start, as people do.
            Enrollment.objects.filter(pk__in=[e.pk for e in enrollments]).update(
                created_at=_at(started - datetime.timedelta(days=14), 10)
            )
        self.counts["enrolments"] += len(enrollments)
        return enrollments

    def attend(self, run, enrollments, *, upto, must=()):
        """Register attendance for the sessions before `upto`, as the teacher did then."""
        for session in run.sessions.filter(end__lte=upto).order_by("start"):
            present = [e for e in enrollments if e in must or self.rng.random() < ATTENDANCE_RATE]
            services.attendance_register(
                session=session, present=present, by=session.teacher, now=session.end
            )

    def finished_run(self, course, extra_learners=()):
        first_day = self.today - datetime.timedelta(days=self.rng.randint(45, 150))
        sessions = self.rng.randint(2, 4)
        run = self.run(course, first_day, sessions=sessions, places=10, name=_season(first_day))
        others = self.pick(self.people.learners_for(course), self.rng.randint(5, 9))
        enrollments = self.enrol(run, [*extra_learners, *others], started=first_day)
        last = run.sessions.order_by("-end").first()
        self.attend(run, enrollments, upto=last.end, must=enrollments[: len(extra_learners)])
        certificates = []
        for enrollment in enrollments:
            try:
                certificates.append(
                    services.enrollment_complete(
                        enrollment=enrollment,
                        by=last.teacher,
                        now=last.end + datetime.timedelta(days=1),
                    )
                )
            except ValidationError:
                pass  # missed a session: no certificate, like in real life
        self.counts["certificates"] += len(certificates)
        return certificates

    def running_run(self, course):
        first_day = self.today - datetime.timedelta(days=self.rng.randint(8, 13))
        run = self.run(course, first_day, sessions=4, places=12, name=_season(first_day))
        learners = self.pick(self.people.learners_for(course), self.rng.randint(6, 10))
        enrollments = self.enrol(run, learners, started=first_day)
        self.attend(run, enrollments, upto=timezone.now())

    def coming_run(self, course, extra_learners=(), *, places=None, fill=None):
        first_day = self.today + datetime.timedelta(days=self.rng.randint(6, 40))
        places = places or self.rng.choice([8, 10, 12])
        run = self.run(
            course,
            first_day,
            sessions=self.rng.randint(2, 4),
            places=places,
            name=_season(first_day),
        )
        wanted = fill if fill is not None else self.rng.randint(2, places - 1)
        others = self.pick(self.people.learners_for(course), wanted)
        self.enrol(run, [u for u in others if u not in extra_learners])
        self.enrol(run, list(extra_learners))
        return run


def _season(day):
    names = {
        12: "Winter",
        1: "Winter",
        2: "Winter",
        3: "Voorjaar",
        4: "Voorjaar",
        5: "Voorjaar",
        6: "Zomer",
        7: "Zomer",
        8: "Zomer",
    }
    return f"{names.get(day.month, 'Najaar')} {day.year}"


def _stories(seeder, courses):
    """The demo logins' own courses, so each login has something to see."""
    logins = seeder.people.logins
    tenant, seeker = logins.get(DEMO_TENANT), logins.get(DEMO_HOME_SEEKER)
    employee = logins.get(DEMO_EMPLOYEE)
    plans = {
        # course title: (finished with certificate, enrolled in the coming run)
        "Schilderen": ([tenant], []),
        "Gespreksvoering": ([], [tenant]),
        "Schrijven": ([seeker], []),
        "Organiseren": ([], [seeker]),
        "Klantervaring": ([employee], []),
        "Mijn eigen wijk": ([], [employee]),
    }
    return {
        title: ([u for u in done if u], [u for u in coming if u])
        for title, (done, coming) in plans.items()
        if title in courses
    }


@transaction.atomic
def seed_school(*, rng, progress=None):
    """Create the school's demo data; returns counts of what was created."""
    people = _people()
    seeder = Seeder(rng, people, timezone.localdate())
    if not (people.residents or people.staff):
        return seeder.counts
    with tqdm(
        total=len(DEMO_COURSES),
        desc="Huurdersschool",
        unit="courses",
        disable=not progress,
        file=sys.stderr,
    ) as bar:
        courses = {spec["title"]: seeder.course(spec) for spec in DEMO_COURSES}
        stories = _stories(seeder, courses)
        certificates = []
        for index, (title, course) in enumerate(courses.items()):
            done, coming = stories.get(title, ([], []))
            certificates += seeder.finished_run(course, extra_learners=done)
            if index % 3 == 0:
                seeder.running_run(course)
            if title == "Voorzitten":
                # A full group with a waiting list; the demo tenant waits as number two.
                run = seeder.coming_run(course, places=6, fill=7)
                if DEMO_TENANT in people.logins:
                    seeder.enrol(run, [people.logins[DEMO_TENANT]])
            else:
                seeder.coming_run(course, extra_learners=coming)
            bar.update()
        # A large corporation runs every course several times a year, for more learners.
        for _ in range(len(people.residents) // RESIDENTS_PER_EXTRA_RUN):
            for course in courses.values():
                certificates += seeder.finished_run(course)
                seeder.coming_run(course)
        others = [c for c in certificates if c.enrollment.learner.email not in people.logins]
        if others:
            services.certificate_revoke(
                certificate=rng.choice(others),
                reason="Demo: uitgegeven aan de verkeerde cursist.",
            )
    return seeder.counts
