"""Who may see and do what with visits. Each view starts with one of the helpers below:
404 for an object that is not yours, 403 for a role that is too low."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from tenants.models import Resident

from .models import FollowUp, Visit, VisitRequest

NOTES_PERMISSION = "visits.view_visit_notes"


def is_employee(user):
    return user.is_authenticated and user.is_employee


def can_read_notes(user, visit):
    """The author, the manager of the author's team, and holders of the explicit permission."""
    if not user.is_authenticated:
        return False
    if visit.employee_id == user.pk:
        return True
    team = visit.employee.team
    if team is not None and team.manager_id == user.pk:
        return True
    return user.has_perm(NOTES_PERMISSION)


def require_employee(request):
    if not is_employee(request.user):
        raise PermissionDenied(_("This page is for employees of the corporation."))
    return request.user


def get_visit_for_user(request, pk):
    """A visit whose notes the user may read (author, manager, permitted); 404 otherwise."""
    require_employee(request)
    visit = get_object_or_404(
        Visit.objects.select_related(
            "employee__team", "household__dwelling__complex__neighbourhood", "request"
        ),
        pk=pk,
    )
    if not can_read_notes(request.user, visit):
        raise Http404(_("There is no visit of yours with this number."))
    return visit


def get_own_follow_up(request, pk):
    """A follow-up the user owns; 404 for anyone else's."""
    require_employee(request)
    return get_object_or_404(
        FollowUp.objects.select_related("visit__household__dwelling"),
        pk=pk,
        owner=request.user,
    )


def require_tenant(request):
    """The logged-in person's tenant profile, with a household; 403 for anyone else."""
    resident = (
        Resident.objects.select_related("household__dwelling")
        .filter(user=request.user, household__isnull=False)
        .first()
    )
    if resident is None:
        raise PermissionDenied(_("Only tenants can ask for a home visit."))
    return resident


def get_own_request(request, pk):
    """A visit request the logged-in resident made; 404 for anyone else's."""
    resident = require_tenant(request)
    return get_object_or_404(
        VisitRequest.objects.select_related("household__dwelling", "resident"),
        pk=pk,
        resident=resident,
    )


def require_team_manager(request):
    """The teams the user manages; 403 for someone who manages none."""
    require_employee(request)
    teams = list(request.user.managed_teams.all())
    if not teams:
        raise PermissionDenied(_("This page is for team managers."))
    return teams
