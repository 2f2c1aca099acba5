"""Planning and logging visits, and recording who read the notes."""

import copy
import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from porous.audit import audit_created, audit_update

from ..models import FollowUp, NoteAccess, Visit, VisitRequest
from ..weeks import local_today
from .followups import talent_signal_route
from .reach import refresh_household

# Planning further ahead than this is almost always a typo in the year.
PLAN_AHEAD = datetime.timedelta(days=365)
NOTES_MAX = 2000


@dataclass(frozen=True)
class FollowUpInput:
    """A follow-up typed into the log form, before it is saved."""

    kind: str
    description: str = ""
    talent: object = None  # a tenants.Talent or None


def _already_planned_error(existing, employee):
    when = date_format(existing.planned_for, "DATE_FORMAT")
    if existing.employee_id == employee.pk:
        return ValidationError(
            _("You already planned a visit to this household on %(date)s.") % {"date": when},
            code="planned_by_you",
        )
    return ValidationError(
        _("%(name)s already planned a visit to this household on %(date)s.")
        % {"name": existing.employee, "date": when},
        code="planned_by_colleague",
    )


@transaction.atomic
def visit_plan(*, employee, household, kind, planned_for, today=None) -> Visit:
    """Plan a visit. Planning the same household on the same day again returns the first plan,
    so a double-submitted form makes one visit; any other second plan is refused."""
    today = today or local_today()
    if not employee.is_employee:
        raise ValidationError(_("Only employees can plan home visits."), code="not_employee")
    if kind not in Visit.Kind.values:
        raise ValidationError(_("Choose a kind of visit."), code="kind")
    if planned_for < today:
        raise ValidationError(_("Choose today or a later date."), code="past")
    if planned_for > today + PLAN_AHEAD:
        raise ValidationError(_("Choose a date within a year from today."), code="too_far")
    if household.tenancy_end and household.tenancy_end < planned_for:
        raise ValidationError(_("This tenancy has ended by then."), code="tenancy_ended")

    existing = Visit.objects.planned().filter(household=household).first()
    if existing is not None:
        if existing.employee_id == employee.pk and existing.planned_for == planned_for:
            return existing
        raise _already_planned_error(existing, employee)

    request = VisitRequest.objects.filter(household=household, status="open").first()
    try:
        with transaction.atomic():
            visit = Visit.objects.create(
                household=household,
                employee=employee,
                kind=kind,
                planned_for=planned_for,
                request=request,
            )
    except IntegrityError as exc:
        # A colleague planned the same household a moment ago.
        raise _already_planned_error(
            Visit.objects.planned().get(household=household), employee
        ) from exc
    if request is not None:
        VisitRequest.objects.filter(pk=request.pk).update(status=VisitRequest.Status.PLANNED)
    return visit


def _clean_log(*, visit, by, outcome, visited_on, notes, satisfaction, follow_ups, today):
    """Refuse bad input with a clear message; returns the satisfaction to store."""
    if visit.employee_id != by.pk:
        raise ValidationError(
            _("Only %(name)s can log this visit.") % {"name": visit.employee},
            code="not_author",
        )
    if outcome not in Visit.Outcome.values:
        raise ValidationError(_("Choose what happened."), code="outcome")
    if visited_on is None:
        raise ValidationError(_("Fill in the date of the visit."), code="date")
    if visited_on > today:
        raise ValidationError(
            _("The date of the visit cannot be in the future. Log the visit after it happened."),
            code="future",
        )
    if len(notes) > NOTES_MAX:
        raise ValidationError(
            _("Keep the notes short: at most %(max)s characters.") % {"max": NOTES_MAX},
            code="notes_too_long",
        )
    if outcome != Visit.Outcome.VISITED:
        satisfaction = None  # only asked when we spoke to someone
    if satisfaction is not None and not 1 <= satisfaction <= 10:
        raise ValidationError(_("Satisfaction is a number from 1 to 10."), code="satisfaction")
    for item in follow_ups:
        if item.kind not in FollowUp.Kind.values:
            raise ValidationError(_("Unknown kind of follow-up."), code="follow_up_kind")
        if item.kind == FollowUp.Kind.TALENT_SIGNAL and not (item.description or item.talent):
            raise ValidationError(
                _("Write what the resident would like to help with."), code="talent_text"
            )
    return satisfaction


@transaction.atomic
def visit_log(
    *,
    visit,
    by,
    outcome,
    visited_on,
    notes="",
    satisfaction=None,
    follow_ups=(),
    now=None,
) -> Visit:
    """Log what happened at the door, once. A second submit finds the visit logged and changes
    nothing (the planned → logged update is conditional). Talent signals are routed at once."""
    now = now or timezone.now()
    notes = (notes or "").strip()
    satisfaction = _clean_log(
        visit=visit,
        by=by,
        outcome=outcome,
        visited_on=visited_on,
        notes=notes,
        satisfaction=satisfaction,
        follow_ups=follow_ups,
        today=local_today(now),
    )
    before = copy.copy(visit)
    updated = Visit.objects.filter(pk=visit.pk, status=Visit.Status.PLANNED).update(
        status=Visit.Status.LOGGED,
        outcome=outcome,
        visited_on=visited_on,
        notes=notes,
        satisfaction=satisfaction,
        logged_at=now,
    )
    if not updated:
        raise ValidationError(
            _("This visit is already logged. Nothing was changed."), code="already_logged"
        )
    visit.refresh_from_db()
    audit_update(before, visit)
    if outcome == Visit.Outcome.VISITED:  # the update above bypassed the signal of save()
        refresh_household(visit.household_id)

    created = FollowUp.objects.bulk_create(
        [
            FollowUp(
                visit=visit,
                kind=item.kind,
                description=(item.description or str(item.talent or "")).strip(),
                talent=item.talent,
                owner=by,
                due_on=FollowUp.due_for(item.kind, visited_on),
            )
            for item in follow_ups
        ]
    )
    audit_created(created)
    for follow_up in created:
        if follow_up.kind == FollowUp.Kind.TALENT_SIGNAL:
            talent_signal_route(follow_up=follow_up, now=now)

    if visit.request_id:
        if outcome == Visit.Outcome.VISITED:
            VisitRequest.objects.filter(pk=visit.request_id).update(
                status=VisitRequest.Status.DONE, done_at=now
            )
        else:
            # Nobody home or cancelled: the request waits for the next visit.
            VisitRequest.objects.filter(
                pk=visit.request_id, status=VisitRequest.Status.PLANNED
            ).update(status=VisitRequest.Status.OPEN)
    return visit


def visit_notes_read(*, visit, user, now=None):
    """Record that someone other than the author saw the notes; the author is not recorded."""
    if visit.employee_id == user.pk or not visit.notes:
        return None
    return NoteAccess.objects.create(visit=visit, user=user, at=now or timezone.now())
