"""The access helpers every view starts with: 404 for what is not yours, 403 for too low a
role. Rewards know nothing of roles: approvers are whoever holds the permissions."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from tenants.models import Resident

from .models import Grant, Payout

APPROVE = "rewards.approve_grant"
EXPORT = "rewards.export_payout"


def get_own_resident(request) -> Resident:
    """The logged-in person's resident profile; 404 for staff without one."""
    try:
        return Resident.objects.select_related("user").get(user=request.user)
    except Resident.DoesNotExist as exc:
        raise Http404(_("You have no resident profile.")) from exc


def require_approver(request):
    if not request.user.has_perm(APPROVE):
        raise PermissionDenied(_("Only coordinators and managers approve rewards."))


def require_payout_access(request):
    if not request.user.has_perm(EXPORT):
        raise PermissionDenied(_("Only coordinators and managers download payouts."))


def get_grant_for_user(request, pk) -> Grant:
    """A grant of the logged-in resident, or any grant for an approver; 404 otherwise, so
    nobody learns which grants exist."""
    grants = Grant.objects.select_related(
        "resident__user", "arrangement", "decided_by", "proposed_by"
    )
    if request.user.has_perm(APPROVE):
        return get_object_or_404(grants, pk=pk)
    return get_object_or_404(grants, pk=pk, resident__user=request.user)


def get_payout_for_user(request, pk) -> Payout:
    require_payout_access(request)
    return get_object_or_404(Payout.objects.select_related("created_by"), pk=pk)
