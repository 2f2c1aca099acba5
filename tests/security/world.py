"""One small corporation for the access matrix: two tenants with the same kinds of things, a
home seeker, and the staff around them.

Each tenant's things sit on a `Side` with the same attribute names, so a URL's keyword
arguments can be filled from tenant A's side ("a") or from someone else's ("other").

Who is who:
- `employee` wrote A's visit notes, owns its follow-up and teaches A's course session;
- `other_employee` is in the same team, wrote nothing and holds no extra permission;
- `notes_reader` was given `visits.view_visit_notes` explicitly;
- `coordinator` coordinates A's opening (B's opening has a coordinator of its own);
- `manager` manages the team of `employee`; B's visit was made by someone in another team.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import Permission
from django.utils import timezone

from porous.models import GroupName, User
from rewards.models import Grant
from roles.models import Application, Contribution, Invitation
from school.models import CalendarToken, Certificate, Enrollment
from tenants.models import Household, Resident
from tests.factories import (
    HomeSeekerFactory,
    HouseholdFactory,
    ResidentFactory,
    RoleFactory,
    StaffFactory,
    TeamFactory,
)
from tests.factories_rewards import GrantFactory, PayoutFactory
from tests.factories_roles import ActiveApplicationFactory, OpeningFactory
from tests.factories_school import (
    CalendarTokenFactory,
    CertificateFactory,
    CourseFactory,
    EnrollmentFactory,
    run_with_sessions,
)
from tests.factories_visits import (
    FollowUpFactory,
    LoggedVisitFactory,
    VisitFactory,
    VisitRequestFactory,
)
from visits.models import FollowUp, Visit, VisitRequest

# Texts that may only ever appear in the answers to the people allowed to read them.
NOTES_A = "Notitie-A: de badkamer lekt en mevrouw is eenzaam."
NOTES_OTHER = "Notitie-B: schimmel in de slaapkamer, meneer heeft schulden."


@dataclass
class Side:
    """One tenant and everything that is theirs."""

    resident: object
    household: object
    role: object
    opening: object
    application: object
    contribution: object
    invitation: object
    grant: object
    payout: object
    course: object
    run: object
    session: object
    enrollment: object
    certificate: object
    calendar_token: object
    visit_request: object
    visit: object
    planned_visit: object
    follow_up: object
    staff_calendar_token: object

    @property
    def user(self):
        return self.resident.user

    def secrets(self):
        """What identifies this tenant: nobody else among the residents may see it."""
        return [
            self.user.full_name,
            self.user.email,
            self.household.contract_number,
            self.visit_request.topic,
            self.contribution.description,
        ]


@dataclass
class World:
    a: Side
    other: Side
    home_seeker: object
    employee: object
    other_employee: object
    notes_reader: object
    coordinator: object
    manager: object
    administrator: object

    def actor(self, name):
        """The user behind a column of the table; None for the anonymous visitor."""
        if name == "anonymous":
            return None
        if name == "tenant_a":
            return self.a.user
        if name == "tenant_b":
            return self.other.user
        if name == "home_seeker":
            return self.home_seeker.user
        return getattr(self, name)


def _side(*, name, contract, notes, visit_author, coordinator, teacher, paid_by):
    household = HouseholdFactory(contract_number=contract)
    resident = ResidentFactory(household=household, user__full_name=name)
    role = RoleFactory()
    opening = OpeningFactory(role=role, coordinator=coordinator, places=3)
    application = ActiveApplicationFactory(resident=resident, opening=opening)
    contribution = Contribution.objects.create(
        application=application,
        date=timezone.localdate() - datetime.timedelta(days=2),
        hours=Decimal("2"),
        description=f"Trappenhuis geveegd door {name}",
    )
    invitation = Invitation.objects.create(
        opening=OpeningFactory(role=role, coordinator=coordinator),
        resident=resident,
        invited_by=visit_author,
    )
    payout = PayoutFactory(created_by=paid_by)
    GrantFactory(resident=resident, status="paid", payout=payout)
    grant = GrantFactory(resident=resident)

    course = CourseFactory()
    run = run_with_sessions(days=(-7, 7), teacher=teacher, course=course)
    enrollment = EnrollmentFactory(learner=resident.user, run=run)
    certificate = CertificateFactory(
        enrollment=EnrollmentFactory(
            learner=resident.user,
            run=run_with_sessions(days=(-30,), teacher=teacher),
            status=Enrollment.Status.COMPLETED,
        )
    )

    visit_request = VisitRequestFactory(
        resident=resident,
        status=VisitRequest.Status.DONE,
        done_at=timezone.now(),
        topic=f"{name} vraagt om hulp met de huurtoeslag",
    )
    visit = LoggedVisitFactory(
        household=household,
        employee=visit_author,
        request=visit_request,
        kind="requested",
        notes=notes,
        planned_for=timezone.localdate() - datetime.timedelta(days=3),
    )
    return Side(
        resident=resident,
        household=household,
        role=role,
        opening=opening,
        application=application,
        contribution=contribution,
        invitation=invitation,
        grant=grant,
        payout=payout,
        course=course,
        run=run,
        session=run.sessions.order_by("start").last(),
        enrollment=enrollment,
        certificate=certificate,
        calendar_token=CalendarTokenFactory(user=resident.user),
        visit_request=visit_request,
        visit=visit,
        planned_visit=VisitFactory(household=household, employee=visit_author),
        follow_up=FollowUpFactory(visit=visit),
        staff_calendar_token=CalendarTokenFactory(user=visit_author),
    )


def build_world():
    staff = GroupName.EMPLOYEE
    manager = StaffFactory(full_name="Marieke de Boer", groups=[staff, GroupName.MANAGER])
    north = TeamFactory(name="Team Noord", manager=manager)
    south = TeamFactory(name="Team Zuid")
    employee = StaffFactory(full_name="Jeroen Visser", team=north)
    other_employee = StaffFactory(full_name="Bram Jansen", team=north)
    notes_reader = StaffFactory(full_name="Priya Privacy", team=south)
    notes_reader.user_permissions.add(
        Permission.objects.get(content_type__app_label="visits", codename="view_visit_notes")
    )
    coordinator = StaffFactory(full_name="Anouk Smit", groups=[staff, GroupName.COORDINATOR])
    administrator = StaffFactory(
        full_name="Beheerder", is_staff=True, groups=[GroupName.ADMINISTRATOR]
    )
    # Not columns of the table: the people behind B's things.
    b_author = StaffFactory(full_name="Ilse Zuidema", team=south)
    b_coordinator = StaffFactory(full_name="Tom Coördinator", groups=[staff, GroupName.COORDINATOR])

    a = _side(
        name="Fatima el Amrani",
        contract="HC-AAAA-0001",
        notes=NOTES_A,
        visit_author=employee,
        coordinator=coordinator,
        teacher=employee,
        paid_by=coordinator,
    )
    other = _side(
        name="Kees de Vries",
        contract="HC-BBBB-0002",
        notes=NOTES_OTHER,
        visit_author=b_author,
        coordinator=b_coordinator,
        teacher=b_author,
        paid_by=b_coordinator,
    )
    return World(
        a=a,
        other=other,
        home_seeker=HomeSeekerFactory(user__full_name="Sanne Bakker"),
        employee=employee,
        other_employee=other_employee,
        notes_reader=notes_reader,
        coordinator=coordinator,
        manager=manager,
        administrator=administrator,
    )


def footprint(resident):
    """Everything that is one resident's, to show that someone else's request left it alone."""
    user_fields = [f.attname for f in User._meta.concrete_fields if f.attname != "last_login"]
    household = resident.household_id
    parts = [
        Resident.objects.filter(pk=resident.pk).values(),
        Household.objects.filter(pk=household).values(),
        User.objects.filter(pk=resident.user_id).values(*user_fields),
        Application.objects.filter(resident=resident).values(),
        Contribution.objects.filter(application__resident=resident).values(),
        Invitation.objects.filter(resident=resident).values(),
        Grant.objects.filter(resident=resident).values(),
        Enrollment.objects.filter(learner_id=resident.user_id).values(),
        Certificate.objects.filter(enrollment__learner_id=resident.user_id).values(),
        CalendarToken.objects.filter(user_id=resident.user_id).values(),
        VisitRequest.objects.filter(resident=resident).values(),
        Visit.objects.filter(household_id=household).values(),
        FollowUp.objects.filter(visit__household_id=household).values(),
    ]
    return [list(part.order_by("pk")) for part in parts]
