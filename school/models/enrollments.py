import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .courses import CourseRun, CourseSession


class EnrollmentQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=Enrollment.Status.WITHDRAWN)

    def holding_place(self):
        return self.filter(status__in=Enrollment.HOLDS_PLACE)

    def waitlisted(self):
        """The waiting list, first come first served."""
        return self.filter(status=Enrollment.Status.WAITLISTED).order_by("created_at", "pk")


class Enrollment(models.Model):
    """A learner in a course run: enrolled, on the waiting list, withdrawn or completed."""

    class Status(models.TextChoices):
        ENROLLED = "enrolled", _("Enrolled")
        WAITLISTED = "waitlisted", _("On the waiting list")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        COMPLETED = "completed", _("Completed")

    HOLDS_PLACE = (Status.ENROLLED, Status.COMPLETED)

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="school_enrollments",
    )
    run = models.ForeignKey(
        CourseRun,
        verbose_name=_("course run"),
        on_delete=models.PROTECT,
        related_name="enrollments",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    # The waiting list is ordered by this: first come, first served.
    created_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("completed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = EnrollmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["created_at", "pk"]
        constraints = [
            # Withdrawn rows stay as history; a learner can enrol again later.
            models.UniqueConstraint(
                fields=["learner", "run"],
                condition=~Q(status="withdrawn"),
                name="school_enrollment_one_active_per_learner",
            ),
            models.CheckConstraint(
                condition=Q(status="completed", completed_at__isnull=False)
                | (~Q(status="completed") & Q(completed_at__isnull=True)),
                name="school_enrollment_completed_has_date",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["enrolled", "waitlisted", "withdrawn", "completed"]),
                name="school_enrollment_status_valid",
            ),
        ]
        indexes = [
            # Places taken in a run, and its waiting list in order.
            models.Index(fields=["run", "status", "created_at"], name="school_enrollment_run_idx"),
        ]

    def __str__(self):
        return f"{self.learner} – {self.run}"

    @property
    def holds_place(self):
        return self.status in self.HOLDS_PLACE


class Attendance(models.Model):
    """Whether an enrolled learner was at one session, as registered by the teacher."""

    enrollment = models.ForeignKey(
        Enrollment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    session = models.ForeignKey(
        CourseSession,
        verbose_name=_("session"),
        on_delete=models.PROTECT,
        related_name="attendances",
    )
    present = models.BooleanField(_("present"), default=True)
    registered_at = models.DateTimeField(_("registered at"), auto_now=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["session", "enrollment"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "session"], name="school_attendance_once_per_session"
            ),
        ]

    def __str__(self):
        return f"{self.enrollment.learner} @ {self.session}"


def certificate_code_new():
    # 128 random bits: nobody finds another person's certificate by trying codes.
    return secrets.token_urlsafe(16)


class CertificateQuerySet(models.QuerySet):
    def valid(self):
        return self.filter(revoked_at__isnull=True)


class Certificate(models.Model):
    """Proof of a completed course. Name, course and hours are copied at issue, so the
    certificate says the same thing later, even when the course is renamed."""

    ISSUER = "Huurdersschool – Mijn woningbouw"

    enrollment = models.OneToOneField(
        Enrollment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="certificate",
    )
    code = models.CharField(
        _("verification code"), max_length=43, unique=True, default=certificate_code_new
    )
    learner_name = models.CharField(_("name on the certificate"), max_length=150)
    course_title = models.CharField(_("course"), max_length=150)
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1)
    completed_on = models.DateField(_("completed on"))
    issued_at = models.DateTimeField(_("issued at"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_reason = models.TextField(_("reason for revoking"), blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | ~Q(revoked_reason=""),
                name="school_certificate_revoked_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.learner_name} – {self.course_title}"

    def get_absolute_url(self):
        return reverse("certificates:certificate-verify", args=[self.code])

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def verification_url(self):
        return settings.SITE_URL.rstrip("/") + self.get_absolute_url()
