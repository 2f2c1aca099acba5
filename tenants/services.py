from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Resident
from .selectors import household_for_signup


@transaction.atomic
def resident_register_tenant(*, user, contract_number, postcode, house_number, birth_date=None):
    """Link a new account to its household, proven by contract number, postcode and number."""
    household = household_for_signup(
        contract_number=contract_number, postcode=postcode, house_number=house_number
    )
    if household is None:
        raise ValidationError(
            _(
                "We cannot find a tenancy with this contract number, postcode and house "
                "number. Check the numbers on your rental contract."
            ),
            code="household_not_found",
        )
    return Resident.objects.create(
        user=user, kind=Resident.Kind.TENANT, household=household, birth_date=birth_date
    )


@transaction.atomic
def resident_register_home_seeker(*, user, registration_number, birth_date=None):
    registration_number = (registration_number or "").strip().upper()
    if not registration_number:
        raise ValidationError(_("Enter your registration number."), code="required")
    if Resident.objects.filter(registration_number=registration_number).exists():
        raise ValidationError(
            _("This registration number already has an account. Log in or reset your password."),
            code="registration_number_taken",
        )
    return Resident.objects.create(
        user=user,
        kind=Resident.Kind.HOME_SEEKER,
        registration_number=registration_number,
        birth_date=birth_date,
    )
