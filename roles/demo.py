"""Demo data for the roles: openings for every role, people at different ladder positions,
waiting lists, pending applications, logged hours and the rewards they earned."""

import datetime
import random
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from porous.models import GroupName
from tenants.models import Complex, Resident

from .models import Application, Contribution, Opening, Role

BATCH = 2000


def _coordinators():
    users = get_user_model().objects.filter(groups__name=GroupName.COORDINATOR).order_by("pk")
    return list(users) or list(get_user_model().objects.filter(is_superuser=True)[:1])


def _link_rewards_and_courses(roles, rng):
    """Give roles a reward arrangement and the grade 2+ roles a course to complete first."""
    from rewards.models import Arrangement
    from school.models import Course

    hourly = Arrangement.objects.filter(kind="allowance", unit="hour").first()
    per_task = Arrangement.objects.filter(kind="allowance", unit="task").first()
    in_kind = Arrangement.objects.exclude(kind__in=["allowance", "costs"]).first()
    courses = list(Course.objects.order_by("pk"))
    for role in roles:
        role.arrangement = {1: per_task, 2: hourly}.get(role.grade, in_kind) or hourly
        role.save(update_fields=["arrangement"])
        if role.grade >= 2 and courses and not role.required_courses.exists():
            role.required_courses.add(courses[role.pk % len(courses)])


def _openings(roles, complexes, coordinators, rng, scale):
    openings = []
    for role in roles:
        openings.append(Opening(role=role, places=rng.randint(2, 6), coordinator=coordinators[0]))
        if role.eligible_complex_id:
            continue
        for complex_ in rng.sample(complexes, k=min(len(complexes), scale)):
            openings.append(
                Opening(
                    role=role,
                    complex=complex_,
                    places=rng.randint(1, 3),
                    coordinator=rng.choice(coordinators),
                )
            )
    return Opening.objects.bulk_create(openings, batch_size=BATCH)


def _may_take(role, resident):
    if role.eligibility == Role.Eligibility.TENANTS:
        return resident.kind == Resident.Kind.TENANT
    if role.eligibility == Role.Eligibility.HOME_SEEKERS:
        return resident.kind == Resident.Kind.HOME_SEEKER
    if role.eligibility == Role.Eligibility.COMPLEX:
        household = resident.household
        return household is not None and household.dwelling.complex_id == role.eligible_complex_id
    return True


def _demo_people(residents):
    """The demo logins get a place on the ladder: they are first in line for one opening."""
    from porous.demo.logins import DEMO_HOME_SEEKER, DEMO_TENANT

    demo = {DEMO_TENANT.email, DEMO_HOME_SEEKER.email}
    return [r for r in residents if r.user.email in demo]


def _fill(openings, residents, rng, today):
    """Holders, waiting lists and pending applications; a resident holds at most two roles."""
    held = {}
    applications = []
    taken = set()
    now = timezone.now()
    pool = list(residents)
    rng.shuffle(pool)
    demo = _demo_people(pool)
    for opening in openings:
        first = [r for r in demo if r.pk not in held and _may_take(opening.role, r)][:1]
        candidates = (
            first
            + [
                r
                for r in rng.sample(pool, k=min(len(pool), 24))
                if r.pk not in taken and r not in first and _may_take(opening.role, r)
            ][:7]
        )
        holders = candidates[: opening.places]
        for resident in holders:
            if held.get(resident.pk, 0) >= 2:
                continue
            held[resident.pk] = held.get(resident.pk, 0) + 1
            start = today - datetime.timedelta(days=rng.randint(20, 700))
            applications.append(
                Application(
                    resident=resident,
                    opening=opening,
                    status=Application.Status.ACTIVE,
                    motivation="Ik help graag mee in de buurt.",
                    started_on=start,
                    decided_at=now,
                )
            )
        waiting = candidates[opening.places : opening.places + rng.randint(0, 3)]
        for position, resident in enumerate(waiting):
            full = len(holders) >= opening.places
            applications.append(
                Application(
                    resident=resident,
                    opening=opening,
                    status=Application.Status.WAITLISTED if full else Application.Status.PENDING,
                    waitlisted_at=now - datetime.timedelta(days=30 - position) if full else None,
                    motivation="Ik wil dit graag leren.",
                    availability=rng.choice(["dinsdagavond", "zaterdag", "overdag"]),
                )
            )
        taken.update(r.pk for r in candidates[:2])
    created = Application.objects.bulk_create(applications, batch_size=BATCH)
    # Pending applications of different ages, so the coordinator's list shows waiting times.
    for application in created:
        if application.status == Application.Status.PENDING:
            Application.objects.filter(pk=application.pk).update(
                created_at=now - datetime.timedelta(days=rng.randint(1, 25))
            )
    return created


def _contributions(applications, rng, today):
    from rewards.services import grant_approve, grant_create

    approved = 0
    for application in applications:
        if application.status != Application.Status.ACTIVE or rng.random() > 0.5:
            continue
        for weeks_ago in range(rng.randint(1, 4)):
            date = max(application.started_on, today - datetime.timedelta(weeks=weeks_ago, days=1))
            contribution = Contribution.objects.create(
                application=application,
                date=date,
                hours=Decimal(rng.choice(["1", "1.5", "2", "3"])),
                description=rng.choice(
                    ["Trappenhuis schoongemaakt", "Buren geholpen", "Vergadering", "Rondje complex"]
                ),
            )
            if weeks_ago == 0:
                continue  # the newest stays waiting for the coordinator
            arrangement = application.opening.role.arrangement
            try:
                grant = None
                if arrangement is not None:
                    amount = None
                    if arrangement.is_money:
                        amount = arrangement.default_amount * (
                            contribution.hours if arrangement.unit == "hour" else 1
                        )
                    grant = grant_create(
                        resident=application.resident,
                        arrangement=arrangement,
                        month=date.replace(day=1),
                        amount=amount,
                        hours=contribution.hours if arrangement.unit == "hour" else None,
                        description="" if arrangement.is_money else arrangement.name,
                        reason=contribution.description,
                        proposed_by=application.opening.coordinator,
                        work_date=date,
                    )
                    grant = grant_approve(grant=grant, approver=application.opening.coordinator)
            except Exception:  # noqa: BLE001 - a refused grant leaves the hours waiting
                continue
            contribution.status = Contribution.Status.APPROVED
            contribution.grant = grant
            contribution.decided_by = application.opening.coordinator
            contribution.decided_at = timezone.now()
            contribution.save()
            approved += 1
    return approved


def _tenants_organisation(applications):
    """Holders of the tenants' organisation role decide on the supervisory board seats."""
    from django.contrib.auth.models import Group

    group = Group.objects.get(name=GroupName.TENANTS_ORGANISATION)
    members = [
        a.resident.user
        for a in applications
        if a.status == Application.Status.ACTIVE
        and a.opening.role.slug == "lid-huurdersbelangenorganisatie"
    ]
    if not members:  # a small demo: some tenants form the organisation anyway
        members = [
            r.user for r in Resident.objects.filter(kind="tenant").select_related("user")[:3]
        ]
    group.user_set.add(*members[:5])


def seed_roles(*, rng: random.Random, progress=None):
    today = timezone.localdate()
    roles = list(Role.objects.active().order_by("pk"))
    complexes = list(Complex.objects.order_by("pk"))
    coordinators = _coordinators()
    if not (roles and complexes and coordinators):
        return {}
    _link_rewards_and_courses(roles, rng)
    # Openings per role grow with the register: one complex in 25 has its own.
    scale = max(2, len(complexes) // 25)
    openings = _openings(roles, complexes, coordinators, rng, scale)
    residents = list(
        Resident.objects.filter(Q(kind="home_seeker") | Q(household__isnull=False))
        .select_related("user", "household__dwelling")
        .order_by("pk")
    )
    applications = _fill(openings, residents, rng, today)
    # Logged hours go through the allowance rules one by one: a tenth of the applications.
    approved = _contributions(applications[: max(400, len(applications) // 10)], rng, today)
    _tenants_organisation(applications)
    if hasattr(progress, "update"):  # a bar of the caller's; True alone shows nothing here
        progress.update()
    return {
        "openings": len(openings),
        "applications": len(applications),
        "approved contributions": approved,
    }
