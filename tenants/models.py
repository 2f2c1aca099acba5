import re

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _

POSTCODE_RE = re.compile(r"^\s*(\d{4})\s*([A-Za-z]{2})\s*$")


def normalize_postcode(value):
    """'1234 ab' and '1234AB' are the same postcode: store and compare as '1234AB'."""
    match = POSTCODE_RE.match(value or "")
    if not match:
        return (value or "").strip().upper()
    return f"{match.group(1)}{match.group(2).upper()}"


postcode_validator = RegexValidator(
    r"^\d{4}[A-Z]{2}$", _("Enter a Dutch postcode: four digits and two letters, like 1234 AB.")
)


class Neighbourhood(models.Model):
    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("neighbourhood")
        verbose_name_plural = _("neighbourhoods")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Complex(models.Model):
    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=100)
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        related_name="complexes",
    )

    class Meta:
        verbose_name = _("complex")
        verbose_name_plural = _("complexes")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        new = self._state.adding
        super().save(*args, **kwargs)
        if not new:  # moving a complex to another neighbourhood moves its households' copy
            copy_neighbourhoods(Household.objects.filter(dwelling__complex=self))


class Dwelling(models.Model):
    complex = models.ForeignKey(
        Complex, verbose_name=_("complex"), on_delete=models.PROTECT, related_name="dwellings"
    )
    street = models.CharField(_("street"), max_length=100)
    house_number = models.PositiveIntegerField(_("house number"))
    house_number_suffix = models.CharField(_("addition"), max_length=10, blank=True)
    postcode = models.CharField(_("postcode"), max_length=6, validators=[postcode_validator])
    city = models.CharField(_("city"), max_length=100)

    class Meta:
        verbose_name = _("dwelling")
        verbose_name_plural = _("dwellings")
        ordering = ["postcode", "house_number", "house_number_suffix"]
        constraints = [
            models.UniqueConstraint(
                fields=["postcode", "house_number", "house_number_suffix"],
                name="tenants_dwelling_unique_address",
            )
        ]
        # The unique address also serves "find a household by postcode (+ number)".

    def __str__(self):
        return f"{self.street} {self.house_number}{self.house_number_suffix}, {self.city}"

    def save(self, *args, **kwargs):
        new = self._state.adding
        super().save(*args, **kwargs)
        if not new:  # moved to another complex (a new dwelling has no households yet)
            copy_neighbourhoods(self.households.all())

    @property
    def address(self):
        suffix = f"-{self.house_number_suffix}" if self.house_number_suffix else ""
        return f"{self.street} {self.house_number}{suffix}"

    @property
    def postcode_display(self):
        return f"{self.postcode[:4]} {self.postcode[4:]}" if len(self.postcode) == 6 else ""


REACH_COPIES = ("first_reached_on", "last_reached_on")


class Household(models.Model):
    """A tenancy: one contract for one dwelling. Most households never log in."""

    dwelling = models.ForeignKey(
        Dwelling, verbose_name=_("dwelling"), on_delete=models.PROTECT, related_name="households"
    )
    contract_number = models.CharField(_("contract number"), max_length=30, unique=True)
    tenancy_start = models.DateField(_("tenancy start"))
    tenancy_end = models.DateField(_("tenancy end"), null=True, blank=True)
    main_tenant_birth_year = models.PositiveSmallIntegerField(
        _("birth year of the main tenant"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    persons = models.PositiveSmallIntegerField(
        _("number of persons"), default=1, validators=[MinValueValidator(1)]
    )
    # A copy of dwelling -> complex -> neighbourhood, so that counting all households per
    # neighbourhood (the dashboard's reach and representativeness) reads one table, not
    # three joined. Kept in step by save() here and in Dwelling and Complex, and by
    # copy_neighbourhoods() after bulk writes (the register import, the demo data).
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        related_name="households",
        editable=False,
    )
    # The first and the last day somebody of the corporation talked with the household at
    # home: copies of its visits, kept in step by visits.services.reach. With them the
    # dashboard counts the households reached in the pass over this table it makes anyway,
    # instead of grouping some 120,000 visits per household first.
    first_reached_on = models.DateField(
        _("first reached on"), null=True, blank=True, editable=False
    )
    last_reached_on = models.DateField(_("last reached on"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")
        ordering = ["contract_number"]
        indexes = [
            # Welcome visits and anniversaries: tenancies by start date.
            models.Index(fields=["tenancy_start"], name="tenants_household_start_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(persons__gte=1), name="tenants_household_persons_positive"
            ),
            # Sign-up matches contract numbers without regard to case: so must uniqueness.
            models.UniqueConstraint(
                Upper("contract_number"), name="tenants_household_contract_number_ci_unique"
            ),
        ]

    def __str__(self):
        return self.contract_number

    def save(self, *args, update_fields=None, **kwargs):
        if update_fields is None or {"dwelling", "dwelling_id"} & set(update_fields):
            self.neighbourhood_id = Complex.objects.values_list("neighbourhood", flat=True).get(
                dwellings=self.dwelling_id
            )
            if update_fields is not None:
                update_fields = {*update_fields, "neighbourhood"}
        if update_fields is None and not self._state.adding:
            # The copies of the reached visits are written by visits.services.reach alone: a
            # household loaded before a visit was logged must not put back what it read then.
            update_fields = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name not in REACH_COPIES
            ]
        super().save(*args, update_fields=update_fields, **kwargs)


def copy_neighbourhoods(households=None):
    """Give the households (all of them by default) the neighbourhood of their dwelling's
    complex where it differs: one UPDATE. Used by the saves above and after writes that
    bypass save()."""
    households = Household.objects.all() if households is None else households
    source = Dwelling.objects.filter(pk=OuterRef("dwelling")).values("complex__neighbourhood")
    return households.exclude(neighbourhood=F("dwelling__complex__neighbourhood")).update(
        neighbourhood=Subquery(source[:1])
    )


class Talent(models.Model):
    """Something a resident can and wants to do: painting, languages, listening."""

    name = models.CharField(_("name"), max_length=60, unique=True)
    name_en = models.CharField(_("name in English"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("talent")
        verbose_name_plural = _("talents")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Resident(models.Model):
    """The profile of a tenant or home seeker who has an account."""

    class Kind(models.TextChoices):
        TENANT = "tenant", _("Tenant")
        HOME_SEEKER = "home_seeker", _("Home seeker")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="resident",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    household = models.ForeignKey(
        Household,
        verbose_name=_("household"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="residents",
    )
    registration_number = models.CharField(
        _("registration number"),
        max_length=30,
        blank=True,
        help_text=_("The number you got when you registered as a home seeker."),
    )
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    languages = models.CharField(_("languages"), max_length=200, blank=True)
    talents = models.ManyToManyField(
        Talent, verbose_name=_("talents"), blank=True, related_name="residents"
    )
    availability = models.CharField(_("availability"), max_length=200, blank=True)
    wants_to_help_with = models.TextField(_("I want to help with"), blank=True)
    vog_valid_until = models.DateField(
        _("certificate of conduct (VOG) valid until"),
        null=True,
        blank=True,
        help_text=_("Filled in by the corporation after checking the VOG."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # After an account is erased (porous/privacy/erase.py) the row stays, without anything
    # personal, so the statistics still count what the person did: the kind, the birth year
    # (as 1 January) and the neighbourhood instead of the household.
    erased_at = models.DateTimeField(_("erased at"), null=True, blank=True)
    erased_neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood (kept after erasure)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("resident")
        verbose_name_plural = _("residents")
        ordering = ["user__full_name"]
        constraints = [
            # A tenant belongs to a household; a home seeker has none yet; an erased account
            # has none any more.
            models.CheckConstraint(
                condition=(
                    models.Q(kind="tenant", household__isnull=False)
                    | models.Q(kind="home_seeker", household__isnull=True)
                    | models.Q(erased_at__isnull=False, household__isnull=True)
                ),
                name="tenants_resident_household_matches_kind",
            ),
            models.UniqueConstraint(
                fields=["registration_number"],
                condition=~models.Q(registration_number=""),
                name="tenants_resident_unique_registration_number",
            ),
        ]

    def __str__(self):
        return str(self.user)

    @property
    def is_tenant(self):
        return self.kind == self.Kind.TENANT

    def has_valid_vog(self, on):
        return self.vog_valid_until is not None and self.vog_valid_until >= on
