from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Contribution(models.Model):
    """What a role holder did on one day; approval turns it into a reward grant."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Not approved")

    application = models.ForeignKey(
        "roles.Application",
        verbose_name=_("role"),
        on_delete=models.CASCADE,
        related_name="contributions",
    )
    date = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=2)
    description = models.TextField(_("what you did"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    created_at = models.DateTimeField(_("logged"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decision_note = models.TextField(_("note"), blank=True)

    grant = models.OneToOneField(
        "rewards.Grant",
        verbose_name=_("reward"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contribution",
    )

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["-date", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gt=Decimal("0")) & Q(hours__lte=Decimal("24")),
                name="roles_contribution_hours_within_a_day",
            ),
        ]
        indexes = [
            # The coordinator's approvals: submitted contributions, oldest first.
            models.Index(fields=["status", "created_at"], name="roles_contrib_status_idx"),
        ]

    def __str__(self):
        return f"{self.application} {self.date} {self.hours}h"
