from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..weeks import local_today, week_end, week_start


class Kind(models.TextChoices):
    REGULAR = "regular", _("Regular visit")
    WELCOME = "welcome", _("Welcome visit")
    REQUESTED = "requested", _("Requested visit")
    HOME_CHECK = "home_check", _("Home check-up (woon-APK)")
    ANNIVERSARY = "anniversary", _("Tenancy anniversary")
    WALK = "walk", _("Neighbourhood walk")


class Outcome(models.TextChoices):
    VISITED = "visited", _("Visited: we talked")
    NOBODY_HOME = "nobody_home", _("Nobody home")
    CANCELLED = "cancelled", _("Cancelled")


# An attempt at the door meets the weekly duty: the employee went out, which is the point.
# A cancelled visit does not.
COUNTED_OUTCOMES = (Outcome.VISITED, Outcome.NOBODY_HOME)


class VisitQuerySet(models.QuerySet):
    def planned(self):
        return self.filter(status=Visit.Status.PLANNED)

    def counted(self):
        """Logged visits that count for the weekly duty."""
        return self.filter(status=Visit.Status.LOGGED, outcome__in=COUNTED_OUTCOMES)

    def in_week(self, day):
        """Planned visits planned in the ISO week of `day`, logged visits made in it."""
        start, end = week_start(day), week_end(day)
        return self.filter(
            Q(status=Visit.Status.PLANNED, planned_for__range=(start, end))
            | Q(status=Visit.Status.LOGGED, visited_on__range=(start, end))
        )


class Visit(models.Model):
    """One home visit by one employee to one household: planned first, then logged."""

    Kind = Kind
    Outcome = Outcome

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        LOGGED = "logged", _("Logged")

    household = models.ForeignKey(
        "tenants.Household",
        verbose_name=_("household"),
        on_delete=models.PROTECT,
        related_name="visits",
    )
    # A copy of the household's neighbourhood, set when the visit is saved: the dashboard
    # counts the scores per neighbourhood from the visits alone (with the join, PostgreSQL
    # hashed all 100,000 households for the 12,000 visits of a period). A household keeps its
    # dwelling, so the two part only when neighbourhood boundaries are redrawn: a visit made
    # before then stays in the neighbourhood it was made in, as figures per area do.
    neighbourhood = models.ForeignKey(
        "tenants.Neighbourhood",
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    # PROTECT: the visits are the record of the duty; deactivate a leaving employee instead.
    employee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("employee"),
        on_delete=models.PROTECT,
        related_name="visits",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.REGULAR)
    planned_for = models.DateField(_("planned for"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    visited_on = models.DateField(_("date of the visit"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    satisfaction = models.PositiveSmallIntegerField(_("satisfaction (1–10)"), null=True, blank=True)
    request = models.ForeignKey(
        "visits.VisitRequest",
        verbose_name=_("visit request"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="visits",
    )
    created_at = models.DateTimeField(_("planned at"), auto_now_add=True)
    logged_at = models.DateTimeField(_("logged at"), null=True, blank=True)
    notes_erased_at = models.DateTimeField(_("notes erased at"), null=True, blank=True)

    objects = VisitQuerySet.as_manager()

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        ordering = ["-planned_for", "-pk"]
        permissions = [("view_visit_notes", _("Can read the notes of every home visit"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(satisfaction__isnull=True) | Q(satisfaction__range=(1, 10)),
                name="visits_visit_satisfaction_1_to_10",
            ),
            models.CheckConstraint(
                condition=Q(satisfaction__isnull=True) | Q(outcome=Outcome.VISITED),
                name="visits_visit_satisfaction_only_when_visited",
            ),
            # Planned: no outcome yet. Logged: an outcome, a date and a time of logging.
            models.CheckConstraint(
                condition=(
                    Q(status="planned", outcome="", visited_on__isnull=True, logged_at__isnull=True)
                    | (
                        Q(status="logged", visited_on__isnull=False, logged_at__isnull=False)
                        & ~Q(outcome="")
                    )
                ),
                name="visits_visit_outcome_matches_status",
            ),
            # One open plan per household: suggestions never offer a household twice, and a
            # double-submitted plan form cannot create a second visit.
            models.UniqueConstraint(
                fields=["household"],
                condition=Q(status="planned"),
                name="visits_visit_one_planned_per_household",
            ),
        ]
        indexes = [
            # Mijn week, the streak, the reminders and the dashboard: an employee's logged
            # visits by date (week). The id last, so Mijn week's five latest visits (by date,
            # then id) come from the index in order: without it, all of an employee's visits
            # (hundreds after two years) were joined to their addresses before the sort.
            models.Index(
                fields=["employee", "visited_on", "id"], name="visits_visit_emp_day_id_idx"
            ),
            # The admin's visit list: newest planned first (Meta.ordering), and its date
            # drill-down (DISTINCT years/months of planned_for) read from the index.
            models.Index(fields=["planned_for", "id"], name="visits_visit_planned_for_idx"),
            # A household's first and last reached visit (its copies, visits.services.reach),
            # and the dashboard's reach for an earlier end or one team: per household, was it
            # reached (ever, and in the last 12 months)? Only reached visits, so the probe
            # reads no other rows.
            models.Index(
                fields=["household", "visited_on"],
                condition=Q(status="logged", outcome="visited"),
                name="visits_visit_hh_reached_idx",
            ),
            # Suggestions: the last visit per household, and "visited recently".
            models.Index(fields=["household", "visited_on"], name="visits_visit_hh_last_idx"),
            # Suggestions, "longest since the last visit": reached visits, oldest first.
            models.Index(
                fields=["visited_on"],
                condition=Q(status="logged", outcome="visited"),
                name="visits_visit_reached_idx",
            ),
            # Dashboard "visit duty": all staff's logged visits in the 12 trend weeks,
            # grouped by employee and week; read from the index alone.
            models.Index(
                fields=["visited_on", "employee", "outcome"],
                condition=Q(status="logged"),
                name="visits_visit_logged_week_idx",
            ),
            # Reminders and upcoming visits: planned visits by date.
            models.Index(
                fields=["planned_for"],
                condition=Q(status="planned"),
                name="visits_visit_planned_idx",
            ),
            # The retention task: logged visits whose notes are not erased yet, by age.
            models.Index(
                fields=["logged_at"],
                condition=Q(notes_erased_at__isnull=True),
                name="visits_visit_retention_idx",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.household} {self.day}"

    def save(self, *args, update_fields=None, **kwargs):
        if update_fields is None or {"household", "household_id"} & set(update_fields):
            self.neighbourhood_id = self.household.neighbourhood_id
            if update_fields is not None:
                update_fields = {*update_fields, "neighbourhood"}
        super().save(*args, update_fields=update_fields, **kwargs)

    def clean(self):
        # As visit_log checks it; here for the admin. The households' copies of their reached
        # visits (and so the dashboard's reach) hold only visits that happened.
        if self.visited_on and self.visited_on > local_today():
            raise ValidationError(
                {
                    "visited_on": _(
                        "The date of the visit cannot be in the future. "
                        "Log the visit after it happened."
                    )
                }
            )

    @property
    def day(self):
        """The date that counts: when it happened, or when it is planned."""
        return self.visited_on or self.planned_for

    @property
    def is_planned(self):
        return self.status == self.Status.PLANNED

    @property
    def counts_for_duty(self):
        return self.status == self.Status.LOGGED and self.outcome in COUNTED_OUTCOMES
