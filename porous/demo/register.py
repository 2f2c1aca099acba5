"""Builds the register: neighbourhoods and complexes up front, dwellings and households lazily.

Only the complex plans (a few thousand at 100,000 households) are held in memory; dwellings and
households are generated one at a time, so the caller can save them in batches.
"""

import datetime
import math
from dataclasses import dataclass

from tenants.models import Complex, Dwelling, Household, Neighbourhood

from .places import (
    ADDRESSES_PER_POSTCODE,
    COMPLEX_KIND_WEIGHTS,
    COMPLEX_KINDS,
    NEIGHBOURHOODS,
    STREETS,
    PostcodeAllocator,
)

# Age of the main tenant: ((youngest, oldest), weight), roughly the social rented sector.
AGE_BANDS = [
    ((18, 24), 6),
    ((25, 34), 14),
    ((35, 44), 15),
    ((45, 54), 16),
    ((55, 64), 17),
    ((65, 74), 16),
    ((75, 84), 11),
    ((85, 97), 5),
]
PERSONS = {
    "family": [15, 22, 22, 24, 17],
    "porch": [45, 30, 14, 8, 3],
    "gallery": [50, 28, 13, 6, 3],
    "apartments": [48, 32, 12, 6, 2],
    "senior": [65, 35, 0, 0, 0],
    "young": [90, 10, 0, 0, 0],
}
EARLIEST_TENANCY = datetime.date(1962, 1, 1)
SHARE_NEW = 0.04  # started in the last nine weeks: welcome visits
SHARE_ANNIVERSARY = 0.05  # started in this calendar month, one or more years ago


@dataclass
class ComplexPlan:
    complex: Complex
    kind: str
    size: int
    street: str
    town: str
    postcodes: PostcodeAllocator


def neighbourhood_count(households):
    return min(len(NEIGHBOURHOODS), households, max(4, math.ceil(math.sqrt(households) / 4)))


def _sizes(rng, kinds, households):
    """Typical sizes per kind, scaled so they add up to exactly `households`."""
    raw = [rng.randint(*COMPLEX_KINDS[kind][1]) for kind in kinds]
    factor = households / sum(raw)
    sizes = [max(1, int(size * factor)) for size in raw]
    index = 0
    while (diff := households - sum(sizes)) != 0:
        i = index % len(sizes)
        if diff > 0:
            sizes[i] += 1
        elif sizes[i] > 1:
            sizes[i] -= 1
        index += 1
    return sizes


def create_places(rng, households):
    """Save the neighbourhoods and complexes; return the complex plans in order."""
    chosen = NEIGHBOURHOODS[: neighbourhood_count(households)]
    neighbourhoods = Neighbourhood.objects.bulk_create(
        [Neighbourhood(code=code, name=name) for _, code, _, name, _ in chosen]
    )
    allocators = [PostcodeAllocator(digits) for _, _, digits, _, _ in chosen]
    weights = [rng.uniform(0.6, 1.6) for _ in chosen]
    count = min(households, max(4 * len(chosen), round(households / 42)))
    kinds = ["porch"] + rng.choices(
        list(COMPLEX_KIND_WEIGHTS), weights=list(COMPLEX_KIND_WEIGHTS.values()), k=count - 1
    )
    plans, names = [], set()
    for number, (kind, size) in enumerate(zip(kinds, _sizes(rng, kinds, households), strict=True)):
        # Every neighbourhood gets two complexes first, then bigger ones get more.
        if number < 2 * len(chosen):
            where = number % len(chosen)
        else:
            where = rng.choices(range(len(chosen)), weights=weights)[0]
        town, code, _, _, theme = chosen[where]
        street = rng.choice(STREETS[theme])
        name = f"{COMPLEX_KINDS[kind][0]} {street}"
        for phase in range(2, 1000):
            if name not in names:
                break
            name = f"{COMPLEX_KINDS[kind][0]} {street} {phase}"
        names.add(name)
        complex_obj = Complex(
            code=f"{code}-{number + 1:04d}", name=name, neighbourhood=neighbourhoods[where]
        )
        plans.append(ComplexPlan(complex_obj, kind, size, street, town, allocators[where]))
    Complex.objects.bulk_create([plan.complex for plan in plans], batch_size=2000)
    return plans


def iter_dwellings(rng, plans):
    """Yield (dwelling, kind) for every planned dwelling, street numbers running on."""
    next_number = {}
    for plan in plans:
        _, _, step, suffixes = COMPLEX_KINDS[plan.kind]
        per_postcode = 2 * len(suffixes) if suffixes else ADDRESSES_PER_POSTCODE
        key = (plan.town, plan.street)
        first = next_number.get(key, rng.choice([1, 2]))
        postcode, number = None, first
        for i in range(plan.size):
            if i % per_postcode == 0:
                postcode = plan.postcodes.next()
            if suffixes:
                entrance, floor = divmod(i, len(suffixes))
                number, suffix = first + entrance * step, suffixes[floor]
            else:
                number, suffix = first + i * step, ""
            dwelling = Dwelling(
                complex=plan.complex,
                street=plan.street,
                house_number=number,
                house_number_suffix=suffix,
                postcode=postcode,
                city=plan.town,
            )
            yield dwelling, plan.kind
        # Leave a gap, keep odd and even on their own side of the street.
        next_number[key] = number + step * rng.randint(1, 4)


def main_tenant_age(rng, kind):
    if kind == "young":
        return rng.randint(18, 27)
    if kind == "senior":
        return round(rng.triangular(58, 97, 78))
    (youngest, oldest) = rng.choices(
        [band for band, _ in AGE_BANDS], weights=[w for _, w in AGE_BANDS]
    )[0]
    return rng.randint(youngest, oldest)


def tenancy_start(rng, kind, age, today):
    """Spread over decades, with some new tenancies and some anniversaries this month."""
    adult_years = age - (57 if kind == "senior" else 18)
    max_years = max(0, min(adult_years, 5 if kind == "young" else 99))
    max_years = min(max_years, today.year - EARLIEST_TENANCY.year)
    draw = rng.random()
    if draw < SHARE_NEW or max_years < 1:
        return today - datetime.timedelta(days=rng.randint(1, 63))
    if draw < SHARE_NEW + SHARE_ANNIVERSARY:
        round_years = [y for y in (1, 5, 10, 12, 25, 40, 50) if y <= max_years]
        years = rng.choice(round_years) if rng.random() < 0.5 else rng.randint(1, max_years)
        return datetime.date(today.year - years, today.month, rng.randint(1, 28))
    years = rng.expovariate(1 / (2 if kind == "young" else 18))
    if years > max_years:  # not before the tenant was an adult: anywhere in between
        years = rng.uniform(0, max_years)
    return today - datetime.timedelta(days=max(64, int(years * 365.25)))


def build_household(rng, dwelling, kind, today, number):
    age = main_tenant_age(rng, kind)
    persons = rng.choices([1, 2, 3, 4, 5], weights=PERSONS[kind])[0]
    if age < 25 or age > 70:
        persons = min(persons, 2)
    return Household(
        dwelling=dwelling,
        neighbourhood_id=dwelling.complex.neighbourhood_id,
        contract_number=f"HK-{number:07d}",
        tenancy_start=tenancy_start(rng, kind, age, today),
        main_tenant_birth_year=today.year - age,
        persons=persons,
    )
