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
