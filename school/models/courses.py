from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class CourseQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def for_audience(self, audience):
        """Courses open to residents or to staff; a course for both is open to either."""
        return self.filter(audience__in=[audience, Course.Audience.BOTH])


class Course(models.Model):
    """A course of the Huurdersschool. Its runs are the groups people enrol in."""

    class Track(models.TextChoices):
        TRADE = "vakmatig", _("Trade skills")
        BASIC_SKILLS = "basisvaardigheden", _("Basic skills")
        GOVERNANCE = "bestuurlijk", _("Governance")
        # Residents teach staff about life in the neighbourhood.
        NEIGHBOURHOOD = "wijkkennis", _("Knowledge of the neighbourhood")

    class Audience(models.TextChoices):
        RESIDENTS = "residents", _("Residents")
        STAFF = "staff", _("Staff")
        BOTH = "both", _("Residents and staff")

    class Intensity(models.TextChoices):
        BASIC = "basic", _("Basic")
        INTENSIVE = "intensive", _("Intensive")

    title = models.CharField(_("title"), max_length=150)
    title_en = models.CharField(_("title in English"), max_length=150, blank=True)
    description = models.TextField(_("description"), help_text=_("Plain words, no markup."))
    description_en = models.TextField(_("description in English"), blank=True)
    track = models.CharField(_("track"), max_length=20, choices=Track.choices)
    audience = models.CharField(_("for whom"), max_length=20, choices=Audience.choices)
    intensity = models.CharField(
        _("training"), max_length=20, choices=Intensity.choices, default=Intensity.BASIC
    )
    hours = models.DecimalField(
        _("hours"),
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0.5"))],
        help_text=_("Study hours printed on the certificate."),
    )
    teachers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("teachers"),
        blank=True,
        related_name="school_courses_taught",
        help_text=_("Employees or residents who teach this course."),
    )
    is_published = models.BooleanField(
        _("in the catalogue"), default=True, help_text=_("Hidden courses take no enrolments.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = CourseQuerySet.as_manager()

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["track", "title"]
        constraints = [
            models.CheckConstraint(condition=Q(hours__gt=0), name="school_course_hours_positive"),
        ]

    def __str__(self):
        return self.title

    def _localized(self, field):
        english = getattr(self, f"{field}_en")
        if english and (get_language() or "nl").startswith("en"):
            return english
        return getattr(self, field)

    @property
    def display_title(self):
        return self._localized("title")

    @property
    def display_description(self):
        return self._localized("description")

    def is_open_to(self, *, is_resident, is_staff):
        if self.audience == self.Audience.RESIDENTS:
            return is_resident
        if self.audience == self.Audience.STAFF:
            return is_staff
        return is_resident or is_staff


def _count(queryset):
    """A correlated COUNT(*) subquery: one number per outer row, no join fan-out."""
    return Coalesce(
        Subquery(queryset.order_by().values("run").annotate(n=Count("pk")).values("n")[:1]),
        0,
    )


class CourseRunQuerySet(models.QuerySet):
    def with_schedule(self):
        """Annotate first start, last end, number of sessions, places taken and waiting.

        Subqueries rather than joins, so the counts stay right and the query stays one.
        """
        from .enrollments import Enrollment

        sessions = CourseSession.objects.filter(run=OuterRef("pk"), cancelled=False)
        enrollments = Enrollment.objects.filter(run=OuterRef("pk"))
        return self.annotate(
            starts_at=Subquery(sessions.order_by("start").values("start")[:1]),
            ends_at=Subquery(sessions.order_by("-end").values("end")[:1]),
            session_count=_count(sessions),
            taken=_count(enrollments.filter(status__in=Enrollment.HOLDS_PLACE)),
            waiting=_count(enrollments.filter(status=Enrollment.Status.WAITLISTED)),
        )

    def open_for_enrolment(self, now=None):
        """Not cancelled and not started yet (needs with_schedule)."""
        now = now or timezone.now()
        return self.filter(cancelled=False, course__is_published=True, starts_at__gt=now)


class CourseRun(models.Model):
    """One group taking a course: people enrol in a run, which has a number of sessions."""

    course = models.ForeignKey(
        Course, verbose_name=_("course"), on_delete=models.PROTECT, related_name="runs"
    )
    name = models.CharField(
        _("name"), max_length=100, blank=True, help_text=_("For example: Spring 2026, evenings.")
    )
    places = models.PositiveSmallIntegerField(_("places"), validators=[MinValueValidator(1)])
    required_sessions = models.PositiveSmallIntegerField(
        _("sessions needed to complete"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty when every session is needed."),
    )
    cancelled = models.BooleanField(_("cancelled"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = CourseRunQuerySet.as_manager()

    class Meta:
        verbose_name = _("course run")
        verbose_name_plural = _("course runs")
        ordering = ["course", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(places__gte=1), name="school_courserun_places_positive"
            ),
            models.CheckConstraint(
                condition=Q(required_sessions__isnull=True) | Q(required_sessions__gte=1),
                name="school_courserun_required_sessions_positive",
            ),
        ]

    def __str__(self):
        return f"{self.course} – {self.name}" if self.name else f"{self.course} #{self.pk}"

    def required_count(self, session_count):
        """How many sessions a learner must attend; never more than there are."""
        if self.required_sessions is None:
            return session_count
        return min(self.required_sessions, session_count)

    @property
    def free_places(self):
        """Needs with_schedule()."""
        return max(0, self.places - self.taken)


class CourseSession(models.Model):
    """One meeting of a run: a date, a place and a teacher."""

    run = models.ForeignKey(
        CourseRun, verbose_name=_("course run"), on_delete=models.CASCADE, related_name="sessions"
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    place = models.CharField(_("place"), max_length=200)
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("teacher"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="school_sessions_taught",
        help_text=_("An employee or a resident."),
    )
    cancelled = models.BooleanField(_("cancelled"), default=False)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["start", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="school_coursesession_ends_after_start"
            ),
        ]
        indexes = [
            # "My lessons" and the teacher's part of the calendar feed.
            models.Index(fields=["teacher", "start"], name="school_session_teacher_idx"),
            # A run's schedule: first start, last end, its sessions in order.
            models.Index(fields=["run", "start"], name="school_session_run_start_idx"),
        ]

    def __str__(self):
        local = timezone.localtime(self.start)
        return f"{self.run.course} {local:%Y-%m-%d %H:%M}"

    def has_started(self, now=None):
        return self.start <= (now or timezone.now())
