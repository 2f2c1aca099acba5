from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from .models import Role


@require_safe
def role_detail(request, slug):
    role = get_object_or_404(Role.objects.active().select_related("eligible_complex"), slug=slug)
    return render(request, "roles/role_detail.html", {"role": role})
