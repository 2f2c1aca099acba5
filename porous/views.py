from django.shortcuts import render
from django.views.decorators.http import require_safe

from roles.selectors import role_matrix, roles_by_category


@require_safe
def home(request):
    """The start page: the role matrix, readable for everyone, logged in or not."""
    rows = role_matrix()
    return render(
        request, "porous/home.html", {"matrix": rows, "categories": roles_by_category(rows)}
    )
