from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from porous.models import GroupName
from porous.paginators import page_of
from tenants.models import Resident
from tenants.views import get_own_resident

from . import selectors, services
from .forms import ApplicationForm, ContributionForm
from .ladder import application_blockers, role_status
from .models import Application, Opening, Role

OPENINGS_PER_PAGE = 20


def _resident_or_none(request):
    if not request.user.is_authenticated:
        return None
    return (
        Resident.objects.select_related("user", "household__dwelling__complex")
        .filter(user=request.user)
        .first()
    )


def _errors(request, error):
    for message in error.messages:
        messages.error(request, message)


def get_own_application(request, pk):
    """An application of the logged-in resident; 404 for anyone else's."""
    resident = get_own_resident(request)
    return get_object_or_404(
        Application.objects.select_related("opening__role", "resident__user"),
        pk=pk,
        resident=resident,
    )


@require_safe
def role_detail(request, slug):
    role = get_object_or_404(
        Role.objects.active()
        .select_related("eligible_complex")
        .prefetch_related(selectors._required_courses()),
        slug=slug,
    )
    resident = _resident_or_none(request)
    status = None
    if resident is not None:
        status = role_status(role, selectors.resident_history(resident))
    can_apply = status is not None and not status.holding and not application_blockers(status)
    return render(
        request,
        "roles/role_detail.html",
        {
            "role": role,
            "status": status,
            "can_apply": can_apply,
            "resident": resident,
            # A role can be open in every complex: the nearest first, a page at a time.
            "openings": page_of(
                request, selectors.openings_for_role(role, resident), OPENINGS_PER_PAGE
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def application_create(request, opening_pk):
    resident = get_own_resident(request)
    opening = get_object_or_404(
        Opening.objects.select_related("role", "complex", "neighbourhood"), pk=opening_pk
    )
    form = ApplicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            application = services.application_submit(
                resident=resident, opening=opening, **form.cleaned_data
            )
        except ValidationError as error:
            _errors(request, error)
        else:
            if application.status == Application.Status.WAITLISTED:
                messages.info(
                    request,
                    _("All places are taken. You are number %(position)s on the waiting list.")
                    % {"position": services.waitlist_position(application)},
                )
            else:
                messages.success(request, _("Thank you! The coordinator will let you know soon."))
            return redirect("roles:my-applications")
    return render(request, "roles/application_create.html", {"form": form, "opening": opening})


@login_required
@require_safe
def my_applications(request):
    resident = get_own_resident(request)
    applications = list(
        Application.objects.filter(resident=resident)
        .select_related("opening__role", "opening__complex", "opening__neighbourhood")
        .order_by("-created_at")
    )
    positions = selectors.waitlist_positions(applications)
    for application in applications:
        application.position = positions.get(application.pk)
    return render(
        request,
        "roles/my_applications.html",
        {
            "applications": applications,
            "invitations": selectors.open_invitations(resident),
            "contributions": selectors.recent_contributions(resident),
        },
    )


@login_required
@require_safe
def my_ladder(request):
    resident = get_own_resident(request)
    return render(request, "roles/my_ladder.html", selectors.ladder_page(resident))


def _resident_action(request, pk, action, success):
    application = get_own_application(request, pk)
    try:
        action(application)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, success)
    return redirect("roles:my-applications")


@login_required
@require_POST
def application_withdraw(request, pk):
    return _resident_action(
        request,
        pk,
        lambda a: services.application_withdraw(application=a),
        _("You have withdrawn your application."),
    )


@login_required
@require_POST
def offer_accept(request, pk):
    return _resident_action(
        request,
        pk,
        lambda a: services.offer_accept(application=a),
        _("You have accepted the place. Welcome!"),
    )


@login_required
@require_POST
def assignment_end(request, pk):
    return _resident_action(
        request,
        pk,
        lambda a: services.assignment_end(application=a, by=request.user),
        _("You have stopped this role. Thank you for everything you did!"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def contribution_create(request, pk):
    application = get_own_application(request, pk)
    if application.status != Application.Status.ACTIVE:
        raise Http404(_("You do not hold this role now."))
    form = ContributionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.contribution_log(application=application, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved. Your coordinator will check your hours."))
            return redirect("roles:my-applications")
    return render(
        request,
        "roles/contribution_create.html",
        {"form": form, "application": application},
    )


def require_employee(request):
    user = request.user
    if not (user.is_superuser or user.in_group(GroupName.EMPLOYEE)):
        raise PermissionDenied(_("This page is for staff."))
