"""A small corporation in which every form has something to act on: an open opening, a pending
application, a role holder with logged hours, a session with learners, a planned visit, an open
follow-up, a visited request, a proposed grant, a payout and a certificate."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from porous.models import GroupName, User
from roles.models import Application, Contribution
from school.models import Enrollment
from tenants.models import Resident
from tests import factories
from tests.factories_rewards import (
    AllowanceLimitFactory,
    GrantFactory,
    HourlyArrangementFactory,
    PayoutFactory,
)
from tests.factories_roles import ActiveApplicationFactory, ApplicationFactory, OpeningFactory
from tests.factories_school import (
    CalendarTokenFactory,
    CertificateFactory,
    EnrollmentFactory,
    run_with_sessions,
)
from tests.factories_visits import FollowUpFactory, LoggedVisitFactory, VisitFactory
from visits.models import Visit, VisitRequest


@dataclass
class World:
    tenant: Resident
    other_tenant: Resident
    newcomer: Resident
    employee: User
    coordinator: User
    manager: User
    superuser: User
    opening: object
    pending: Application
    holding: Application
    contribution: Contribution
    session: object
    enrollment: Enrollment
    visit: Visit
    followup: object
    visit_request: VisitRequest
    grant: object
    payout: object
    certificate: object
    calendar_token: str


def build_world() -> World:
    today = timezone.localdate()
    for year in {today.year, (today - datetime.timedelta(days=60)).year}:
        AllowanceLimitFactory(year=year)
    employee = factories.StaffFactory(full_name="Jeroen Visser", groups=[GroupName.EMPLOYEE])
    coordinator = factories.StaffFactory(
        full_name="Anouk Smit", groups=[GroupName.EMPLOYEE, GroupName.COORDINATOR]
    )
    manager = factories.StaffFactory(
        full_name="Marieke de Boer", groups=[GroupName.EMPLOYEE, GroupName.MANAGER]
    )
    superuser = factories.UserFactory(full_name="Super", is_staff=True, is_superuser=True)
    team = factories.TeamFactory(name="Team Noord", manager=manager)
    employee.team = team
    employee.save(update_fields=["team"])
    tenant = factories.ResidentFactory(user__full_name="Fatima el Amrani")
    other_tenant = factories.ResidentFactory(user__full_name="Kees de Vries")
    newcomer = factories.ResidentFactory(user__full_name="Noor Yilmaz")
    factories.TalentFactory()

    role = factories.RoleFactory(arrangement=HourlyArrangementFactory())
    opening = OpeningFactory(role=role, places=3, coordinator=coordinator)
    pending = ApplicationFactory(resident=other_tenant, opening=opening)
    holding = ActiveApplicationFactory(
        resident=tenant, opening=opening, started_on=today - datetime.timedelta(days=60)
    )
    contribution = Contribution.objects.create(
        application=holding, date=today, hours=2, description="Trappenhuis geveegd"
    )

    run = run_with_sessions(days=(-1, 7), teacher=employee)
    session = run.sessions.order_by("start").first()
    enrollment = EnrollmentFactory(run=run, learner=tenant.user)
    EnrollmentFactory(run=run, learner=other_tenant.user)
    certificate = CertificateFactory()

    visit = VisitFactory(employee=employee, household=other_tenant.household)
    followup = FollowUpFactory(visit=LoggedVisitFactory(employee=employee))
    visit_request = VisitRequest.objects.create(
        resident=tenant,
        household=tenant.household,
        topic="Vocht in de slaapkamer",
        status=VisitRequest.Status.DONE,
        done_at=timezone.now(),
    )
    LoggedVisitFactory(employee=employee, household=tenant.household, request=visit_request)

    grant = GrantFactory(resident=tenant)
    payout = PayoutFactory(created_by=manager)
    GrantFactory(status="paid", payout=payout)
    calendar_token = CalendarTokenFactory(user=employee).token
    return World(
        tenant=tenant,
        other_tenant=other_tenant,
        newcomer=newcomer,
        employee=employee,
        coordinator=coordinator,
        manager=manager,
        superuser=superuser,
        opening=opening,
        pending=pending,
        holding=holding,
        contribution=contribution,
        session=session,
        enrollment=enrollment,
        visit=visit,
        followup=followup,
        visit_request=visit_request,
        grant=grant,
        payout=payout,
        certificate=certificate,
        calendar_token=calendar_token,
    )
