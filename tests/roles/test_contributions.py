import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from rewards.models import Grant
from roles import services
from roles.models import Contribution
from tests.factories import RoleFactory
from tests.factories_rewards import (
    AllowanceLimitFactory,
    HourlyArrangementFactory,
    InKindArrangementFactory,
)
from tests.factories_roles import ActiveApplicationFactory, OpeningFactory

TODAY = datetime.date.today()


@pytest.fixture(autouse=True)
def limits_and_english():
    AllowanceLimitFactory(year=TODAY.year)
    AllowanceLimitFactory(year=(TODAY - datetime.timedelta(days=40)).year)
    with translation.override("en"):
        yield


def holder(tenant, arrangement=None):
    role = RoleFactory(arrangement=arrangement)
    return ActiveApplicationFactory(
        resident=tenant,
        opening=OpeningFactory(role=role),
        started_on=TODAY - datetime.timedelta(days=60),
    )


@pytest.mark.django_db
def test_approved_hours_become_an_approved_allowance_grant(tenant):
    application = holder(tenant, HourlyArrangementFactory(default_amount=Decimal("5.00")))
    contribution = services.contribution_log(
        application=application, date=TODAY, hours="3", description="Trappen geveegd"
    )
    services.contribution_approve(contribution=contribution, by=application.opening.coordinator)
    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.APPROVED
    grant = contribution.grant
    assert grant.amount == Decimal("15.00")
    assert grant.status == Grant.Status.APPROVED
    assert grant.resident == tenant


@pytest.mark.django_db
def test_a_refusal_by_the_allowance_rules_reaches_the_coordinator_and_changes_nothing(tenant):
    # 45 hours at €5 = €225: over the monthly limit of €210.
    application = holder(tenant, HourlyArrangementFactory(default_amount=Decimal("5.00")))
    for day in range(2):
        Contribution.objects.create(
            application=application,
            date=TODAY - datetime.timedelta(days=day),
            hours=Decimal("22.5"),
            description="Schilderen",
        )
    first, second = Contribution.objects.order_by("pk")
    services.contribution_approve(contribution=first, by=application.opening.coordinator)
    with pytest.raises(ValidationError) as refused:
        services.contribution_approve(contribution=second, by=application.opening.coordinator)
    assert "210" in " ".join(refused.value.messages)
    second.refresh_from_db()
    assert second.status == Contribution.Status.SUBMITTED and second.grant is None
    assert Grant.objects.count() == 1


@pytest.mark.django_db
def test_in_kind_arrangements_give_a_described_grant(tenant):
    application = holder(tenant, InKindArrangementFactory(name="Waardebon bouwmarkt"))
    contribution = services.contribution_log(
        application=application, date=TODAY, hours="1", description="Klusje"
    )
    services.contribution_approve(contribution=contribution, by=application.opening.coordinator)
    contribution.refresh_from_db()
    assert contribution.grant.description == "Waardebon bouwmarkt"


@pytest.mark.django_db
def test_a_role_without_arrangement_is_approved_without_a_grant(tenant):
    application = holder(tenant)
    contribution = services.contribution_log(
        application=application, date=TODAY, hours="1", description="Klusje"
    )
    services.contribution_approve(contribution=contribution, by=application.opening.coordinator)
    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.APPROVED and contribution.grant is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "date, hours, message",
    [
        (TODAY + datetime.timedelta(days=1), "2", "in the future"),
        (TODAY - datetime.timedelta(days=70), "2", "before you started"),
        (TODAY, "0", "above zero"),
        (TODAY, "24.25", "24 hours"),
    ],
)
def test_bad_hours_are_refused_with_a_clear_message(tenant, date, hours, message):
    application = holder(tenant)
    with pytest.raises(ValidationError, match=message):
        services.contribution_log(application=application, date=date, hours=hours, description="x")
    assert not Contribution.objects.exists()


@pytest.mark.django_db
def test_more_than_24_hours_on_one_day_in_total_is_refused(tenant):
    application = holder(tenant)
    services.contribution_log(application=application, date=TODAY, hours="20", description="x")
    with pytest.raises(ValidationError, match="already logged 20 hours"):
        services.contribution_log(application=application, date=TODAY, hours="5", description="y")


@pytest.mark.django_db
def test_only_the_coordinator_approves_and_only_once(tenant, employee):
    application = holder(tenant)
    contribution = services.contribution_log(
        application=application, date=TODAY, hours="1", description="x"
    )
    with pytest.raises(PermissionDenied):
        services.contribution_approve(contribution=contribution, by=employee)
    services.contribution_approve(contribution=contribution, by=application.opening.coordinator)
    with pytest.raises(ValidationError, match="already been decided"):
        services.contribution_approve(contribution=contribution, by=application.opening.coordinator)
