from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NoteAccess(models.Model):
    """One read of a visit's notes by someone other than its author. Never changed."""

    visit = models.ForeignKey(
        "visits.Visit",
        verbose_name=_("visit"),
        on_delete=models.CASCADE,
        related_name="note_accesses",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("read by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    at = models.DateTimeField(_("read at"), default=timezone.now)

    class Meta:
        verbose_name = _("read of visit notes")
        verbose_name_plural = _("reads of visit notes")
        ordering = ["-at"]
        indexes = [
            # The admin log filtered by reader, newest first.
            models.Index(fields=["user", "-at"], name="visits_noteaccess_user_idx"),
            # The admin log filtered by date.
            models.Index(fields=["-at"], name="visits_noteaccess_at_idx"),
        ]
        # The log filtered by visit uses the visit foreign key's own index.

    def __str__(self):
        return f"{self.user} → {self.visit_id} ({self.at:%Y-%m-%d %H:%M})"


class NeighbourhoodCoordinator(models.Model):
    """Who takes on talent signals and other neighbourhood tasks that have no account to go to."""

    neighbourhood = models.OneToOneField(
        "tenants.Neighbourhood",
        verbose_name=_("neighbourhood"),
        on_delete=models.CASCADE,
        related_name="visit_coordinator",
    )
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coordinator"),
        on_delete=models.PROTECT,
        related_name="coordinated_neighbourhoods",
    )

    class Meta:
        verbose_name = _("neighbourhood coordinator")
        verbose_name_plural = _("neighbourhood coordinators")
        ordering = ["neighbourhood__name"]

    def __str__(self):
        return f"{self.neighbourhood}: {self.coordinator}"
