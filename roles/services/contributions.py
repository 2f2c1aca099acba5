import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Application, Contribution
from .applications import can_decide


@transaction.atomic
def contribution_log(*, application, date, hours, description):
    """A role holder logs what they did on one day."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != Application.Status.ACTIVE:
        raise ValidationError(_("You can only log hours for a role you hold now."), code="role")
    hours = Decimal(hours)
    if date > timezone.localdate():
        raise ValidationError(_("The date is in the future. Log what you already did."))
    if application.started_on and date < application.started_on:
        raise ValidationError(
            _("The date is before you started in this role (%(start)s).")
            % {"start": application.started_on.strftime("%d-%m-%Y")}
        )
    if date < timezone.localdate() - datetime.timedelta(days=92):
        raise ValidationError(_("Log your hours within three months."))
    if hours <= 0:
        raise ValidationError(_("Fill in a number of hours above zero."))
    logged = application.contributions.filter(date=date).exclude(
        status=Contribution.Status.REJECTED
    ).aggregate(total=Sum("hours"))["total"] or Decimal("0")
    if logged + hours > 24:
        raise ValidationError(
            _("A day has 24 hours. You already logged %(logged)s hours on this day.")
            % {"logged": floatformat(logged, "-2")}
        )
    if not (description or "").strip():
        raise ValidationError(_("Write in a few words what you did."))
    return Contribution.objects.create(
        application=application, date=date, hours=hours, description=description.strip()
    )


def _reward_for(contribution, by):
    """Create and approve the grant this contribution earns, through the rewards rules."""
    from rewards.models import Arrangement
    from rewards.services import grant_approve, grant_create

    application = contribution.application
    arrangement = application.opening.role.arrangement
    if arrangement is None:
        return None
    month = contribution.date.replace(day=1)
    reason = _("%(role)s on %(date)s: %(what)s") % {
        "role": application.opening.role.display_name,
        "date": contribution.date.strftime("%d-%m-%Y"),
        "what": contribution.description[:200],
    }
    kwargs = {}
    if arrangement.is_money:
        if arrangement.unit == Arrangement.Unit.PER_HOUR:
            kwargs = {
                "amount": (arrangement.default_amount * contribution.hours).quantize(
                    Decimal("0.01")
                ),
                "hours": contribution.hours,
            }
        else:
            kwargs = {"amount": arrangement.default_amount}
    else:
        kwargs = {"description": arrangement.name}
    grant = grant_create(
        resident=application.resident,
        arrangement=arrangement,
        month=month,
        work_date=contribution.date,
        reason=reason,
        proposed_by=by,
        **kwargs,
    )
    return grant_approve(grant=grant, approver=by)


@transaction.atomic
def contribution_approve(*, contribution, by):
    contribution = (
        Contribution.objects.select_for_update(of=("self",))
        .select_related("application__opening__role__arrangement", "application__resident__user")
        .get(pk=contribution.pk)
    )
    if not can_decide(by, contribution.application.opening):
        raise PermissionDenied(_("Only the coordinator of this role approves hours."))
    if contribution.status != Contribution.Status.SUBMITTED:
        raise ValidationError(_("This contribution has already been decided."), code="status")
    # A refusal by the allowance rules raises here and rolls everything back.
    contribution.grant = _reward_for(contribution, by)
    contribution.status = Contribution.Status.APPROVED
    contribution.decided_at = timezone.now()
    contribution.decided_by = by
    contribution.save()
    return contribution


@transaction.atomic
def contribution_reject(*, contribution, by, note):
    contribution = (
        Contribution.objects.select_for_update(of=("self",))
        .select_related("application__opening__role")
        .get(pk=contribution.pk)
    )
    if not can_decide(by, contribution.application.opening):
        raise PermissionDenied(_("Only the coordinator of this role approves hours."))
    if contribution.status != Contribution.Status.SUBMITTED:
        raise ValidationError(_("This contribution has already been decided."), code="status")
    if not (note or "").strip():
        raise ValidationError(_("Write a short reason for the resident."))
    contribution.status = Contribution.Status.REJECTED
    contribution.decision_note = note.strip()
    contribution.decided_at = timezone.now()
    contribution.decided_by = by
    contribution.save()
    return contribution
