"""Applying for roles, deciding, waiting lists and ending a role.

Every change that depends on the number of free places locks the opening's row first
(select_for_update), so two people or two coordinators acting at once cannot overfill it.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from porous.models import GroupName
from porous.notify import absolute_url, notify_user

from ..ladder import application_blockers, role_status
from ..models import Application, Opening
from ..selectors import resident_history

Status = Application.Status


def can_decide(user, opening):
    """Board seats: the tenants' organisation. Others: the coordinator, or any manager."""
    if opening.role.decided_by_tenants_organisation:
        return user.has_perm("roles.decide_board_application")
    if user.pk == opening.coordinator_id or user.is_superuser:
        return True
    return user.in_group(GroupName.MANAGER)


def _check_can_decide(user, opening):
    if not can_decide(user, opening):
        if opening.role.decided_by_tenants_organisation:
            raise PermissionDenied(_("Only the tenants' organisation decides on this seat."))
        raise PermissionDenied(_("Only the coordinator of this opening decides."))


def _locked_opening(opening_id):
    return Opening.objects.select_for_update().select_related("role").get(pk=opening_id)


def _places_taken(opening):
    return opening.applications.filter(status__in=[Status.ACTIVE, Status.OFFERED]).count()


def _active_roles(resident):
    return Application.objects.filter(resident=resident, status=Status.ACTIVE).count()


def waitlist_position(application):
    if application.status != Status.WAITLISTED:
        return None
    return (
        Application.objects.filter(
            opening_id=application.opening_id,
            status=Status.WAITLISTED,
            waitlisted_at__lt=application.waitlisted_at,
        ).count()
        + 1
    )


def _check_max_roles(resident):
    limit = settings.ROLES_MAX_PER_RESIDENT
    if _active_roles(resident) >= limit:
        raise ValidationError(
            _(
                "You already do %(limit)s roles, the most one person can hold at once. "
                "End a role first, so others get a chance too."
            )
            % {"limit": limit},
            code="max_roles",
        )


@transaction.atomic
def application_submit(*, resident, opening, motivation="", availability=""):
    """Apply for an opening. A full opening puts the resident on its waiting list."""
    opening = _locked_opening(opening.pk)
    today = timezone.localdate()
    if not opening.is_open or (opening.ends_on and opening.ends_on < today):
        raise ValidationError(_("This opening is closed."), code="closed")
    if Application.objects.filter(
        resident=resident, opening=opening, status__in=Application.OPEN_STATUSES
    ).exists():
        raise ValidationError(_("You have already applied for this opening."), code="duplicate")
    _check_max_roles(resident)
    history = resident_history(resident)
    blockers = application_blockers(role_status(opening.role, history, today=today))
    if blockers:
        raise ValidationError(
            [_("You cannot apply yet:")] + [m.text for m in blockers], code="prerequisites"
        )
    now = timezone.now()
    full = _places_taken(opening) >= opening.places
    application = Application.objects.create(
        resident=resident,
        opening=opening,
        motivation=motivation,
        availability=availability,
        status=Status.WAITLISTED if full else Status.PENDING,
        waitlisted_at=now if full else None,
    )
    return application


@transaction.atomic
def application_accept(*, application, by):
    """Give the resident the place: the application becomes the role they hold."""
    opening = _locked_opening(application.opening_id)
    _check_can_decide(by, opening)
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status not in (Status.PENDING, Status.WAITLISTED, Status.OFFERED):
        raise ValidationError(
            _("This application cannot be accepted: it is “%(status)s”.")
            % {"status": application.get_status_display()},
            code="status",
        )
    taken = _places_taken(opening) - (1 if application.status == Status.OFFERED else 0)
    if taken >= opening.places:
        raise ValidationError(
            _(
                "All %(places)s places are taken. Put the application on the waiting list, "
                "or add a place to the opening first."
            )
            % {"places": opening.places},
            code="full",
        )
    resident = application.resident
    _check_max_roles(resident)
    missing = role_status(opening.role, resident_history(resident)).missing
    if any(m.kind == "vog" for m in missing):
        raise ValidationError(
            _("This role needs a valid certificate of conduct (VOG). Register it first."),
            code="vog",
        )
    application.status = Status.ACTIVE
    application.started_on = timezone.localdate()
    application.decided_at = timezone.now()
    application.decided_by = by
    application.save()
    _mail_accepted(application)
    return application


@transaction.atomic
def application_decline(*, application, by, reason):
    if not (reason or "").strip():
        raise ValidationError(
            _("Write a short reason. The resident receives it by email."), code="reason"
        )
    opening = _locked_opening(application.opening_id)
    _check_can_decide(by, opening)
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status not in (Status.PENDING, Status.WAITLISTED):
        raise ValidationError(
            _("Only applications that wait for a decision can be declined."), code="status"
        )
    application.status = Status.DECLINED
    application.decline_reason = reason.strip()
    application.decided_at = timezone.now()
    application.decided_by = by
    application.save()
    _mail_declined(application)
    return application


@transaction.atomic
def application_waitlist(*, application, by):
    opening = _locked_opening(application.opening_id)
    _check_can_decide(by, opening)
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != Status.PENDING:
        raise ValidationError(
            _("Only applications that wait for a decision can go on the waiting list."),
            code="status",
        )
    application.status = Status.WAITLISTED
    application.waitlisted_at = timezone.now()
    application.save()
    return application


@transaction.atomic
def application_withdraw(*, application):
    """The resident stops: before the decision, from the waiting list, or an offer."""
    opening = _locked_opening(application.opening_id)
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status not in (Status.PENDING, Status.WAITLISTED, Status.OFFERED):
        raise ValidationError(_("This application can no longer be withdrawn."), code="status")
    was_offered = application.status == Status.OFFERED
    application.status = Status.WITHDRAWN
    application.save()
    if was_offered:
        _offer_next(opening)
    return application


@transaction.atomic
def assignment_end(*, application, by):
    """A holder stops (or is stopped); the first on the waiting list is offered the place."""
    opening = _locked_opening(application.opening_id)
    application = Application.objects.select_for_update().get(pk=application.pk)
    if by.pk != application.resident.user_id:
        _check_can_decide(by, opening)
    if application.status != Status.ACTIVE:
        raise ValidationError(_("This role is not active."), code="status")
    application.status = Status.ENDED
    application.ended_on = timezone.localdate()
    application.save()
    _offer_next(opening)
    return application


@transaction.atomic
def offer_accept(*, application):
    opening = _locked_opening(application.opening_id)
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status != Status.OFFERED:
        raise ValidationError(_("This offer is no longer open."), code="status")
    _check_max_roles(application.resident)
    application.status = Status.ACTIVE
    application.started_on = timezone.localdate()
    application.decided_at = timezone.now()
    application.save()
    notify_user(
        opening.coordinator,
        lambda: (
            _("%(name)s accepted the place") % {"name": application.resident},
            _("%(name)s accepted the offered place as %(role)s (%(scope)s).")
            % {
                "name": application.resident,
                "role": opening.role.display_name,
                "scope": opening.scope_label,
            },
        ),
    )
    return application


def _offer_next(opening):
    """Offer free places to the waiting list, first come first served (opening is locked)."""
    free = opening.places - _places_taken(opening)
    waiting = list(
        Application.objects.filter(opening=opening, status=Status.WAITLISTED)
        .select_related("resident__user")
        .order_by("waitlisted_at", "pk")[: max(0, free)]
    )
    now = timezone.now()
    for application in waiting:
        application.status = Status.OFFERED
        application.offered_at = now
        application.save(update_fields=["status", "offered_at"])
        _mail_offered(application, opening)


def _mail_accepted(application):
    role = application.opening.role
    notify_user(
        application.resident.user,
        lambda: (
            _("You can start as %(role)s") % {"role": role.display_name},
            _(
                "Good news: you have been chosen as %(role)s (%(scope)s). Your coordinator "
                "will contact you about the start.\n\nSee your roles: %(url)s"
            )
            % {
                "role": role.display_name,
                "scope": application.opening.scope_label,
                "url": absolute_url(reverse("roles:my-ladder")),
            },
        ),
    )


def _mail_declined(application):
    role = application.opening.role
    notify_user(
        application.resident.user,
        lambda: (
            _("About your application as %(role)s") % {"role": role.display_name},
            _(
                "Thank you for applying as %(role)s. This time you have not been chosen.\n\n"
                "The reason: %(reason)s\n\nOther roles you can take: %(url)s"
            )
            % {
                "role": role.display_name,
                "reason": application.decline_reason,
                "url": absolute_url(reverse("home")),
            },
        ),
    )


def _mail_offered(application, opening):
    notify_user(
        application.resident.user,
        lambda: (
            _("A place is free for you: %(role)s") % {"role": opening.role.display_name},
            _(
                "A place as %(role)s (%(scope)s) has become free, and you are first on the "
                "waiting list. Do you want it? Answer here: %(url)s"
            )
            % {
                "role": opening.role.display_name,
                "scope": opening.scope_label,
                "url": absolute_url(reverse("roles:my-applications")),
            },
        ),
    )
