"""Follow-ups: routing talent signals, and closing a follow-up with a note."""

import copy
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from porous.audit import audit_update
from tenants.models import Resident

from ..models import FollowUp, NeighbourhoodCoordinator

logger = logging.getLogger(__name__)


def _roles_invitation_service():
    """roles.services.invitation_create_for_talent when the roles app has it, else None."""
    try:
        from roles import services as roles_services

        create = roles_services.invitation_create_for_talent
    except (ImportError, AttributeError):
        return None
    return create if callable(create) else None


def coordinator_for(visit):
    """Who takes on a neighbourhood task from this visit: the neighbourhood's coordinator,
    else the manager of the author's team, else the author."""
    neighbourhood_id = visit.household.dwelling.complex.neighbourhood_id
    link = (
        NeighbourhoodCoordinator.objects.select_related("coordinator")
        .filter(neighbourhood_id=neighbourhood_id, coordinator__is_active=True)
        .first()
    )
    if link is not None:
        return link.coordinator
    team = visit.employee.team
    if team is not None and team.manager_id:
        return team.manager
    return visit.employee


def talent_signal_route(*, follow_up, now=None):
    """Turn a talent signal into invitations to matching openings when someone in the household
    has an account; otherwise (or when nothing matches) into a task for the coordinator.

    Returns the invitations made (an empty list when it became a task).
    """
    now = now or timezone.now()
    visit = follow_up.visit
    resident = (
        Resident.objects.select_related("user")
        .filter(household_id=visit.household_id, user__is_active=True)
        .order_by("created_at", "pk")
        .first()
    )
    create = _roles_invitation_service()
    invitations = []
    if resident is not None and create is not None:
        try:
            # A savepoint: a failure in the roles app must not lose the visit being logged.
            with transaction.atomic():
                invitations = list(
                    create(
                        resident=resident,
                        talent_text=follow_up.description,
                        talent=follow_up.talent,
                        invited_by=visit.employee,
                        source_visit=visit,
                    )
                    or []
                )
        except Exception:
            logger.exception("talent signal %s could not be turned into invitations", follow_up.pk)
            invitations = []
    if invitations:
        note = ngettext(
            "Invited %(name)s to %(count)d matching opening.",
            "Invited %(name)s to %(count)d matching openings.",
            len(invitations),
        ) % {"name": resident.user, "count": len(invitations)}
        FollowUp.objects.filter(pk=follow_up.pk).update(
            closed_at=now, close_note=note, invitations_sent=len(invitations)
        )
        return invitations
    owner = coordinator_for(visit)
    FollowUp.objects.filter(pk=follow_up.pk).update(owner=owner)
    follow_up.owner = owner
    return []


@transaction.atomic
def follow_up_close(*, follow_up, by, note, now=None) -> FollowUp:
    """Close a follow-up with a short note of what was done; only its owner can."""
    if follow_up.owner_id != by.pk:
        raise ValidationError(_("Only the owner can close this follow-up."), code="not_owner")
    note = (note or "").strip()
    if not note:
        raise ValidationError(_("Write in a few words what was done."), code="note_required")
    if len(note) > 1000:
        raise ValidationError(_("Keep the note under 1000 characters."), code="note_too_long")
    now = now or timezone.now()
    before = copy.copy(follow_up)
    closed = FollowUp.objects.filter(pk=follow_up.pk, closed_at__isnull=True).update(
        closed_at=now, close_note=note
    )
    if not closed:
        raise ValidationError(_("This follow-up is already closed."), code="already_closed")
    follow_up.refresh_from_db()
    audit_update(before, follow_up)
    return follow_up
