from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class VisitRequest(models.Model):
    """ "Kom binnen": a resident asks for a home visit, with a topic."""

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting to be planned")
        PLANNED = "planned", _("Planned")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    OPEN_STATUSES = (Status.OPEN, Status.PLANNED)

    resident = models.ForeignKey(
        "tenants.Resident",
        verbose_name=_("asked by"),
        on_delete=models.CASCADE,
        related_name="visit_requests",
    )
    household = models.ForeignKey(
        "tenants.Household",
        verbose_name=_("household"),
        on_delete=models.CASCADE,
        related_name="visit_requests",
    )
    topic = models.TextField(_("what it is about"), max_length=500)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("asked at"), auto_now_add=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    feedback = models.TextField(_("feedback"), max_length=1000, blank=True)
    feedback_score = models.PositiveSmallIntegerField(
        _("score for the visit (1–10)"), null=True, blank=True
    )
    feedback_at = models.DateTimeField(_("feedback given at"), null=True, blank=True)

    class Meta:
        verbose_name = _("visit request")
        verbose_name_plural = _("visit requests")
        ordering = ["-created_at"]
        constraints = [
            # One request at a time per household: asking twice does not make it faster.
            models.UniqueConstraint(
                fields=["household"],
                condition=Q(status__in=["open", "planned"]),
                name="visits_visitrequest_one_open_per_household",
            ),
            models.CheckConstraint(
                condition=Q(feedback_score__isnull=True) | Q(feedback_score__range=(1, 10)),
                name="visits_visitrequest_score_1_to_10",
            ),
            models.CheckConstraint(
                condition=Q(feedback_at__isnull=True) | Q(status="done"),
                name="visits_visitrequest_feedback_only_when_done",
            ),
        ]
        indexes = [
            # Suggestions: open requests, oldest first.
            models.Index(
                fields=["created_at"],
                condition=Q(status="open"),
                name="visits_request_open_idx",
            ),
        ]

    def __str__(self):
        return f"{self.household}: {self.topic[:40]}"

    @property
    def can_give_feedback(self):
        return self.status == self.Status.DONE and self.feedback_at is None
