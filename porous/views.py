from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_safe

from roles.selectors import role_matrix, role_statuses, roles_by_category
from tenants.models import Resident


@require_safe
def home(request):
    """The start page: the role matrix. A logged-in resident sees what they can take now."""
    resident = None
    if request.user.is_authenticated:
        resident = (
            Resident.objects.select_related("user", "household__dwelling__complex")
            .filter(user=request.user)
            .first()
        )
    if resident is not None:
        statuses, _history = role_statuses(resident)
        rows = role_matrix(statuses)
    else:
        rows = role_matrix()
    return render(
        request,
        "porous/home.html",
        {"matrix": rows, "categories": roles_by_category(rows), "resident": resident},
    )


@login_required
@require_safe
def floor(request):
    """The bare page frame for a logged-in user, and nothing else.

    The benchmark's floor: every page is measured against it. It shows no data.
    """
    return render(request, "base.html")
