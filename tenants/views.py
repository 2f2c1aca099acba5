from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from .forms import ProfileForm
from .models import Resident


def get_own_resident(request):
    """The logged-in person's own resident profile; 404 for staff without one."""
    try:
        resident = (
            Resident.objects.select_related("household__dwelling__complex__neighbourhood")
            .prefetch_related("talents")
            .get(user=request.user)
        )
    except Resident.DoesNotExist as exc:
        raise Http404(_("You have no resident profile.")) from exc
    # Both ways: the menu asks user.resident, and would read the profile a second time.
    request.user.resident = resident
    return resident


@login_required
@require_safe
def profile_detail(request):
    resident = get_own_resident(request)
    return render(request, "tenants/profile_detail.html", {"resident": resident})


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    resident = get_own_resident(request)
    form = ProfileForm(request.POST or None, instance=resident)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile is saved."))
        return redirect("tenants:profile-detail")
    return render(request, "tenants/profile_edit.html", {"form": form, "resident": resident})
