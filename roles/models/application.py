from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Application(models.Model):
    """A resident's wish to do a role at an opening, and, once accepted, the role they hold.

    One row follows the whole path: pending → (waitlisted → offered →) active → ended, or
    declined / withdrawn. Active rows are the assignments; their dates make the ladder.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        WAITLISTED = "waitlisted", _("On the waiting list")
        OFFERED = "offered", _("Place offered")
        ACTIVE = "active", _("Doing this role")
        ENDED = "ended", _("Ended")
        DECLINED = "declined", _("Not chosen")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    OPEN_STATUSES = (Status.PENDING, Status.WAITLISTED, Status.OFFERED, Status.ACTIVE)

    resident = models.ForeignKey(
        "tenants.Resident",
        verbose_name=_("resident"),
        on_delete=models.CASCADE,
        related_name="applications",
    )
    opening = models.ForeignKey(
        "roles.Opening",
        verbose_name=_("opening"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    motivation = models.TextField(_("why you want to do this"), blank=True)
    availability = models.CharField(_("when you have time"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("applied"), auto_now_add=True)
    # First come, first served: the waiting list is ordered by when someone joined it.
    waitlisted_at = models.DateTimeField(_("on the waiting list since"), null=True, blank=True)
    offered_at = models.DateTimeField(_("place offered"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decline_reason = models.TextField(_("reason"), blank=True)
    started_on = models.DateField(_("started"), null=True, blank=True)
    ended_on = models.DateField(_("ended"), null=True, blank=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["resident", "opening"],
                condition=Q(status__in=["pending", "waitlisted", "offered", "active"]),
                name="roles_application_one_open_per_opening",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["active", "ended"]) | Q(started_on__isnull=False),
                name="roles_application_holder_has_start",
            ),
        ]
        indexes = [
            # The coordinator's list and the waiting lists: by opening and status, oldest first.
            models.Index(
                fields=["opening", "status", "created_at"], name="roles_app_opening_status_idx"
            ),
            # The decisions list: WHERE status = 'pending' [AND opening.coordinator = …]
            # ORDER BY created_at. Only the few waiting rows, so the plan starts here instead
            # of reading every application to find them.
            models.Index(
                fields=["created_at"],
                condition=Q(status="pending"),
                name="roles_app_pending_idx",
            ),
            # "Mijn ladder" and the maximum number of roles: a resident's rows by status.
            models.Index(fields=["resident", "status"], name="roles_app_resident_status_idx"),
        ]
        permissions = [
            (
                "decide_board_application",
                _("Can decide on supervisory board seats (tenants' organisation)"),
            ),
        ]

    def __str__(self):
        return f"{self.resident} → {self.opening}"
