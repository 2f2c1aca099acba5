"""Erasing an account (AVG article 17): for a resident who deletes their own account, or for
an administrator acting on a request.

The rows stay where the statistics need them (roles held, hours, grants and their amounts,
enrolments, certificates issued), but nothing in them points to the person any more: the user
row keeps no name, email or password, the resident row keeps only the kind, the birth year and
the neighbourhood, and every free text the person wrote or that was written about them is
gone, in the history tables too. What is running stops through the usual services, so waiting
lists move up. All or nothing: one transaction.
"""

import datetime

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from auditlog.models import LogEntry as AuditLogEntry
from django.contrib.admin.models import LogEntry as AdminLogEntry
from django.contrib.auth import SESSION_KEY
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, Value
from django.db.models.functions import Replace
from django.utils import timezone

from porous.models import Reminder, Team, User
from rewards.models import Grant
from roles.models import Application, Contribution, Invitation
from roles.services import application_withdraw, assignment_end
from school.models import CalendarToken, Certificate, Enrollment
from school.models.enrollments import certificate_code_new
from school.services import enrollment_withdraw
from tenants.models import Resident
from visits.models import FollowUp, VisitRequest

# What stands in a text that must not be empty, and in place of the name.
ERASED = "[verwijderd]"


def erased_email(pk):
    # The .invalid top-level domain never receives mail (RFC 2606); the id keeps it unique.
    return f"verwijderd-{pk}@invalid"


def is_erased(user):
    return user.email == erased_email(user.pk)


def _stop_what_runs(user, now):
    status = Application.Status
    for application in Application.objects.filter(
        resident__user=user, status__in=[status.PENDING, status.WAITLISTED, status.OFFERED]
    ):
        application_withdraw(application=application)
    for application in Application.objects.filter(resident__user=user, status=status.ACTIVE):
        assignment_end(application=application, by=user)
    for enrollment in Enrollment.objects.filter(
        learner=user, status__in=[Enrollment.Status.ENROLLED, Enrollment.Status.WAITLISTED]
    ):
        try:
            enrollment_withdraw(enrollment=enrollment, now=now)
        except ValidationError:
            pass  # a run that is over stays as it was: it counts as history
    Invitation.objects.filter(resident__user=user, status=Invitation.Status.SENT).update(
        status=Invitation.Status.DECLINED, answered_at=now
    )


def _records(user, resident):
    """{model: [pk]} of everything about the person, to find in the history tables."""
    querysets = {
        Application: Application.objects.filter(resident__user=user),
        Contribution: Contribution.objects.filter(application__resident__user=user),
        Grant: Grant.objects.filter(resident__user=user),
        Invitation: Invitation.objects.filter(resident__user=user),
        Enrollment: Enrollment.objects.filter(learner=user),
        Certificate: Certificate.objects.filter(enrollment__learner=user),
        VisitRequest: VisitRequest.objects.filter(resident__user=user),
        EmailAddress: EmailAddress.objects.filter(user=user),
        Authenticator: Authenticator.objects.filter(user=user),
        CalendarToken: CalendarToken.objects.filter(user=user),
    }
    records = {
        model: [str(pk) for pk in rows.values_list("pk", flat=True)]
        for model, rows in querysets.items()
    }
    records[User] = [str(user.pk)]
    if resident is not None:
        records[Resident] = [str(resident.pk)]
    return records


def _erase_texts(user, now):
    # A talent signal that became invitations says whom it invited, by name.
    if user.full_name:
        FollowUp.objects.filter(close_note__contains=user.full_name).update(
            close_note=Replace("close_note", Value(user.full_name), Value(ERASED))
        )
    Invitation.objects.filter(resident__user=user).update(message="")
    Application.objects.filter(resident__user=user).update(
        motivation="", availability="", decline_reason=""
    )
    Contribution.objects.filter(application__resident__user=user).update(
        description=ERASED, decision_note=""
    )
    # Grants stay, with their amounts, for the tax retention period and the budgets.
    grants = Grant.objects.filter(resident__user=user)
    grants.update(reason=ERASED, decision_note="")
    grants.exclude(description="").update(description=ERASED)
    # A new code: the printed certificate no longer leads to a page about the person.
    for certificate in Certificate.objects.filter(enrollment__learner=user):
        certificate.learner_name = ERASED
        certificate.code = certificate_code_new()
        certificate.save(update_fields=["learner_name", "code"])
    # A request ties the person to their household; the visit it led to stays.
    VisitRequest.objects.filter(resident__user=user).delete()


def _erase_access(user, now):
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    CalendarToken.objects.filter(user=user).delete()
    Reminder.objects.filter(recipient=user, sent_at__isnull=True).delete()
    Team.objects.filter(manager=user).update(manager=None)
    # Sessions are not indexed by user; only the live ones can still be used.
    for session in Session.objects.filter(expire_date__gt=now).iterator():
        if session.get_decoded().get(SESSION_KEY) == str(user.pk):
            session.delete()


def _erase_resident(resident, now):
    resident.talents.clear()
    household = resident.household
    birth_date = resident.birth_date
    Resident.objects.filter(pk=resident.pk).update(
        household=None,
        # The dashboard counts participants per neighbourhood and age band: keep just those.
        erased_neighbourhood=household.dwelling.complex.neighbourhood if household else None,
        birth_date=datetime.date(birth_date.year, 1, 1) if birth_date else None,
        registration_number="",
        phone="",
        languages="",
        availability="",
        wants_to_help_with="",
        vog_valid_until=None,
        erased_at=now,
    )


def _erase_user(user):
    user.email = erased_email(user.pk)
    user.full_name = ERASED
    user.set_unusable_password()
    user.is_active = user.is_staff = user.is_superuser = user.has_visit_duty = False
    user.team = None
    user.last_login = None
    user.save()
    user.groups.clear()
    user.user_permissions.clear()


def _erase_history(user, old_email, records):
    """The audit log and the admin's history: no name, email or address of the person."""
    for model, pks in records.items():
        content_type = ContentType.objects.get_for_model(model)
        AuditLogEntry.objects.filter(content_type=content_type, object_pk__in=pks).update(
            object_repr=ERASED, serialized_data=None, additional_data=None
        )
        AdminLogEntry.objects.filter(content_type=content_type, object_id__in=pks).update(
            object_repr=ERASED
        )
    # What they did stays recorded, by an anonymous actor; NoteAccess rows where they were
    # the reader keep pointing at the user row, which no longer says who it was.
    AuditLogEntry.objects.filter(Q(actor=user) | Q(actor_email__iexact=old_email)).update(
        actor=user, actor_email=None, remote_addr=None, remote_port=None
    )


@transaction.atomic
def account_erase(*, user) -> None:
    """Erase or anonymise everything personal about `user`, everywhere. Safe to run again."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if is_erased(user):
        return
    now = timezone.now()
    old_email = user.email
    resident = (
        Resident.objects.select_related("household__dwelling__complex").filter(user=user).first()
    )
    _stop_what_runs(user, now)
    # Before anything is deleted: the history tables refer to these rows by id.
    records = _records(user, resident)
    _erase_texts(user, now)
    _erase_access(user, now)
    if resident is not None:
        _erase_resident(resident, now)
    _erase_user(user)
    _erase_history(user, old_email, records)
