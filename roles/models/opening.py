from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OpeningQuerySet(models.QuerySet):
    def open(self, today=None):
        today = today or timezone.localdate()
        return self.filter(is_open=True).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))

    def with_counts(self):
        """Annotate holders, offers and the waiting list: one query for any number of rows."""
        from .application import Application

        status = Application.Status
        return self.annotate(
            holder_count=Count("applications", filter=Q(applications__status=status.ACTIVE)),
            offered_count=Count("applications", filter=Q(applications__status=status.OFFERED)),
            waitlist_count=Count("applications", filter=Q(applications__status=status.WAITLISTED)),
            pending_count=Count("applications", filter=Q(applications__status=status.PENDING)),
        )


class Opening(models.Model):
    """A concrete place to do a role: in a complex, a neighbourhood or the whole corporation."""

    role = models.ForeignKey(
        "roles.Role", verbose_name=_("role"), on_delete=models.PROTECT, related_name="openings"
    )
    complex = models.ForeignKey(
        "tenants.Complex",
        verbose_name=_("complex"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="openings",
    )
    neighbourhood = models.ForeignKey(
        "tenants.Neighbourhood",
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="openings",
        help_text=_("Leave empty, with the complex, for the whole corporation."),
    )
    places = models.PositiveSmallIntegerField(_("places"), default=1)
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coordinator"),
        on_delete=models.PROTECT,
        related_name="coordinated_openings",
    )
    is_open = models.BooleanField(_("open for applications"), default=True)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    description = models.TextField(_("what is special here"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = OpeningQuerySet.as_manager()

    class Meta:
        verbose_name = _("opening")
        verbose_name_plural = _("openings")
        ordering = ["role__name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(places__gte=1), name="roles_opening_at_least_one_place"
            ),
            # A complex already lies in a neighbourhood: one scope at a time.
            models.CheckConstraint(
                condition=Q(complex__isnull=True) | Q(neighbourhood__isnull=True),
                name="roles_opening_one_scope",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="roles_opening_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.role} – {self.scope_label}"

    @property
    def scope_label(self):
        if self.complex_id:
            return str(self.complex)
        if self.neighbourhood_id:
            return str(self.neighbourhood)
        return str(_("whole corporation"))

    @property
    def free_places(self):
        """Needs with_counts()."""
        return max(0, self.places - self.holder_count - self.offered_count)
