import datetime
import random

import pytest
from django.utils import timezone

from porous.models import GroupName
from tests.factories import (
    HouseholdFactory,
    ResidentFactory,
    StaffFactory,
    TalentFactory,
    TeamFactory,
)
from visits.demo import seed_visits
from visits.models import FollowUp, NeighbourhoodCoordinator, NoteAccess, Visit, VisitRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def corporation():
    manager = StaffFactory(groups=[GroupName.EMPLOYEE, GroupName.MANAGER])
    team = TeamFactory(manager=manager)
    StaffFactory.create_batch(12, team=team)
    StaffFactory(groups=[GroupName.EMPLOYEE, GroupName.COORDINATOR])
    start = timezone.localdate() - datetime.timedelta(days=3000)
    HouseholdFactory.create_batch(60, tenancy_start=start)
    ResidentFactory.create_batch(20, household__tenancy_start=start)
    TalentFactory.create_batch(3)


def test_the_demo_has_weekly_visits_with_gaps_requests_follow_ups_and_plans(corporation):
    counts = seed_visits(rng=random.Random(7), weeks=26)
    today = timezone.localdate()
    visits = Visit.objects.all()
    assert counts["visits"] == visits.count() > 14 * 26 * 0.5
    assert visits.count() < 14 * 27  # gaps: not every employee every week
    assert not visits.filter(visited_on__gt=today).exists()
    assert visits.filter(status="planned", planned_for__gte=today).exists()
    assert set(visits.values_list("outcome", flat=True)) >= {"visited", "nobody_home", "cancelled"}
    assert FollowUp.objects.filter(kind="talent_signal").exists()
    assert FollowUp.objects.filter(closed_at__isnull=True, due_on__lt=today).exists()
    assert VisitRequest.objects.filter(status="done", visits__isnull=False).exists()
    assert NeighbourhoodCoordinator.objects.exists() and NoteAccess.objects.exists()
    requested = Visit.objects.filter(request__isnull=False, status="logged")
    assert all(v.outcome == "visited" for v in requested)


def test_the_same_seed_gives_the_same_visits(corporation):
    seed_visits(rng=random.Random(3), weeks=4)
    first = list(Visit.objects.order_by("pk").values_list("employee", "household", "visited_on"))
    Visit.objects.all().delete()
    VisitRequest.objects.all().delete()
    seed_visits(rng=random.Random(3), weeks=4)
    again = list(Visit.objects.order_by("pk").values_list("employee", "household", "visited_on"))
    assert first == again


def test_nothing_to_do_without_staff():
    HouseholdFactory()
    assert seed_visits(rng=random.Random(1), weeks=4) == {"visits": 0}
