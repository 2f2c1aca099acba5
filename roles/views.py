from django.shortcuts import get_object_or_404, render

from .models import Role


def role_detail(request, slug):
    role = get_object_or_404(Role.objects.active().select_related("eligible_complex"), slug=slug)
    return render(request, "roles/role_detail.html", {"role": role})
