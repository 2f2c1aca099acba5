"""Builds the staff: teams with a manager each, coordinators, employees with visit duty and
administrators. About one member of staff per 50 households, at least twelve."""

import math

from porous.models import GroupName, Team

from .logins import DEMO_ADMIN, DEMO_COORDINATOR, DEMO_EMPLOYEE, DEMO_MANAGER, DEMO_TOTP_SECRET
from .names import person_name

TEAM_NAMES = [
    "Team Noord",
    "Team Zuid",
    "Team Wijkbeheer",
    "Team Klantcontact",
    "Team Oost",
    "Team West",
    "Team Onderhoud",
    "Team Verhuur",
    "Team Leefbaarheid",
    "Team Centrum",
    "Team Vastgoed",
    "Team Huurdersparticipatie",
]
EMPLOYEE = (GroupName.EMPLOYEE,)
COORDINATOR = (GroupName.EMPLOYEE, GroupName.COORDINATOR)
MANAGER = (GroupName.EMPLOYEE, GroupName.MANAGER)
ADMINISTRATOR = (GroupName.ADMINISTRATOR,)
SHARE_WITHOUT_VISIT_DUTY = 0.05  # employees on leave or in a back-office job


def staff_sizes(households):
    """How many of each: (teams, coordinators, administrators, employees); managers = teams."""
    total = max(12, round(households / 50))
    teams = max(4, math.ceil(total / 12))
    coordinators = max(2, total // 10)
    administrators = 1 + total // 250
    employees = max(1, total - teams - coordinators - administrators)
    return teams, coordinators, administrators, employees


def team_names(count):
    """The named teams first, then 'Team Noord 2', 'Team Zuid 2', ..."""
    names = []
    for round_number in range(1, count + 1):
        for name in TEAM_NAMES:
            names.append(name if round_number == 1 else f"{name} {round_number}")
            if len(names) == count:
                return names
    return names


def _member(people, login, today, **fields):
    """One member of staff: the demo login when given, else someone new."""
    if login:
        return people.user(login.full_name, email=login.email, language="nl", **fields)
    rng = people.rng
    return people.user(person_name(rng, today.year - rng.randint(22, 64)), **fields)


def create_staff(people, households, today, progress):
    """Save teams and staff; the demo manager leads the first team. Returns the team count."""
    n_teams, n_coordinators, n_admins, n_employees = staff_sizes(households)
    teams = Team.objects.bulk_create([Team(name=name) for name in team_names(n_teams)])
    managers = []
    for i, team in enumerate(teams):
        login = DEMO_MANAGER if i == 0 else None
        managers.append(
            _member(people, login, today, groups=MANAGER, team=team, has_visit_duty=True)
        )
        progress.update()
    for i in range(n_coordinators):
        # The demo coordinator works in Team Wijkbeheer, the third team.
        login, team = DEMO_COORDINATOR if i == 0 else None, teams[(i + 2) % n_teams]
        _member(people, login, today, groups=COORDINATOR, team=team, has_visit_duty=True)
        progress.update()
    for i in range(n_employees):
        login = DEMO_EMPLOYEE if i == 0 else None
        duty = i == 0 or people.rng.random() >= SHARE_WITHOUT_VISIT_DUTY
        _member(people, login, today, groups=EMPLOYEE, team=teams[i % n_teams], has_visit_duty=duty)
        progress.update()
    for i in range(n_admins):
        _member(people, DEMO_ADMIN if i == 0 else None, today, groups=ADMINISTRATOR, is_staff=True)
        progress.update()
    people.flush()
    for team, manager in zip(teams, managers, strict=True):
        team.manager = manager
    Team.objects.bulk_update(teams, ["manager"], batch_size=2000)
    return len(teams)


def staff_total(households):
    return sum(staff_sizes(households))  # each team has one manager


def give_staff_the_demo_app():
    """Every member of staff gets an authenticator app with the published demo secret, so the
    second login step (required for staff) works in the demo. Returns how many got one."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.utils import encrypt
    from django.db.models import Q

    from porous.mfa import STAFF_GROUPS
    from porous.models import User

    is_staff = Q(is_staff=True) | Q(is_superuser=True) | Q(groups__name__in=STAFF_GROUPS)
    staff = (
        User.objects.filter(is_staff)
        .exclude(authenticator__type=Authenticator.Type.TOTP)
        .distinct()
        .values_list("pk", flat=True)
    )
    secret = encrypt(DEMO_TOTP_SECRET)
    created = Authenticator.objects.bulk_create(
        [
            Authenticator(user_id=pk, type=Authenticator.Type.TOTP, data={"secret": secret})
            for pk in staff.iterator()
        ],
        batch_size=2000,
    )
    return len(created)
