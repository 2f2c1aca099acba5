import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class FollowUpQuerySet(models.QuerySet):
    def open(self):
        return self.filter(closed_at__isnull=True)

    def overdue(self, today):
        return self.open().filter(due_on__lt=today)


class FollowUp(models.Model):
    """Something a visit brought up that someone must act on, by a date."""

    class Kind(models.TextChoices):
        MAINTENANCE = "maintenance", _("Maintenance complaint")
        REFERRAL = "referral", _("Referral to another desk")
        FORM_HELP = "form_help", _("Help with a form")
        GIFT = "gift", _("Small gift")
        TALENT_SIGNAL = "talent_signal", _("Talent signal: wants to help with …")

    # Days from the visit to the due date, by kind.
    DUE_DAYS = {
        Kind.MAINTENANCE: 7,
        Kind.REFERRAL: 7,
        Kind.FORM_HELP: 14,
        Kind.GIFT: 14,
        Kind.TALENT_SIGNAL: 14,
    }

    visit = models.ForeignKey(
        "visits.Visit",
        verbose_name=_("visit"),
        on_delete=models.CASCADE,
        related_name="follow_ups",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("what to do"), max_length=1000, blank=True)
    talent = models.ForeignKey(
        "tenants.Talent",
        verbose_name=_("talent"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="follow_ups",
    )
    due_on = models.DateField(_("due on"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    close_note = models.TextField(_("what was done"), max_length=1000, blank=True)
    invitations_sent = models.PositiveSmallIntegerField(
        _("role invitations sent"),
        default=0,
        help_text=_("For a talent signal: how many invitations to openings it produced."),
    )

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["closed_at", "due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_at__isnull=False) | Q(close_note=""),
                name="visits_followup_close_note_only_when_closed",
            ),
        ]
        indexes = [
            # "My follow-ups" and the overdue reminder: an owner's open follow-ups by due date.
            models.Index(
                fields=["owner", "due_on"],
                condition=Q(closed_at__isnull=True),
                name="visits_followup_open_idx",
            ),
            # The overdue sweep over everyone: open follow-ups by due date.
            models.Index(
                fields=["due_on"],
                condition=Q(closed_at__isnull=True),
                name="visits_followup_due_idx",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.visit.household_id})"

    @property
    def is_open(self):
        return self.closed_at is None

    def is_overdue(self, today):
        return self.is_open and self.due_on < today

    @classmethod
    def due_for(cls, kind, visit_day):
        return visit_day + datetime.timedelta(days=cls.DUE_DAYS[kind])
