"""Demo rewards: every kind of arrangement, this year's limits, and grants in every status for
residents already in the database. Grants go through the services, so the demo keeps the tax
rules like real use does.

    seed_rewards(rng=random.Random(1))       # after the residents and staff exist
"""

import datetime
import random
import sys
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from tqdm import tqdm

from porous.models import GroupName, User
from tenants.models import Resident

from . import services
from .models import AllowanceLimit, Arrangement, Grant, first_of_month
from .rules import is_21_or_over

K, U = Arrangement.Kind, Arrangement.Unit
D = Decimal

ARRANGEMENTS = [
    # name, kind, unit, default amount, yearly budget, description
    ("Vrijwilligersvergoeding per uur", K.ALLOWANCE, U.PER_HOUR, D("5.00"), D("60000"),
     "Voor werk dat u in uren bijhoudt, zoals klussen of een buddy zijn."),
    ("Vrijwilligersvergoeding per taak", K.ALLOWANCE, U.PER_TASK, D("25.00"), D("20000"),
     "Een vast bedrag voor een klus, zoals een mystery-guestbezoek."),
    ("Vrijwilligersvergoeding per maand", K.ALLOWANCE, U.PER_MONTH, D("50.00"), D("25000"),
     "Voor vaste rollen, zoals lid van de huurdersbelangenorganisatie."),
    ("Gereedschap", K.MATERIAL, U.ONCE, D("40.00"), D("1500"),
     "Gereedschap dat u houdt, voor klussen in uw complex."),
    ("Waardebon", K.MATERIAL, U.ONCE, D("25.00"), D("4000"), "Een cadeaubon als dank."),
    ("Training", K.TRAINING, U.ONCE, None, None,
     "Een cursus buiten de Huurdersschool, die de corporatie betaalt."),
    ("Gebruik van de werkplaats", K.FACILITY, U.PER_MONTH, None, None,
     "De werkplaats van de corporatie gebruiken voor uw eigen klussen."),
    ("Koffie op kantoor", K.INVITATION, U.ONCE, None, None,
     "Kom koffie drinken met de medewerkers op kantoor."),
    ("Vrijdagmiddagborrel", K.INVITATION, U.ONCE, None, None,
     "Een uitnodiging voor de borrel op vrijdagmiddag."),
    ("Tijdelijke huur in een gedeelde woning voor jonge woningzoekenden", K.TEMPORARY_TENANCY,
     U.PER_MONTH, None, None,
     "Een kamer in een gedeelde woning van de corporatie, zolang u meedoet."),
    ("Onkostenvergoeding", K.COST_REIMBURSEMENT, U.ONCE, None, D("3000"),
     "Echte kosten met een bonnetje, zoals reiskosten. Telt niet mee voor de grens."),
]  # fmt: skip

LIMITS = {
    "hourly_21_and_over": D("5.60"),
    "hourly_under_21": D("3.30"),
    "monthly": D("210.00"),
    "yearly": D("2100.00"),
}
IN_KIND = {
    "Gereedschap": "Een accuboormachine",
    "Waardebon": "Een waardebon van € 25 voor de bouwmarkt",
    "Training": "Cursus EHBO bij het Rode Kruis",
    "Gebruik van de werkplaats": "De werkplaats op dinsdagavond",
    "Koffie op kantoor": "Koffie met het team Wijkbeheer",
    "Vrijdagmiddagborrel": "De borrel van vrijdag de 28e",
    "Tijdelijke huur in een gedeelde woning voor jonge woningzoekenden": "Een kamer in de "
    "Lindenhof, voor zes maanden",
}
REASONS = [
    "Trappenhuis geschilderd",
    "Nieuwe buren welkom geheten",
    "Mystery-guestbezoek aan de balie",
    "Meegedacht over de renovatie",
    "Buddy voor een nieuwe bewoner",
    "Tuin van het complex bijgehouden",
    "Vergadering van de huurdersbelangenorganisatie",
    "Bezichtigingen beoordeeld met de vliegende brigade",
]
SAMPLE = 80  # residents with rewards: enough to show every case, small enough to stay quick
# On a large register one resident in a hundred has rewards, so the ledger grows with the data.
SAMPLE_SHARE = 100


def _months_back(month, count):
    for _ in range(count):
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    return month


def create_arrangements(today):
    start = datetime.date(today.year - 1, 1, 1)
    arrangements = {}
    for name, kind, unit, amount, budget, description in ARRANGEMENTS:
        arrangements[name], _ = Arrangement.objects.update_or_create(
            name=name,
            defaults={
                "kind": kind,
                "unit": unit,
                "default_amount": amount,
                "yearly_budget": budget,
                "description": description,
                "active_from": start,
            },
        )
    return arrangements


def create_limits(today):
    """This year's and last year's rows (the 2025 figures) when an administrator has not."""
    for year in (today.year - 1, today.year):
        AllowanceLimit.objects.get_or_create(year=year, defaults=LIMITS)


class _Granter:
    def __init__(self, rng, arrangements, coordinator):
        self.rng, self.arrangements, self.by = rng, arrangements, coordinator
        self.made = []
        self.near = set()  # grants that bring a resident close to a limit: never rejected

    def allowance(self, resident, month, *, target=None):
        """One allowance grant that fits the rules; None when the rules refuse it."""
        adult = is_21_or_over(resident.birth_date, month)
        rate = D("5.00") if adult else D("3.00")
        choice = self.rng.choice(["hour", "hour", "task", "month"])
        hours = None
        if choice == "hour":
            hours = D(self.rng.choice([2, 3, 4, 6, 8]))
            amount = rate * hours
            name = "Vrijwilligersvergoeding per uur"
        elif choice == "task":
            amount, name = D("25.00"), "Vrijwilligersvergoeding per taak"
        else:
            amount, name = D("50.00"), "Vrijwilligersvergoeding per maand"
        if target is not None:
            # Near the monthly limit: one grant of the amount still needed.
            amount, hours, name = target, None, "Vrijwilligersvergoeding per taak"
        return self._make(resident, name, month, amount=amount, hours=hours)

    def in_kind(self, resident, month, name):
        return self._make(resident, name, month, description=IN_KIND[name])

    def costs(self, resident, month):
        amount = D(self.rng.choice(["7.40", "12.50", "18.95", "32.00"]))
        return self._make(
            resident,
            "Onkostenvergoeding",
            month,
            amount=amount,
            description=self.rng.choice(["Reiskosten (bon)", "Verf en kwasten (bon)"]),
        )

    def _make(self, resident, name, month, **fields):
        try:
            grant = services.grant_create(
                resident=resident,
                arrangement=self.arrangements[name],
                month=month,
                reason=self.rng.choice(REASONS),
                proposed_by=self.by,
                **fields,
            )
        except ValidationError:
            return None
        self.made.append(grant)
        return grant


def _coordinator():
    return (
        User.objects.filter(groups__name=GroupName.COORDINATOR).order_by("pk").first()
        or User.objects.filter(is_superuser=True).order_by("pk").first()
    )


def _residents(rng):
    """A sample of the residents, plus the demo logins (always, with a warning to see)."""
    from porous.demo.logins import DEMO_HOME_SEEKER, DEMO_TENANT

    ids = list(Resident.objects.order_by("pk").values_list("pk", flat=True))
    size = max(SAMPLE, len(ids) // SAMPLE_SHARE)
    chosen = set(rng.sample(ids, min(size, len(ids))))
    demo = set(
        Resident.objects.filter(
            user__email__in=[DEMO_TENANT.email, DEMO_HOME_SEEKER.email]
        ).values_list("pk", flat=True)
    )
    residents = Resident.objects.filter(pk__in=chosen | demo).select_related("user")
    return list(residents.order_by("pk")), demo


def _progress_bar(progress, total):
    if progress is None or progress is False:
        return tqdm(total=total, disable=True)
    if progress is True:
        return tqdm(total=total, desc="Rewards", unit="residents", file=sys.stderr)
    return progress


def seed_rewards(*, rng: random.Random, progress=None) -> dict:
    """Arrangements, limits and grants for existing residents; returns what was made, as
    {"reward grants": 365, "payouts": 2, ...} for the seed's summary table.

    `progress`: None or False for silence, True for a bar on stderr, or any object with
    `update(n)` (a tqdm bar of the caller's).
    """
    today = timezone.localdate()
    this_month = first_of_month(today)
    with transaction.atomic():
        arrangements = create_arrangements(today)
        create_limits(today)
        coordinator = _coordinator()
        residents, demo = _residents(rng)
        granter = _Granter(rng, arrangements, coordinator)
        bar = _progress_bar(progress, len(residents))
        past = [_months_back(this_month, n) for n in (3, 2, 1)]
        near = set(rng.sample(range(len(residents)), min(6, len(residents))))
        for index, resident in enumerate(residents):
            near_limit = index in near or resident.pk in demo
            _grants_for(granter, rng, resident, past, this_month, near=near_limit)
            bar.update(1)
        counts = _decide(granter, rng, coordinator, past, this_month)
        if bar is not progress:
            bar.close()
    return {
        "reward arrangements": len(arrangements),
        "residents with rewards": len(residents),
        **counts,
    }


def _grants_for(granter, rng, resident, past, this_month, *, near):
    for month in past:
        for _ in range(rng.randint(0, 2)):
            granter.allowance(resident, month)
        if rng.random() < 0.3:
            granter.costs(resident, month)
    if resident.kind == Resident.Kind.HOME_SEEKER and rng.random() < 0.5:
        name = "Tijdelijke huur in een gedeelde woning voor jonge woningzoekenden"
        granter.in_kind(resident, past[0], name)
    for name in rng.sample(list(IN_KIND)[:-1], rng.randint(0, 2)):
        granter.in_kind(resident, rng.choice([*past, this_month]), name)
    if near:
        # Between 80 % and 95 % of the monthly limit this month: the warning shows.
        limit = AllowanceLimit.objects.get(year=this_month.year).monthly
        target = (limit * D(rng.choice(["0.82", "0.86", "0.90", "0.95"]))).quantize(D("1"))
        grant = granter.allowance(resident, this_month, target=target)
        if grant:
            granter.near.add(grant.pk)
    else:
        granter.allowance(resident, this_month)
    if rng.random() < 0.3:
        granter.allowance(resident, this_month)


def _decide(granter, rng, coordinator, past, this_month):
    """Older months approved and paid, last month approved, this month mixed."""
    counts = {"reward grants": len(granter.made), "payouts": 0}
    if coordinator is None:
        return counts
    rejected_one = False  # at least one rejection, so every status shows
    for grant in granter.made:
        if grant.pk in granter.near:
            refused = False
        elif grant.month < this_month:
            refused = grant.month == past[-1] and rng.random() < 0.08
        else:
            refused = not rejected_one or rng.random() < 0.1
        rejected_one = rejected_one or (refused and grant.month == this_month)
        try:
            if refused:
                services.grant_reject(
                    grant=grant,
                    approver=coordinator,
                    reason="Dit was al vergoed in een andere maand.",
                )
            elif grant.month < this_month or rng.random() < 0.4:
                services.grant_approve(grant=grant, approver=coordinator)
        except ValidationError:
            continue
    for month in past[:2]:
        if services.payout_export(by=coordinator, today=month).payout:
            counts["payouts"] += 1
    statuses = (
        Grant.objects.filter(pk__in=[grant.pk for grant in granter.made])
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    labels = {status.value: f"reward grants {status.value}" for status in Grant.Status}
    counts.update({labels[status]: n for status, n in statuses})
    return counts
