"""The privacy page for everyone; "Mijn gegevens" (download, delete) for the person logged in."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from tenants.models import Resident

from .erase import account_erase
from .export import personal_data_json
from .forms import AccountDeleteForm


def require_resident(request):
    """Residents delete their own account; staff accounts are erased by an administrator."""
    resident = Resident.objects.filter(user=request.user).first()
    if resident is None:
        raise PermissionDenied(
            _("Employees' accounts are erased by an administrator. Ask them to do it.")
        )
    return resident


@require_safe
def privacy(request):
    return render(
        request,
        "porous/privacy/privacy.html",
        {"notes_months": settings.VISIT_NOTES_RETENTION_MONTHS},
    )


@login_required
@require_safe
def my_data(request):
    is_resident = Resident.objects.filter(user=request.user).exists()
    return render(request, "porous/privacy/my_data.html", {"is_resident": is_resident})


@login_required
@require_safe
def my_data_download(request):
    response = HttpResponse(
        personal_data_json(request.user), content_type="application/json; charset=utf-8"
    )
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="mijn-gegevens-{day}.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request):
    require_resident(request)
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        account_erase(user=request.user)
        logout(request)
        messages.success(request, _("Your account is deleted. Thank you for taking part."))
        return redirect("home")
    return render(request, "porous/privacy/account_delete.html", {"form": form})
