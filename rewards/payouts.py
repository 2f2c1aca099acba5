"""The payout file for finance: one line per resident and month, with totals.

Semicolons and decimal commas, UTF-8 with a byte-order mark: the file opens as columns in
Dutch Excel, where finance reads it. Amounts have no thousands dots so they stay numbers.
"""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from .models import ZERO, Arrangement, Grant, Payout
from .money import format_plain


@dataclass
class PayoutLine:
    resident_id: int
    name: str
    email: str
    month: object
    allowance: Decimal
    costs: Decimal
    total: Decimal
    grants: int


@dataclass
class PayoutFile:
    payout: Payout | None
    lines: list[PayoutLine] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum((line.total for line in self.lines), ZERO)

    @property
    def filename(self) -> str:
        if self.payout is None:
            return "uitbetaling-leeg.csv"
        return f"uitbetaling-{self.payout.pk}-{self.payout.created_at:%Y-%m-%d}.csv"

    @property
    def content(self) -> str:
        return render_csv(self.lines)


def payout_lines(grants) -> list[PayoutLine]:
    """Money grants summed per resident and month, in one query."""
    rows = (
        grants.filter(kind__in=Arrangement.MONEY_KINDS)
        .values("resident_id", "resident__user__full_name", "resident__user__email", "month")
        .annotate(
            allowance=Sum("amount", filter=Q(kind=Arrangement.Kind.ALLOWANCE)),
            costs=Sum("amount", filter=Q(kind=Arrangement.Kind.COST_REIMBURSEMENT)),
            total=Sum("amount"),
            grants=Count("pk"),
        )
        .order_by("resident__user__full_name", "resident_id", "month")
    )
    return [
        PayoutLine(
            resident_id=row["resident_id"],
            name=row["resident__user__full_name"],
            email=row["resident__user__email"],
            month=row["month"],
            allowance=row["allowance"] or ZERO,
            costs=row["costs"] or ZERO,
            total=row["total"] or ZERO,
            grants=row["grants"],
        )
        for row in rows
    ]


def payout_file(payout: Payout | None) -> PayoutFile:
    if payout is None:
        return PayoutFile(None)
    return PayoutFile(payout, payout_lines(Grant.objects.filter(payout=payout)))


def payable(this_month):
    """Approved money grants up to this month: what the next payout claims."""
    return Grant.objects.filter(
        status=Grant.Status.APPROVED, kind__in=Arrangement.MONEY_KINDS, month__lte=this_month
    )


def pending_payout(this_month) -> PayoutFile:
    """What the next payout would contain, without claiming anything."""
    return PayoutFile(None, payout_lines(payable(this_month)))


def _safe(text: str) -> str:
    # A name starting with =, +, - or @ would run as a formula in a spreadsheet.
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


def render_csv(lines: list[PayoutLine]) -> str:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [
            _("Resident number"),
            _("Name"),
            _("Email address"),
            _("Month"),
            _("Volunteer allowance"),
            _("Reimbursed costs"),
            _("Total"),
            _("Number of rewards"),
        ]
    )
    for line in lines:
        writer.writerow(
            [
                line.resident_id,
                _safe(line.name),
                _safe(line.email),
                f"{line.month:%Y-%m}",
                format_plain(line.allowance),
                format_plain(line.costs),
                format_plain(line.total),
                line.grants,
            ]
        )
    if lines:
        writer.writerow(
            [
                "",
                _("Total"),
                "",
                "",
                format_plain(sum((line.allowance for line in lines), ZERO)),
                format_plain(sum((line.costs for line in lines), ZERO)),
                format_plain(sum((line.total for line in lines), ZERO)),
                sum(line.grants for line in lines),
            ]
        )
    return out.getvalue()
