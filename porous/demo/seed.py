"""The whole demo seed, in one transaction: catalogue, register, residents, home seekers, staff.

Deterministic for a given seed and day (dates are relative to today, so that new tenancies and
this month's anniversaries always exist).
"""

import datetime
import math
import random
import sys
from itertools import islice

from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from porous.models import Team, User
from roles.models import Role
from tenants.models import Dwelling, Household, Neighbourhood, Resident

from .catalogue import EXTRA_ROLES, complex_role
from .logins import DEMO_HOME_SEEKER, DEMO_LOGINS, DEMO_TENANT
from .people import BATCH_SIZE, People, home_seeker_account, registration_number, tenant_accounts
from .profiles import TALENTS
from .register import build_household, create_places, iter_dwellings
from .staff import create_staff, give_staff_the_demo_app, staff_total

DEFAULT_HOUSEHOLDS = 400


def tenant_share(households):
    """Share of households with a tenant account: 15% at the default size, 25% at 100,000."""
    if households <= DEFAULT_HOUSEHOLDS:
        return 0.15
    growth = math.log10(households / DEFAULT_HOUSEHOLDS) / math.log10(250)
    return min(0.25, 0.15 + 0.10 * growth)


def account_likelihood(age):
    """Older tenants use the portal less; young ones a little more."""
    if age < 35:
        return 1.3
    return 1.0 if age < 65 else 0.7 if age < 80 else 0.3


def home_seeker_count(households):
    return max(2, round(households * tenant_share(households) / 4))


def database_has_data():
    """Why seeding would clash with what is there, or '' when the database is empty enough."""
    for model, what in (
        (Household, "households"),
        (Neighbourhood, "neighbourhoods"),
        (Team, "teams"),
    ):
        if model.objects.exists():
            return f"the database already has {what}"
    taken = User.objects.filter(email__in=[login.email for login in DEMO_LOGINS])
    if taken.exists():
        return f"the demo login {taken.first().email} already exists"
    return ""


def _bar(progress, total, desc, unit):
    return tqdm(total=total, desc=desc, unit=unit, disable=not progress, file=sys.stderr)


def _chunks(iterable, size):
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def create_roles(plans):
    """The extra roles (by slug, safe to repeat) and one role for a single complex."""
    for position, data in enumerate(EXTRA_ROLES, start=100):
        Role.objects.update_or_create(slug=data["slug"], defaults={**data, "position": position})
    flats = [plan for plan in plans if plan.kind in ("gallery", "apartments")] or plans
    data = complex_role(flats[0].complex)
    Role.objects.update_or_create(slug=data["slug"], defaults={**data, "position": 200})
    return len(EXTRA_ROLES) + 1


def _demo_tenant(people, household, today):
    # A young tenant in a porch flat, about three years in.
    household.main_tenant_birth_year = today.year - 31
    household.tenancy_start = today - datetime.timedelta(days=3 * 365 + 40)
    household.persons = 2
    user = people.user(DEMO_TENANT.full_name, email=DEMO_TENANT.email, language="nl")
    people.resident(
        user,
        kind=Resident.Kind.TENANT,
        household=household,
        birth=datetime.date(household.main_tenant_birth_year, 3, 14),
        languages="Nederlands, Arabisch, Engels",
        availability="Doordeweeks 's avonds",
        wants_to_help_with="Ik ben handig met gereedschap. Ik wil ook nieuwe buren welkom heten.",
        talents=["klussen", "schilderen", "koken"],
    )


def _demo_home_seeker(people, today):
    user = people.user(DEMO_HOME_SEEKER.full_name, email=DEMO_HOME_SEEKER.email, language="nl")
    people.resident(
        user,
        kind=Resident.Kind.HOME_SEEKER,
        birth=datetime.date(today.year - 24, 9, 2),
        registration_number=registration_number(today.year - 4, 1),
        languages="Nederlands, Engels",
        availability="In het weekend",
        wants_to_help_with="Ik wil meedenken over hoe de nieuwe woningen eruit moeten zien.",
        talents=["computerhulp", "organiseren"],
    )


def _households(rng, place_rng, people, plans, households, today, progress):
    share = tenant_share(households)
    number = 0
    with _bar(progress, households, "Dwellings and households", "households") as bar:
        for chunk in _chunks(iter_dwellings(place_rng, plans), BATCH_SIZE):
            dwellings = Dwelling.objects.bulk_create([d for d, _ in chunk], batch_size=BATCH_SIZE)
            batch = []
            for dwelling, (_, kind) in zip(dwellings, chunk, strict=True):
                number += 1
                batch.append(build_household(rng, dwelling, kind, today, number))
                if number == 1:
                    _demo_tenant(people, batch[-1], today)
                elif rng.random() < share * account_likelihood(
                    today.year - batch[-1].main_tenant_birth_year
                ):
                    tenant_accounts(people, batch[-1], today)
            Household.objects.bulk_create(batch, batch_size=BATCH_SIZE)
            people.flush()
            bar.update(len(chunk))


def seed_activity(rng, progress):
    """What the people do: courses, rewards, roles and home visits, each app's own seed.

    Order matters: roles need the courses and arrangements, visits need the openings.
    """
    from rewards.demo import seed_rewards
    from roles.demo import seed_roles
    from school.demo import seed_school
    from visits.demo import seed_visits

    counts = {}
    # Each step shows its own bar: at 100,000 households the visits alone take minutes.
    for seed in [seed_school, seed_rewards, seed_roles, seed_visits]:
        counts.update(seed(rng=rng, progress=progress))
    return counts


def seed_demo(*, households=DEFAULT_HOUSEHOLDS, seed=1, progress=True):
    """Build the demo corporation; returns the counts of what was created."""
    if households < 1:
        raise ValueError("At least one household is needed (the demo tenant lives in it).")
    rng = random.Random(seed)
    # Places draw from their own stream, so the data does not depend on the batch size.
    place_rng = random.Random(f"{seed}:places")
    today = timezone.localdate()
    with transaction.atomic():
        with _bar(progress, 2, "Neighbourhoods, complexes and roles", "steps") as bar:
            people = People(rng, today)
            plans = create_places(place_rng, households)
            bar.update()
            roles = create_roles(plans)
            bar.update()

        _households(rng, place_rng, people, plans, households, today, progress)
        tenants = people.saved["tenants"]

        seekers = home_seeker_count(households)
        with _bar(progress, seekers, "Home seekers", "people") as bar:
            _demo_home_seeker(people, today)
            bar.update()
            for number in range(2, seekers + 1):
                home_seeker_account(people, number, today)
                bar.update()
            people.flush()

        with _bar(progress, staff_total(households), "Staff and teams", "people") as bar:
            users_before = people.saved["users"]
            teams = create_staff(people, households, today, bar)
            staff = people.saved["users"] - users_before

        activity = seed_activity(rng, progress)
        with_app = give_staff_the_demo_app()

    return {
        **activity,
        "neighbourhoods": len({plan.complex.neighbourhood_id for plan in plans}),
        "complexes": len(plans),
        "dwellings and households": households,
        "tenant accounts": tenants,
        "home seekers": people.saved["home_seekers"],
        "staff": staff,
        "staff with the demo authenticator app": with_app,
        "teams": teams,
        "talents": len(TALENTS),
        "extra roles (created or updated)": roles,
        "users with a verified email address": people.saved["users"],
    }
