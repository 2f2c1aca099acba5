"""The coordinator's side: applications and hours waiting for a decision."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from porous.models import GroupName
from porous.paginators import page_of

from . import selectors, services
from .forms import ContributionDecisionForm, DecisionForm, InvitationForm
from .models import Application, Contribution
from .views import _errors, require_employee

DECISIONS_PER_PAGE = 25
OPENINGS_PER_PAGE = 10


def _is_manager(user):
    return user.is_superuser or user.in_group(GroupName.MANAGER)


def require_decider(request):
    """Staff, or a member of the tenants' organisation (who decides on board seats)."""
    if not request.user.has_perm("roles.decide_board_application"):
        require_employee(request)


def get_application_to_decide(request, pk):
    """404 for an unknown application, 403 for someone who may not decide on it."""
    require_decider(request)
    application = get_object_or_404(
        Application.objects.select_related("opening__role", "resident__user"), pk=pk
    )
    if not services.can_decide(request.user, application.opening):
        raise PermissionDenied(_("Only the coordinator of this opening decides."))
    return application


@login_required
@require_safe
def coordinator_applications(request):
    require_decider(request)
    user = request.user
    manager = _is_manager(user)
    applications = selectors.waiting_applications_for(user, is_manager=manager)
    if user.has_perm("roles.decide_board_application"):
        applications = (
            applications
            | selectors.waiting_applications_for(user, is_manager=True).filter(
                Q(opening__role__decided_by_tenants_organisation=True)
            )
        ).distinct()
    # Oldest first, a page at a time: a coordinator with many waiting still gets a quick page.
    applications = page_of(request, applications, DECISIONS_PER_PAGE)
    now = timezone.now()
    for application in applications:
        application.age_days = (now - application.created_at).days
    contributions = selectors.submitted_contributions_for(user, is_manager=manager)
    return render(
        request,
        "roles/coordinator_applications.html",
        {
            "applications": applications,
            "contributions": page_of(request, contributions, DECISIONS_PER_PAGE, "hours_page"),
            "openings": page_of(
                request,
                selectors.openings_of(user, is_manager=manager),
                OPENINGS_PER_PAGE,
                "openings_page",
            ),
            "decision_form": DecisionForm(),
        },
    )


@login_required
@require_POST
def application_decide(request, pk):
    application = get_application_to_decide(request, pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose what you want to do with this application."))
        return redirect("roles:coordinator-applications")
    action, reason = form.cleaned_data["action"], form.cleaned_data["reason"]
    try:
        if action == "accept":
            services.application_accept(application=application, by=request.user)
            messages.success(
                request, _("%(name)s now has the role.") % {"name": application.resident}
            )
        elif action == "waitlist":
            services.application_waitlist(application=application, by=request.user)
            messages.success(request, _("The application is on the waiting list."))
        else:
            services.application_decline(application=application, by=request.user, reason=reason)
            messages.success(request, _("Declined. The resident gets an email with your reason."))
    except ValidationError as error:
        _errors(request, error)
    return redirect("roles:coordinator-applications")


@login_required
@require_POST
def contribution_decide(request, pk):
    require_employee(request)
    contribution = get_object_or_404(
        Contribution.objects.select_related("application__opening__role"), pk=pk
    )
    if not services.can_decide(request.user, contribution.application.opening):
        raise PermissionDenied(_("Only the coordinator of this role approves hours."))
    form = ContributionDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose approve or reject."))
        return redirect("roles:coordinator-applications")
    try:
        if form.cleaned_data["action"] == "approve":
            services.contribution_approve(contribution=contribution, by=request.user)
            messages.success(request, _("Approved. The reward has been made."))
        else:
            services.contribution_reject(
                contribution=contribution, by=request.user, note=form.cleaned_data["note"]
            )
            messages.success(request, _("Rejected. The resident sees your reason."))
    except ValidationError as error:
        _errors(request, error)
    return redirect("roles:coordinator-applications")


@login_required
@require_http_methods(["GET", "POST"])
def holder_end(request, pk):
    """A coordinator ends someone's role; the waiting list moves up. Asked first (GET): it
    cannot be undone, and the next person on the waiting list is offered the place."""
    application = get_application_to_decide(request, pk)
    if request.method == "GET":
        return render(request, "roles/holder_end.html", {"application": application})
    try:
        services.assignment_end(application=application, by=request.user)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(request, _("The role has ended. The next on the waiting list is asked."))
    return redirect("roles:coordinator-applications")


@login_required
@require_http_methods(["GET", "POST"])
def invitation_create(request):
    require_employee(request)
    from tenants.models import Resident

    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        resident = Resident.objects.filter(user__email__iexact=form.cleaned_data["email"]).first()
        if resident is None:
            form.add_error("email", _("No resident has an account with this email address."))
        else:
            try:
                services.invitation_create(
                    opening=form.cleaned_data["opening"],
                    resident=resident,
                    invited_by=request.user,
                    message=form.cleaned_data["message"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The invitation has been sent."))
                return redirect("roles:invitation-create")
    return render(request, "roles/invitation_create.html", {"form": form})
