"""The managers' dashboard, its CSV downloads, and an employee's own visit record."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from visits.weeks import local_today

from . import blocks, csv
from .access import require_dashboard, require_employee
from .blocks.record import record_blocks
from .blocks.roles import cell_name
from .filters import Filters
from .forms import DashboardFilterForm
from .selectors.roles import MatrixCell


@login_required
@require_safe
def dashboard(request):
    """All nine blocks for the filters in the query string.

    Access: the permission `porous.view_dashboard` (managers, administrators).
    Invalid filters show the page with the errors and no numbers.
    """
    require_dashboard(request)
    form = DashboardFilterForm(request.GET, today=local_today())
    filters = form.filters() if form.is_valid() else None
    kept = blocks.all_blocks(filters) if filters else []
    return render(
        request,
        "porous/dashboard/dashboard.html",
        {
            "form": form,
            "filters": filters,
            "blocks": kept,
            "worked_out_at": min((block.worked_out_at for block in kept), default=None),
            "keep_minutes": -(-settings.DASHBOARD_KEEP_SECONDS // 60),  # rounded up
            "narrowing": narrowing(filters) if filters else [],
            "csv_query": filters.query() if filters else "",
        },
    )


def narrowing(filters):
    """What the page is narrowed to, each with a link that takes that filter off."""
    page = reverse("dashboard:dashboard")
    items = []
    if filters.neighbourhood:
        items.append(
            (
                _("Neighbourhood"),
                filters.neighbourhood.name,
                page + filters.query(neighbourhood=None),
            )
        )
    if filters.team:
        items.append((_("Team"), filters.team.name, page + filters.query(team=None)))
    if filters.category and filters.grade:
        cell = MatrixCell(filters.category, _category_label(filters.category), filters.grade)
        items.append((_("Cell"), cell_name(cell), page + filters.query(category=None, grade=None)))
    elif filters.has_cell:
        label = _category_label(filters.category) or _("grade %(grade)s") % {"grade": filters.grade}
        items.append((_("Cell"), label, page + filters.query(category=None, grade=None)))
    return items


def _category_label(value):
    from roles.models import Category

    return str(dict(Category.choices).get(value, "")) if value else ""


@login_required
@require_safe
def block_csv(request, block):
    """One table of the dashboard as a CSV file, for the same filters as the page."""
    require_dashboard(request)
    if block not in blocks.TABLE_BLOCKS:
        raise Http404(_("There is no table with this name."))
    form = DashboardFilterForm(request.GET, today=local_today())
    if not form.is_valid():
        errors = "; ".join(str(e) for errs in form.errors.values() for e in errs)
        return HttpResponseBadRequest(
            _("The filters are not valid: %(errors)s") % {"errors": errors},
            content_type="text/plain; charset=utf-8",
        )
    filters = form.filters()
    table = blocks.table(block, filters)
    dutch = request.GET.get("numbers", csv.DUTCH) != csv.PLAIN
    response = HttpResponse(csv.render(table, dutch=dutch), content_type="text/csv; charset=utf-8")
    name = f"dashboard-{block}-{filters.start:%Y-%m-%d}-{filters.end:%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_safe
def my_record(request):
    """An employee's own visit record over 12 weeks, and their team's duty figures."""
    employee = require_employee(request)
    filters = Filters.default(team=employee.team)
    own, team = record_blocks(employee, filters)
    return render(
        request,
        "porous/dashboard/my_record.html",
        {"own": own, "team": team, "employee": employee},
    )
