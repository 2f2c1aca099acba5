"""Block 7: the Huurdersschool in the period, and staff who learned from residents."""

from django.utils.translation import gettext as _

from .. import selectors
from ..charts import Series, bars
from .base import INT, PERCENT, TEXT, Block, Cell, Column, Table, lowest_first, narrow, number


def school_block(filters):
    data = selectors.school(filters)
    names = [
        (_("Enrolments"), "enrolments"),
        (_("Completions"), "completions"),
        (_("Certificates"), "certificates"),
    ]
    chart = bars(
        "chart-school",
        title=_("Enrolments, completions and certificates per track"),
        desc=_(
            "In the period: %(enrolments)s enrolments, %(completions)s completions, "
            "%(certificates)s certificates."
        )
        % {
            "enrolments": data.total.enrolments,
            "completions": data.total.completions,
            "certificates": data.total.certificates,
        },
        labels=[row.label for row in data.tracks]
        if any(getattr(data.total, name) for _label, name in names)
        else [],
        series=[
            Series(
                label,
                [getattr(row, name) for row in data.tracks],
                [number(getattr(row, name)) for row in data.tracks],
            )
            for label, name in names
        ],
        empty=_("Nothing at the school in this period."),
    )
    tracks = Table(
        "school",
        _("The school per track"),
        [Column(_("Track"), TEXT), *(Column(label) for label, _name in names)],
        "",
    )
    for row in [*data.tracks, data.total]:
        is_total = row is data.total
        tracks.add(
            _("All tracks") if is_total else row.label,
            *(getattr(row, name) for _label, name in names),
            total=is_total,
        )
    staff = Table(
        "school-staff",
        _("Employees who attended a lesson taught by a resident, per team"),
        [
            Column(_("Team"), TEXT),
            Column(_("Employees")),
            Column(_("Attended a lesson taught by a resident")),
            Column(_("Share"), PERCENT),
        ],
        _("There are no employees."),
        ranked_by=_("lowest share first"),
    )
    for row in data.staff:
        links, rank = {}, None
        if row.team_id:
            links = {0: narrow(filters, "school", team=row.team_id)}
            rank = lowest_first(row.share)
        staff.add(
            row.team or _("No team"),
            row.employees,
            row.learned,
            row.share,
            links=links,
            attention=rank,
        )
    if len(data.staff) > 1:
        total = data.staff_total
        staff.add(_("All"), total.employees, total.learned, total.share, total=True)
    return Block(
        slug="school",
        number=7,
        title=_("Tenants' school"),
        intro=[
            _(
                "Enrolments made in the period (still enrolled or completed), completions and "
                "certificates in the period (revoked ones do not count), and the employees "
                "who attended a lesson taught by a resident."
            )
        ],
        scope=_(
            "The period, the neighbourhood (where resident learners live) and the team (of "
            "employee learners) narrow it."
        ),
        charts=[chart],
        tables=[tracks, staff],
        facts=[
            (
                _("Employees who learned from residents"),
                Cell(data.staff_total.learned, INT),
            )
        ],
    )
