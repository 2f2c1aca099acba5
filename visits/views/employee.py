"""Pages for employees: Mijn week, finding and planning, logging, follow-ups, the team."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q, Subquery
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from porous.models import Team, User
from school.models import CalendarToken
from tenants.models import Household

from .. import selectors, services
from ..access import (
    get_own_follow_up,
    get_visit_for_user,
    require_employee,
    require_team_manager,
)
from ..forms import FollowUpCloseForm, HouseholdSearchForm, VisitLogForm, VisitPlanForm
from ..models import Visit, VisitRequest
from ..weeks import local_today


def _add_errors(form, error):
    for message in error.messages:
        form.add_error(None, message)


@login_required
@require_safe
def my_week(request):
    employee = require_employee(request)
    week = selectors.my_week(employee=employee, today=local_today())
    # The calendar link and whether they lead a team, in one query: each query is a
    # round trip, and this page is the one employees open most.
    calendar_key, manages_team = (
        User.objects.filter(pk=employee.pk)
        .annotate(
            calendar_key=Subquery(
                CalendarToken.objects.filter(user=OuterRef("pk")).order_by("pk").values("token")[:1]
            ),
            manages_team=Exists(Team.objects.filter(manager=OuterRef("pk"))),
        )
        .values_list("calendar_key", "manages_team")
        .get()
    )
    return render(
        request,
        "visits/my_week.html",
        {"week": week, "calendar_key": calendar_key, "manages_team": manages_team},
    )


@login_required
@require_safe
def household_search(request):
    require_employee(request)
    form = HouseholdSearchForm(request.GET or None)
    results = None
    if form.is_valid():
        results = selectors.household_search(query=form.cleaned_data["q"], today=local_today())
    return render(request, "visits/household_search.html", {"form": form, "results": results})


@login_required
@require_http_methods(["GET", "POST"])
def visit_plan(request, household_pk):
    employee = require_employee(request)
    today = local_today()
    household = get_object_or_404(
        Household.objects.select_related("dwelling__complex__neighbourhood").filter(
            Q(tenancy_end__isnull=True) | Q(tenancy_end__gt=today)
        ),
        pk=household_pk,
    )
    open_request = VisitRequest.objects.filter(
        household=household, status=VisitRequest.Status.OPEN
    ).first()
    kind = request.GET.get("kind")
    if kind not in Visit.Kind.values:
        kind = Visit.Kind.REQUESTED if open_request else Visit.Kind.REGULAR
    form = VisitPlanForm(request.POST or None, initial={"kind": kind, "planned_for": today})
    if request.method == "POST" and form.is_valid():
        try:
            visit = services.visit_plan(
                employee=employee,
                household=household,
                kind=form.cleaned_data["kind"],
                planned_for=form.cleaned_data["planned_for"],
                today=today,
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            if "log_now" in request.POST and visit.planned_for == today:
                return redirect("visits:visit-log", pk=visit.pk)
            messages.success(
                request,
                _("Visit planned for %(date)s at %(address)s.")
                % {
                    "date": date_format(visit.planned_for, "l j F"),
                    "address": household.dwelling,
                },
            )
            return redirect("visits:my-week")
    return render(
        request,
        "visits/visit_plan.html",
        {"form": form, "household": household, "open_request": open_request, "today": today},
    )


@login_required
@require_safe
def visit_detail(request, pk):
    visit = get_visit_for_user(request, pk)
    services.visit_notes_read(visit=visit, user=request.user)
    follow_ups = visit.follow_ups.select_related("owner", "talent").order_by("pk")
    return render(
        request,
        "visits/visit_detail.html",
        {
            "visit": visit,
            "follow_ups": follow_ups,
            "is_author": visit.employee_id == request.user.pk,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def visit_log(request, pk):
    visit = get_visit_for_user(request, pk)
    if visit.employee_id != request.user.pk:
        messages.error(request, _("Only %(name)s can log this visit.") % {"name": visit.employee})
        return redirect("visits:visit-detail", pk=visit.pk)
    if not visit.is_planned:
        messages.info(request, _("This visit is already logged. Nothing was changed."))
        return redirect("visits:visit-detail", pk=visit.pk)
    today = local_today()
    form = VisitLogForm(request.POST or None, initial={"visited_on": min(visit.planned_for, today)})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.visit_log(
                visit=visit,
                by=request.user,
                outcome=data["outcome"],
                visited_on=data["visited_on"],
                notes=data["notes"],
                satisfaction=data["satisfaction"],
                follow_ups=form.follow_ups(),
            )
        except ValidationError as error:
            if error.code == "already_logged":  # a second tap on "save"
                messages.info(request, error.messages[0])
                return redirect("visits:visit-detail", pk=visit.pk)
            _add_errors(form, error)
        else:
            messages.success(request, _("The visit is logged. Thank you!"))
            return redirect("visits:visit-detail", pk=visit.pk)
    return render(request, "visits/visit_log.html", {"form": form, "visit": visit})


@login_required
@require_safe
def followup_list(request):
    owner = require_employee(request)
    open_items, closed = selectors.follow_ups_of(owner=owner)
    return render(
        request,
        "visits/followup_list.html",
        {"open_items": open_items, "closed": closed, "today": local_today()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def followup_close(request, pk):
    follow_up = get_own_follow_up(request, pk)
    if not follow_up.is_open:
        messages.info(request, _("This follow-up is already closed."))
        return redirect("visits:followup-list")
    form = FollowUpCloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.follow_up_close(
                follow_up=follow_up, by=request.user, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The follow-up is closed."))
            return redirect("visits:followup-list")
    return render(request, "visits/followup_close.html", {"form": form, "follow_up": follow_up})


@login_required
@require_safe
def team_overview(request):
    teams = require_team_manager(request)
    mondays, overview, recent = selectors.team_overview(teams=teams, today=local_today())
    return render(
        request,
        "visits/team_overview.html",
        {"teams": teams, "mondays": mondays, "overview": overview, "recent": recent},
    )
