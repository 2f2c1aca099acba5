from .models import Household, normalize_postcode


def household_for_signup(*, contract_number, postcode, house_number):
    """The current household that matches all three facts from the tenancy contract, or None."""
    return (
        Household.objects.filter(
            contract_number__iexact=(contract_number or "").strip(),
            dwelling__postcode=normalize_postcode(postcode),
            dwelling__house_number=house_number,
            tenancy_end__isnull=True,
        )
        .select_related("dwelling")
        .first()
    )
