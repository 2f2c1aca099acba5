"""Builds people with accounts: users, their verified email addresses, groups and profiles.

Everything is saved with bulk_create; the password is hashed once and shared, so thousands of
accounts take seconds.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from porous.models import GroupName, User
from tenants.models import Resident, Talent

from .logins import DEMO_PASSWORD
from .names import email_local_part, person_name
from .profiles import TALENTS, birth_date, profile_fields, talent_picks

BATCH_SIZE = 2000


class People:
    """Collects new users (and their resident profiles) and saves them in one go per batch."""

    def __init__(self, rng, today):
        self.rng = rng
        self.today = today
        self.password = make_password(DEMO_PASSWORD)
        self.groups = {group.name: group for group in Group.objects.filter(name__in=GroupName.ALL)}
        missing = set(GroupName.ALL) - set(self.groups)
        if missing:
            raise LookupError(f"Groups missing: {', '.join(sorted(missing))}. Run migrate first.")
        self.talent_ids = create_talents()
        self.number = 0
        self.pending = []  # [user, group names, resident or None, talent ids]
        self.saved = {"users": 0, "tenants": 0, "home_seekers": 0}

    def user(self, full_name, *, email=None, groups=(), **fields):
        """A new unsaved user; saved with the next flush()."""
        if email is None:
            self.number += 1
            email = f"{email_local_part(full_name)}{self.number}@example.nl"
        fields.setdefault("language", "en" if self.rng.random() < 0.05 else "nl")
        user = User(email=email, full_name=full_name, password=self.password, **fields)
        self.pending.append([user, groups, None, []])
        return user

    def resident(self, user, *, kind, birth, household=None, registration_number="", **profile):
        """A profile for the user made last; random languages and talents unless given."""
        entry = self.pending[-1]
        if entry[0] is not user:
            raise ValueError("resident() belongs to the user made last")
        talents = profile.pop("talents", None)
        if talents is None:
            talent_ids = talent_picks(self.rng, self.talent_ids)
        else:
            by_name = dict(zip([name for name, _ in TALENTS], self.talent_ids, strict=True))
            talent_ids = [by_name[name] for name in talents]
        entry[2] = Resident(
            user=user,
            kind=kind,
            household=household,
            registration_number=registration_number,
            birth_date=birth,
            **(profile or profile_fields(self.rng, self.today.year - birth.year)),
        )
        entry[3] = talent_ids
        return entry[2]

    def flush(self):
        if not self.pending:
            return
        users = User.objects.bulk_create([p[0] for p in self.pending], batch_size=BATCH_SIZE)
        EmailAddress.objects.bulk_create(
            [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users],
            batch_size=BATCH_SIZE,
        )
        through = User.groups.through
        User.groups.through.objects.bulk_create(
            [
                through(user_id=user.pk, group_id=self.groups[name].pk)
                for user, names, _, _ in self.pending
                for name in names
            ],
            batch_size=BATCH_SIZE,
        )
        residents = [p[2] for p in self.pending if p[2] is not None]
        Resident.objects.bulk_create(residents, batch_size=BATCH_SIZE)
        Resident.talents.through.objects.bulk_create(
            [
                Resident.talents.through(resident_id=resident.pk, talent_id=talent_id)
                for _, _, resident, talent_ids in self.pending
                if resident is not None
                for talent_id in talent_ids
            ],
            batch_size=BATCH_SIZE,
        )
        self.saved["users"] += len(users)
        for resident in residents:
            key = "tenants" if resident.kind == Resident.Kind.TENANT else "home_seekers"
            self.saved[key] += 1
        self.pending = []


def create_talents():
    """The shared talents, created or updated by name; returns their ids in TALENTS order."""
    ids = []
    for name, name_en in TALENTS:
        talent, _ = Talent.objects.update_or_create(name=name, defaults={"name_en": name_en})
        ids.append(talent.pk)
    return ids


def tenant_accounts(people, household, today):
    """Maybe an account for the main tenant, and now and then for a grown-up child at home."""
    rng = people.rng
    year = household.main_tenant_birth_year
    user = people.user(person_name(rng, year))
    people.resident(
        user, kind=Resident.Kind.TENANT, household=household, birth=birth_date(rng, year)
    )
    if household.persons >= 3 and today.year - year >= 42 and rng.random() < 0.15:
        child_year = today.year - rng.randint(18, 24)
        surname = user.full_name.split(" ", 1)[1]
        child = people.user(f"{person_name(rng, child_year).split(' ')[0]} {surname}")
        people.resident(
            child, kind=Resident.Kind.TENANT, household=household, birth=birth_date(rng, child_year)
        )


def home_seeker_account(people, number, today):
    """A home seeker: many young, registered some years ago, with a registration number."""
    rng = people.rng
    band = rng.choices([(18, 24), (25, 34), (35, 54), (55, 82)], weights=[30, 32, 24, 14])[0]
    age = rng.randint(*band)
    year = today.year - age
    registered = rng.randint(max(year + 18, today.year - 12), today.year)
    user = people.user(person_name(rng, year))
    people.resident(
        user,
        kind=Resident.Kind.HOME_SEEKER,
        birth=birth_date(rng, year),
        registration_number=registration_number(registered, number),
    )


def registration_number(year, number):
    return f"WZ-{year}-{number:06d}"
