from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Invitation(models.Model):
    """An employee asks a resident to take an opening, e.g. after a talent signal at home."""

    class Status(models.TextChoices):
        SENT = "sent", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    opening = models.ForeignKey(
        "roles.Opening",
        verbose_name=_("opening"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    resident = models.ForeignKey(
        "tenants.Resident",
        verbose_name=_("resident"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    message = models.TextField(_("message"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SENT
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    application = models.OneToOneField(
        "roles.Application",
        verbose_name=_("application"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitation",
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["opening", "resident"],
                condition=models.Q(status="sent"),
                name="roles_invitation_one_open_per_opening",
            ),
        ]

    def __str__(self):
        return f"{self.resident} ← {self.opening}"
