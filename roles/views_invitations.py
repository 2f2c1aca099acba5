from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tenants.views import get_own_resident

from . import services
from .models import Invitation
from .views import _errors


@login_required
@require_http_methods(["GET", "POST"])
def invitation_detail(request, pk):
    """The page the invitation email links to: yes or no in one click."""
    resident = get_own_resident(request)
    invitation = get_object_or_404(
        Invitation.objects.select_related("opening__role", "invited_by"),
        pk=pk,
        resident=resident,
    )
    if request.method == "POST":
        answer = request.POST.get("answer")
        try:
            if answer == "accept":
                services.invitation_accept(invitation=invitation)
                messages.success(request, _("Thank you! Your application has been sent."))
                return redirect("roles:my-applications")
            if answer == "decline":
                services.invitation_decline(invitation=invitation)
                messages.info(request, _("No problem. Thank you for letting us know."))
                return redirect("roles:my-applications")
            messages.error(request, _("Choose yes or no."))
        except ValidationError as error:
            _errors(request, error)
    return render(request, "roles/invitation_detail.html", {"invitation": invitation})
