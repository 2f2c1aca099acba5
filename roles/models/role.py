from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    TECHNIEK = "techniek", _("Technical")
    BEHEER = "beheer", _("Management")
    KLANT = "klant", _("Customer")
    SOCIAAL = "sociaal", _("Social")


class Grade(models.IntegerChoices):
    EXECUTIVE = 1, _("Grade 1")
    EXECUTIVE_TRAINED = 2, _("Grade 2")
    TACTICAL = 3, _("Grade 3")
    STRATEGIC = 4, _("Grade 4")


# What each grade means, from the matrix "Waar kan welke huurder wat?".
GRADE_LEVEL = {
    1: _("executive"),
    2: _("executive"),
    3: _("tactical"),
    4: _("strategic"),
}
GRADE_TRAINING = {
    1: _("little training"),
    2: _("basic training"),
    3: _("basic training"),
    4: _("intensive training"),
}


class RoleQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Role(models.Model):
    """One cell entry of the matrix: a kind of work a resident can do for the corporation."""

    class Eligibility(models.TextChoices):
        EVERYONE = "everyone", _("Tenants and home seekers")
        TENANTS = "tenants", _("Tenants only")
        HOME_SEEKERS = "home_seekers", _("Home seekers only")
        COMPLEX = "complex", _("Tenants of one complex")

    name = models.CharField(_("name"), max_length=120, unique=True)
    name_en = models.CharField(_("name in English"), max_length=120, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    grade = models.PositiveSmallIntegerField(_("grade"), choices=Grade.choices)
    description = models.TextField(_("description"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    time_commitment = models.CharField(
        _("time commitment"),
        max_length=120,
        blank=True,
        help_text=_("For example: 2 hours a week."),
    )
    time_commitment_en = models.CharField(
        _("time commitment in English"), max_length=120, blank=True
    )
    eligibility = models.CharField(
        _("who may take it"),
        max_length=20,
        choices=Eligibility.choices,
        default=Eligibility.EVERYONE,
    )
    eligible_complex = models.ForeignKey(
        "tenants.Complex",
        verbose_name=_("only for tenants of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    vog_required = models.BooleanField(
        _("certificate of conduct (VOG) needed"),
        default=False,
        help_text=_("For work with vulnerable people."),
    )
    decided_by_tenants_organisation = models.BooleanField(
        _("decided by the tenants' organisation"),
        default=False,
        help_text=_("For the tenant seats on the supervisory board."),
    )
    required_courses = models.ManyToManyField(
        "school.Course",
        verbose_name=_("courses to complete first"),
        blank=True,
        related_name="unlocks_roles",
    )
    months_in_grade_below = models.PositiveSmallIntegerField(
        _("months in the grade below"),
        null=True,
        blank=True,
        help_text=_(
            "When set: the resident must have held a role one grade lower, in any "
            "category, for at least this many months."
        ),
    )
    arrangement = models.ForeignKey(
        "rewards.Arrangement",
        verbose_name=_("reward arrangement"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="roles",
        help_text=_("What a holder gets for approved hours."),
    )
    talents = models.ManyToManyField(
        "tenants.Talent",
        verbose_name=_("talents that fit"),
        blank=True,
        related_name="roles",
        help_text=_("Used to suggest this role to residents with these talents."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    position = models.PositiveSmallIntegerField(_("order in the cell"), default=0)

    objects = RoleQuerySet.as_manager()

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        ordering = ["category", "grade", "position", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(grade__gte=1, grade__lte=4), name="roles_role_grade_1_to_4"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(eligibility="complex", eligible_complex__isnull=False)
                    | (~models.Q(eligibility="complex") & models.Q(eligible_complex__isnull=True))
                ),
                name="roles_role_complex_only_when_restricted",
            ),
        ]

    def __str__(self):
        return self.name

    def _localized(self, field):
        english = getattr(self, f"{field}_en")
        if english and (get_language() or "nl").startswith("en"):
            return english
        return getattr(self, field)

    @property
    def display_name(self):
        return self._localized("name")

    @property
    def display_description(self):
        return self._localized("description")

    @property
    def display_time_commitment(self):
        return self._localized("time_commitment")

    @property
    def level(self):
        return GRADE_LEVEL[self.grade]

    @property
    def training(self):
        return GRADE_TRAINING[self.grade]
