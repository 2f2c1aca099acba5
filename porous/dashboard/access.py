"""Who may see the dashboard. Each view starts with one of these; anonymous visitors are sent
to the login page by @login_required before they get here."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

# Managers and administrators hold it (porous.groups); employees and residents do not.
DASHBOARD_PERMISSION = "porous.view_dashboard"


def require_dashboard(request):
    if not request.user.has_perm(DASHBOARD_PERMISSION):
        raise PermissionDenied(_("The dashboard is for managers."))
    return request.user


def require_employee(request):
    if not request.user.is_employee:
        raise PermissionDenied(_("This page is for employees of the corporation."))
    return request.user
