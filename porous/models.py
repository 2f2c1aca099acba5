from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    """Users log in with their email address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """Everyone who logs in: residents and staff. Staff status comes from the groups."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="nl",
        help_text=_("Emails are sent in this language."),
    )
    team = models.ForeignKey(
        "porous.Team",
        verbose_name=_("team"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
    )
    has_visit_duty = models.BooleanField(
        _("visit duty"),
        default=False,
        help_text=_("Makes one home visit a week."),
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["full_name"]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @cached_property
    def group_names(self):
        """The names of the user's groups: from the prefetch cache when the caller prefetched
        groups, else one query, then kept on this object. A request's user is loaded afresh
        for every request, so a page that checks several groups asks once."""
        prefetched = getattr(self, "_prefetched_objects_cache", {}).get("groups")
        if prefetched is not None:
            return frozenset(group.name for group in prefetched)
        return frozenset(self.groups.values_list("name", flat=True))

    def in_group(self, name):
        return name in self.group_names

    @property
    def is_employee(self):
        return self.in_group(GroupName.EMPLOYEE) or self.is_superuser


class GroupName:
    """The staff groups created by migration 0002; their permissions live there too."""

    EMPLOYEE = "employee"
    COORDINATOR = "coordinator"
    MANAGER = "manager"
    ADMINISTRATOR = "administrator"
    # Members of the tenants' organisation decide on the tenant seats of the supervisory board.
    TENANTS_ORGANISATION = "tenants_organisation"
    ALL = (EMPLOYEE, COORDINATOR, MANAGER, ADMINISTRATOR, TENANTS_ORGANISATION)


class Team(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("manager"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="managed_teams",
    )

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["name"]
        # The dashboard shows every team's figures, so its permission lives here.
        permissions = [("view_dashboard", _("Can see the managers' dashboard"))]

    def __str__(self):
        return self.name


class ReminderQuerySet(models.QuerySet):
    def due(self, now):
        return self.filter(sent_at__isnull=True, due_at__lte=now)


class Reminder(models.Model):
    """One email that must go out once: "your course session is tomorrow", "no visit planned".

    Apps create rows ahead of time (or from a sweep); a periodic task claims due rows with a
    conditional update and sends them, so a retried, doubled or killed task never sends twice.
    A mail about a decision is a row too, written with its text (porous.notify), so that a
    mail server that is away delays it instead of losing it.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    kind = models.CharField(_("kind"), max_length=60)
    # What the reminder is about, unique per recipient and kind: "session:42", "2026-W48".
    key = models.CharField(_("about"), max_length=60)
    object_id = models.PositiveBigIntegerField(_("object"), null=True, blank=True)
    due_at = models.DateTimeField(_("due"))
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    skipped = models.BooleanField(
        _("skipped"), default=False, help_text=_("No longer needed when it came due.")
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # Only for a mail written in advance (porous.notify), until it is sent; other kinds
    # render when due.
    subject = models.TextField(_("subject"), blank=True)
    body = models.TextField(_("text"), blank=True)

    objects = ReminderQuerySet.as_manager()

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-due_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "key"], name="porous_reminder_once_per_recipient"
            ),
        ]
        indexes = [
            # The sweep: unsent rows that are due, oldest first.
            models.Index(
                fields=["due_at"],
                condition=models.Q(sent_at__isnull=True),
                name="porous_reminder_unsent_idx",
            ),
        ]

    def __str__(self):
        return f"{self.kind} {self.key} → {self.recipient_id}"
