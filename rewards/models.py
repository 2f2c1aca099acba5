"""Reward arrangements, the yearly allowance limits and the grants to residents.

Money is always `Decimal` with two places. The rules that span rows (the tax limits, budgets,
who may approve) live in `rewards.services`, never in `save()`.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

ZERO = Decimal("0.00")


def money_field(verbose_name, **kwargs):
    return models.DecimalField(verbose_name, max_digits=10, decimal_places=2, **kwargs)


def first_of_month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


class ArrangementQuerySet(models.QuerySet):
    def active_in(self, month: datetime.date):
        """Arrangements that run on at least one day of the given month."""
        month = first_of_month(month)
        next_month = (month + datetime.timedelta(days=32)).replace(day=1)
        return self.filter(active_from__lt=next_month).filter(
            Q(active_until__isnull=True) | Q(active_until__gte=month)
        )


class Arrangement(models.Model):
    """What a resident can get for their work: money, something in kind, or a place."""

    class Kind(models.TextChoices):
        ALLOWANCE = "allowance", _("Volunteer allowance")
        MATERIAL = "material", _("Materials")
        TRAINING = "training", _("Training")
        FACILITY = "facility", _("Facility")
        INVITATION = "invitation", _("Invitation")
        TEMPORARY_TENANCY = "temporary_tenancy", _("Temporary tenancy for home seekers")
        COST_REIMBURSEMENT = "cost_reimbursement", _("Reimbursement of costs (with receipt)")

    # Kinds paid out in money; the others are given in kind.
    MONEY_KINDS = (Kind.ALLOWANCE, Kind.COST_REIMBURSEMENT)

    class Unit(models.TextChoices):
        PER_HOUR = "hour", _("per hour")
        PER_TASK = "task", _("per task")
        PER_MONTH = "month", _("per month")
        ONCE = "once", _("once")

    name = models.CharField(_("name"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices, default=Unit.ONCE)
    description = models.TextField(_("description"), blank=True)
    default_amount = money_field(
        _("default amount"),
        null=True,
        blank=True,
        help_text=_("In euros, per unit. For rewards in kind: their value, if known."),
    )
    yearly_budget = money_field(
        _("yearly budget"),
        null=True,
        blank=True,
        help_text=_("In euros per calendar year. Leave empty for no budget limit."),
    )
    active_from = models.DateField(_("active from"))
    active_until = models.DateField(_("active until"), null=True, blank=True)

    objects = ArrangementQuerySet.as_manager()

    class Meta:
        verbose_name = _("reward arrangement")
        verbose_name_plural = _("reward arrangements")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(default_amount__isnull=True) | Q(default_amount__gte=0),
                name="rewards_arrangement_default_amount_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(yearly_budget__isnull=True) | Q(yearly_budget__gte=0),
                name="rewards_arrangement_budget_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(active_until__isnull=True)
                | Q(active_until__gte=models.F("active_from")),
                name="rewards_arrangement_active_period_in_order",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_money(self):
        return self.kind in self.MONEY_KINDS

    @property
    def is_allowance(self):
        return self.kind == self.Kind.ALLOWANCE


class AllowanceLimit(models.Model):
    """The tax-free limits of the volunteer allowance for one calendar year.

    Going past any of them makes the whole allowance taxable, which can cost a resident their
    benefits. An administrator enters each new year when the tax authority publishes it.
    """

    year = models.PositiveSmallIntegerField(_("year"))
    hourly_21_and_over = money_field(_("hourly limit, 21 and over"))
    hourly_under_21 = money_field(_("hourly limit, under 21"))
    monthly = money_field(_("monthly limit"))
    yearly = money_field(_("yearly limit"))

    class Meta:
        verbose_name = _("allowance limit")
        verbose_name_plural = _("allowance limits")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["year"], name="rewards_allowancelimit_one_per_year"),
            models.CheckConstraint(
                condition=Q(hourly_21_and_over__gte=0)
                & Q(hourly_under_21__gte=0)
                & Q(monthly__gte=0)
                & Q(yearly__gte=0),
                name="rewards_allowancelimit_amounts_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(monthly__lte=models.F("yearly")),
                name="rewards_allowancelimit_month_within_year",
            ),
        ]

    def __str__(self):
        return str(self.year)

    def hourly_for(self, *, is_21_or_over: bool) -> Decimal:
        return self.hourly_21_and_over if is_21_or_over else self.hourly_under_21


class Payout(models.Model):
    """One payout file for finance: the approved money grants it marked paid."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("payout")
        verbose_name_plural = _("payouts")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.pk} {self.created_at:%Y-%m-%d %H:%M}"


class GrantQuerySet(models.QuerySet):
    def counting(self):
        """Grants that count toward limits and budgets: everything not rejected."""
        return self.exclude(status=Grant.Status.REJECTED)

    def committed(self):
        """Grants a coordinator has approved (paid ones included)."""
        return self.filter(status__in=[Grant.Status.APPROVED, Grant.Status.PAID])

    def allowances(self):
        # Cost reimbursements and rewards in kind never count toward the tax limits.
        return self.filter(kind=Arrangement.Kind.ALLOWANCE)

    def in_year(self, year: int):
        return self.filter(
            month__gte=datetime.date(year, 1, 1), month__lt=datetime.date(year + 1, 1, 1)
        )


class Grant(models.Model):
    """One reward for one resident, belonging to one calendar month."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        PAID = "paid", _("Paid")
        REJECTED = "rejected", _("Not approved")

    resident = models.ForeignKey(
        "tenants.Resident",
        verbose_name=_("resident"),
        on_delete=models.PROTECT,
        related_name="grants",
    )
    arrangement = models.ForeignKey(
        Arrangement,
        verbose_name=_("arrangement"),
        on_delete=models.PROTECT,
        related_name="grants",
    )
    # The arrangement's kind when the grant was made: the tax treatment is decided then, and
    # the constraints below and the limit sums need it on this row.
    kind = models.CharField(_("kind"), max_length=30, choices=Arrangement.Kind.choices)
    month = models.DateField(_("month"), help_text=_("Always the first day of the month."))
    work_date = models.DateField(
        _("date of the work"),
        null=True,
        blank=True,
        help_text=_("Decides the age for the hourly limit."),
    )
    amount = money_field(_("amount"), null=True, blank=True)
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=2, null=True, blank=True)
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("What the resident gets in kind, or what the costs were for."),
    )
    reason = models.TextField(_("reason"), help_text=_("What the resident did for it."))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = models.TextField(_("note on the decision"), blank=True)
    payout = models.ForeignKey(
        Payout,
        verbose_name=_("payout"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="grants",
    )
    paid_at = models.DateTimeField(_("paid"), null=True, blank=True)

    objects = GrantQuerySet.as_manager()

    class Meta:
        verbose_name = _("grant")
        verbose_name_plural = _("grants")
        ordering = ["-month", "-created_at"]
        permissions = [
            ("approve_grant", _("Can approve and reject reward grants")),
            ("export_payout", _("Can download payout files for finance")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name="rewards_grant_amount_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(hours__isnull=True) | Q(hours__gt=0),
                name="rewards_grant_hours_positive",
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=Arrangement.MONEY_KINDS) | Q(amount__isnull=False),
                name="rewards_grant_money_has_amount",
            ),
            models.CheckConstraint(
                condition=Q(kind=Arrangement.Kind.ALLOWANCE) | ~Q(description=""),
                name="rewards_grant_in_kind_or_costs_has_description",
            ),
            models.CheckConstraint(
                condition=Q(status="proposed") | Q(decided_at__isnull=False),
                name="rewards_grant_decided_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="paid")
                | (
                    Q(payout__isnull=False)
                    & Q(paid_at__isnull=False)
                    & Q(kind__in=Arrangement.MONEY_KINDS)
                ),
                name="rewards_grant_paid_through_a_payout",
            ),
        ]
        indexes = [
            # The limit sums: a resident's allowance grants by month.
            models.Index(fields=["resident", "kind", "month"], name="rewards_grant_limits_idx"),
            # The budget sum: an arrangement's grants in a year.
            models.Index(fields=["arrangement", "month"], name="rewards_grant_budget_idx"),
            # The approval list (oldest first) and the payout claim.
            models.Index(fields=["status", "created_at"], name="rewards_grant_status_idx"),
        ]

    def __str__(self):
        what = self.amount if self.amount is not None else self.description[:40]
        return f"{self.arrangement} {self.month:%Y-%m} {what}"

    def clean(self):
        if self.month and self.month.day != 1:
            raise ValidationError({"month": _("A grant belongs to a month: use its first day.")})

    @property
    def is_money(self):
        return self.kind in Arrangement.MONEY_KINDS

    @property
    def hourly_rate(self):
        if self.amount is None or not self.hours:
            return None
        return (self.amount / self.hours).quantize(Decimal("0.01"))
