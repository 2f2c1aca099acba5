"""A resident with a history everywhere, with their name and email written into free texts
too, so that a search of the whole database after erasure means something."""

import datetime
from decimal import Decimal

import pytest
from allauth.mfa.models import Authenticator
from auditlog.context import set_actor
from django.contrib.admin.models import CHANGE
from django.contrib.admin.models import LogEntry as AdminLogEntry
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from porous.models import Reminder
from rewards.models import Grant
from roles.models import Application, Contribution, Invitation
from school.models import CalendarToken, Enrollment
from tests.factories import NeighbourhoodFactory, ResidentFactory, StaffFactory, TalentFactory
from tests.factories_rewards import AllowanceLimitFactory, GrantFactory
from tests.factories_roles import ApplicationFactory, OpeningFactory
from tests.factories_school import (
    AttendanceFactory,
    CertificateFactory,
    CourseSessionFactory,
    EnrollmentFactory,
)
from tests.factories_visits import FollowUpFactory, LoggedVisitFactory, VisitRequestFactory

NAME = "Henriëtte Zwanenburg"
EMAIL = "h.zwanenburg@voorbeeld.nl"
PHONE = "06-98765432"
TODAY = timezone.localdate()
LAST_YEAR = TODAY.replace(day=1) - datetime.timedelta(days=300)


@pytest.fixture
def person(db):
    """A tenant whose roles, courses and rewards are all history (nothing runs any more)."""
    neighbourhood = NeighbourhoodFactory(name="Lombok")
    resident = ResidentFactory(
        user__full_name=NAME,
        user__email=EMAIL,
        household__dwelling__complex__neighbourhood=neighbourhood,
        birth_date=datetime.date(1999, 8, 14),
        phone=PHONE,
        languages="Nederlands, Papiaments",
        availability="Dinsdagavond",
        wants_to_help_with=f"Ik ben {NAME}, ik help graag met de tuin.",
        vog_valid_until=TODAY + datetime.timedelta(days=200),
    )
    resident.talents.add(TalentFactory(name="tuinieren"))
    user = resident.user
    coordinator = StaffFactory(groups=["employee", "coordinator"])
    AllowanceLimitFactory(year=LAST_YEAR.year)
    AllowanceLimitFactory(year=TODAY.year)

    with set_actor(user, remote_addr="192.0.2.7"):
        ended = ApplicationFactory(
            resident=resident,
            opening=OpeningFactory(coordinator=coordinator),
            status=Application.Status.ENDED,
            started_on=LAST_YEAR,
            ended_on=LAST_YEAR + datetime.timedelta(days=60),
            motivation=f"Mijn naam is {NAME} en ik woon hier al lang.",
            availability="Zaterdag",
        )
    with set_actor(coordinator):
        ApplicationFactory(
            resident=resident,
            status=Application.Status.DECLINED,
            decline_reason=f"Sorry {NAME}, de plek is al vergeven.",
        )
    grant = GrantFactory(
        resident=resident,
        month=LAST_YEAR.replace(day=1),
        work_date=LAST_YEAR,
        amount=Decimal("40.00"),
        hours=Decimal("8"),
        status=Grant.Status.PAID,
        reason=f"Tuin van {NAME} opgeknapt",
        decision_note=f"Dank je, {NAME}!",
    )
    Contribution.objects.create(
        application=ended,
        date=LAST_YEAR,
        hours=Decimal("8"),
        description=f"{NAME} heeft de tuin gewied ({EMAIL}).",
        status=Contribution.Status.APPROVED,
        decided_at=timezone.now(),
        decided_by=coordinator,
        decision_note="Mooi werk",
        grant=grant,
    )
    Invitation.objects.create(
        opening=ended.opening,
        resident=resident,
        invited_by=coordinator,
        message=f"Beste {NAME}, doe je mee?",
        status=Invitation.Status.ACCEPTED,
    )
    session = CourseSessionFactory(start=timezone.now() - datetime.timedelta(days=40))
    session.end = session.start + datetime.timedelta(hours=2)
    session.save()
    enrollment = EnrollmentFactory(
        learner=user, run=session.run, status=Enrollment.Status.COMPLETED
    )
    AttendanceFactory(enrollment=enrollment, session=session)
    CertificateFactory(enrollment=enrollment, learner_name=NAME, issued_at=timezone.now())
    visit = LoggedVisitFactory(household=resident.household, employee=coordinator)
    VisitRequestFactory(
        resident=resident,
        status="done",
        topic=f"Bel mij op {PHONE} of mail {EMAIL}",
        feedback=f"Fijn gesprek. Groet, {NAME}",
        feedback_score=9,
        feedback_at=timezone.now(),
        done_at=timezone.now(),
    )
    FollowUpFactory(
        visit=visit,
        kind="talent_signal",
        closed_at=timezone.now(),
        close_note=f"Invited {NAME} to 1 matching opening.",
    )
    Authenticator.objects.create(user=user, type="totp", data={"secret": "JBSWY3DPEHPK3PXP"})
    CalendarToken.objects.create(user=user)
    Reminder.objects.create(
        recipient=user, kind="test", key="1", due_at=timezone.now() + datetime.timedelta(days=1)
    )
    AdminLogEntry.objects.create(
        user=coordinator,
        content_type=ContentType.objects.get_for_model(user),
        object_id=str(user.pk),
        object_repr=str(user),
        action_flag=CHANGE,
        change_message="[]",
    )
    # A member of the tenants' organisation, who decides on the board seats.
    with set_actor(user, remote_addr="192.0.2.7"):
        user.groups.add(Group.objects.get(name="tenants_organisation"))
    return resident
