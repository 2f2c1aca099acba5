""" "Kom binnen": a tenant asks for a visit, follows it, and says how it went."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from .. import selectors, services
from ..access import get_own_request, require_tenant
from ..forms import VisitFeedbackForm, VisitRequestForm


def _add_errors(form, error):
    for message in error.messages:
        form.add_error(None, message)


@login_required
@require_safe
def request_list(request):
    resident = require_tenant(request)
    requests = selectors.requests_of(resident=resident)
    has_open = any(item.status in ("open", "planned") for item in requests)
    return render(
        request,
        "visits/request_list.html",
        {"resident": resident, "requests": requests, "has_open": has_open},
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_create(request):
    resident = require_tenant(request)
    form = VisitRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.visit_request_create(resident=resident, topic=form.cleaned_data["topic"])
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _("Thank you! We will plan a visit. You see here when it is planned."),
            )
            return redirect("visits:request-list")
    return render(request, "visits/request_create.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def request_feedback(request, pk):
    visit_request = get_own_request(request, pk)
    if not visit_request.can_give_feedback:
        messages.info(
            request,
            _("You can react once, after the visit has taken place.")
            if visit_request.feedback_at is None
            else _("You have already reacted to this visit. Thank you!"),
        )
        return redirect("visits:request-list")
    form = VisitFeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.visit_request_feedback(
                request=visit_request,
                resident=visit_request.resident,
                feedback=form.cleaned_data["feedback"],
                score=form.cleaned_data["score"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Thank you for your reaction!"))
            return redirect("visits:request-list")
    return render(
        request, "visits/request_feedback.html", {"form": form, "visit_request": visit_request}
    )
