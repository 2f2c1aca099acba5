"""Two coordinators at the same moment, on a real PostgreSQL: the locks must hold."""

import threading
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection

from rewards import services
from rewards.models import Grant
from rewards.permissions import sync_rewards_permissions
from tests.factories import ResidentFactory, StaffFactory
from tests.factories_rewards import AllowanceLimitFactory, ArrangementFactory, GrantFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def staff(migration_data):
    sync_rewards_permissions(apps)
    AllowanceLimitFactory(year=2026)
    return [StaffFactory(groups=["coordinator"]) for _ in range(2)]


def run_together(*calls):
    """Run the calls in threads released at the same moment; return what each returned or
    raised."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - reported to the test below
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_two_approvals_that_together_cross_the_monthly_limit_one_is_refused(staff):
    resident = ResidentFactory()
    # Two proposals that fitted when they were made (before a correction, say).
    grants = [
        GrantFactory(resident=resident, arrangement=ArrangementFactory(), amount=Decimal("150"))
        for _ in range(2)
    ]
    results = run_together(
        *[
            lambda grant=grant, by=by: services.grant_approve(grant=grant, approver=by)
            for grant, by in zip(grants, staff, strict=True)
        ]
    )
    refused = [r for r in results if isinstance(r, ValidationError)]
    assert len(refused) == 1, results
    assert refused[0].code == "monthly_limit"
    assert Grant.objects.filter(status=Grant.Status.APPROVED).count() == 1


def test_two_approvals_that_together_cross_a_budget_one_is_refused(staff):
    arrangement = ArrangementFactory(yearly_budget=Decimal("100"))
    grants = [GrantFactory(arrangement=arrangement, amount=Decimal("60")) for _ in range(2)]
    results = run_together(
        *[
            lambda grant=grant, by=by: services.grant_approve(grant=grant, approver=by)
            for grant, by in zip(grants, staff, strict=True)
        ]
    )
    assert sorted(type(r).__name__ for r in results) == ["Grant", "ValidationError"], results


def test_two_payout_downloads_at_once_never_share_a_grant(staff):
    for _ in range(20):
        GrantFactory(amount=Decimal("10"), status=Grant.Status.APPROVED)
    results = run_together(*[lambda by=by: services.payout_export(by=by) for by in staff])
    assert not [r for r in results if isinstance(r, Exception)], results
    paid = [
        {line.resident_id for line in file.lines} for file in results if file.payout is not None
    ]
    assert sum(len(ids) for ids in paid) == 20
    assert len(set().union(*paid)) == 20
    assert Grant.objects.filter(status=Grant.Status.PAID).count() == 20
