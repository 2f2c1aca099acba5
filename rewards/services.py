"""Everything that changes grants. Other apps (roles, visits) call `grant_create`; the
coordinator's pages call `grant_approve` and `grant_reject`; finance gets `payout_export`.

The services that check the rules lock the resident's row, then the arrangement's row (always
in that order, so two services never wait for each other in a circle) before they read the
sums the rules need: two approvals that together would cross a limit then run one after the
other, and the second one sees the first.
"""

import copy
import datetime
from decimal import Decimal

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from porous.audit import audit_update
from tenants.models import Resident

from . import rules
from .models import ZERO, Arrangement, Grant, Payout, first_of_month
from .money import CENT
from .payouts import PayoutFile, payable, payout_file


def _lock(*, resident_pk: int, arrangement_pk: int) -> tuple[Resident, Arrangement]:
    # of=self: lock the resident, not the joined user row (logins update it).
    resident = (
        Resident.objects.select_for_update(of=("self",)).select_related("user").get(pk=resident_pk)
    )
    arrangement = Arrangement.objects.select_for_update().get(pk=arrangement_pk)
    return resident, arrangement


def _locked_grant(grant: Grant) -> Grant:
    """The grant as it is now, with its resident and arrangement locked (in that order)."""
    resident, arrangement = _lock(
        resident_pk=grant.resident_id, arrangement_pk=grant.arrangement_id
    )
    fresh = Grant.objects.select_for_update().get(pk=grant.pk)
    fresh.resident, fresh.arrangement = resident, arrangement
    return fresh


def _clean_fields(*, resident, arrangement, month, amount, hours, description, reason):
    """The checks on the grant itself, before any sums."""
    errors = []
    if not reason.strip():
        errors.append(ValidationError(_("Say what the resident did for it."), code="reason"))
    if arrangement.is_money:
        if amount is None or amount <= ZERO:
            errors.append(ValidationError(_("Enter an amount above zero."), code="amount"))
    elif not description.strip():
        errors.append(ValidationError(_("Describe what the resident gets."), code="description"))
    if amount is not None and amount < ZERO:
        errors.append(ValidationError(_("An amount cannot be negative."), code="amount"))
    if amount is not None and amount != amount.quantize(CENT):
        errors.append(ValidationError(_("Amounts are in whole cents."), code="amount"))
    if arrangement.kind == Arrangement.Kind.COST_REIMBURSEMENT and not description.strip():
        errors.append(
            ValidationError(
                _("Describe the costs and the receipt they are paid back for."),
                code="description",
            )
        )
    if hours is not None and hours <= 0:
        errors.append(ValidationError(_("Hours must be more than zero."), code="hours"))
    if arrangement.is_allowance and arrangement.unit == Arrangement.Unit.PER_HOUR and not hours:
        errors.append(
            ValidationError(
                _("Enter the number of hours: this allowance is paid per hour."), code="hours"
            )
        )
    if (
        arrangement.kind == Arrangement.Kind.TEMPORARY_TENANCY
        and resident.kind != Resident.Kind.HOME_SEEKER
    ):
        errors.append(
            ValidationError(
                _("A temporary tenancy is only for home seekers."), code="not_home_seeker"
            )
        )
    if not Arrangement.objects.active_in(month).filter(pk=arrangement.pk).exists():
        errors.append(
            ValidationError(
                _("%(arrangement)s does not run in that month."),
                code="inactive",
                params={"arrangement": arrangement.name},
            )
        )
    if errors:
        raise ValidationError(errors)


def _check(*, resident, arrangement, month, amount, hours, description, reason, work_date):
    if isinstance(amount, float) or isinstance(hours, float):
        raise TypeError("Money and hours are Decimal, never float.")
    _clean_fields(
        resident=resident,
        arrangement=arrangement,
        month=month,
        amount=amount,
        hours=hours,
        description=description,
        reason=reason,
    )
    rules.check_grant(
        resident=resident,
        arrangement=arrangement,
        kind=arrangement.kind,
        month=month,
        amount=amount,
        hours=hours,
        work_date=work_date,
    )


def grant_check(
    *,
    resident: Resident,
    arrangement: Arrangement,
    month: datetime.date,
    reason: str,
    amount: Decimal | None = None,
    hours: Decimal | None = None,
    description: str = "",
    work_date: datetime.date | None = None,
) -> None:
    """The checks of `grant_create` without saving or locking: lets a form show the refusal
    next to the fields. `grant_create` checks again under its locks."""
    _check(
        resident=resident,
        arrangement=arrangement,
        month=first_of_month(month),
        amount=amount,
        hours=hours,
        description=description,
        reason=reason,
        work_date=work_date,
    )


@transaction.atomic
def grant_create(
    *,
    resident: Resident,
    arrangement: Arrangement,
    month: datetime.date,
    reason: str,
    proposed_by: AbstractBaseUser | None,
    amount: Decimal | None = None,
    hours: Decimal | None = None,
    description: str = "",
    work_date: datetime.date | None = None,
) -> Grant:
    """Propose a reward; it waits for a coordinator's approval.

    `month` is the month the reward belongs to (any day of it). Allowances are refused when
    they would cross the hourly, monthly or yearly limit of that year; any grant is refused
    when it would exceed the arrangement's yearly budget.
    """
    month = first_of_month(month)
    resident, arrangement = _lock(resident_pk=resident.pk, arrangement_pk=arrangement.pk)
    _check(
        resident=resident,
        arrangement=arrangement,
        month=month,
        amount=amount,
        hours=hours,
        description=description,
        reason=reason,
        work_date=work_date,
    )
    return Grant.objects.create(
        resident=resident,
        arrangement=arrangement,
        kind=arrangement.kind,
        month=month,
        work_date=work_date,
        amount=None if amount is None else amount.quantize(CENT),
        hours=hours,
        description=description.strip(),
        reason=reason.strip(),
        proposed_by=proposed_by,
    )


def _require_proposed(grant: Grant):
    if grant.status != Grant.Status.PROPOSED:
        raise ValidationError(
            _("This reward was decided already: %(status)s."),
            code="already_decided",
            params={"status": grant.get_status_display()},
        )


@transaction.atomic
def grant_approve(*, grant: Grant, approver: AbstractBaseUser) -> Grant:
    """Approve a proposed grant, checking the limits and the budget again against what is
    approved by now. Nobody approves a reward for themselves."""
    grant = _locked_grant(grant)
    _require_proposed(grant)
    if grant.resident.user_id == approver.pk:
        raise ValidationError(_("You cannot approve your own reward."), code="own_grant")
    rules.check_grant(
        resident=grant.resident,
        arrangement=grant.arrangement,
        kind=grant.kind,
        month=grant.month,
        amount=grant.amount,
        hours=grant.hours,
        work_date=grant.work_date,
        exclude_pk=grant.pk,
        committed_only=True,
    )
    grant.status = Grant.Status.APPROVED
    grant.decided_by = approver
    grant.decided_at = timezone.now()
    grant.save(update_fields=["status", "decided_by", "decided_at"])
    return grant


@transaction.atomic
def grant_reject(*, grant: Grant, approver: AbstractBaseUser, reason: str) -> Grant:
    """Reject a proposed grant; the reason is shown to the resident."""
    if not reason.strip():
        raise ValidationError(_("Say why the reward is not approved."), code="reason")
    grant = Grant.objects.select_for_update().get(pk=grant.pk)
    _require_proposed(grant)
    grant.status = Grant.Status.REJECTED
    grant.decided_by = approver
    grant.decided_at = timezone.now()
    grant.decision_note = reason.strip()
    grant.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    return grant


@transaction.atomic
def grant_move(*, grant: Grant, month: datetime.date) -> Grant:
    """Move a grant that is not paid yet to another month, if that month has room for it."""
    month = first_of_month(month)
    grant = _locked_grant(grant)
    if grant.status not in (Grant.Status.PROPOSED, Grant.Status.APPROVED):
        raise ValidationError(
            _("Only rewards that are not paid or rejected can move to another month."),
            code="cannot_move",
        )
    rules.check_grant(
        resident=grant.resident,
        arrangement=grant.arrangement,
        kind=grant.kind,
        month=month,
        amount=grant.amount,
        hours=grant.hours,
        work_date=grant.work_date,
        exclude_pk=grant.pk,
    )
    grant.month = month
    grant.save(update_fields=["month"])
    return grant


@transaction.atomic
def payout_export(*, by: AbstractBaseUser, today: datetime.date | None = None) -> PayoutFile:
    """Mark every approved money grant up to this month paid, once, and return the file.

    The grants are claimed with one conditional UPDATE: two downloads at the same moment
    each get their own grants and never the same one; a second download finds nothing.
    """
    this_month = first_of_month(today or timezone.localdate())
    payout = Payout.objects.create(created_by=by)
    claimed = payable(this_month).update(
        status=Grant.Status.PAID, payout=payout, paid_at=timezone.now()
    )
    if not claimed:
        payout.delete()
        return payout_file(None)
    for grant in Grant.objects.filter(payout=payout):
        before = copy.copy(grant)
        before.status, before.payout_id, before.paid_at = Grant.Status.APPROVED, None, None
        audit_update(before, grant)
    return payout_file(payout)
