import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from roles import services
from roles.models import Application
from tests.factories import ResidentFactory, RoleFactory, StaffFactory
from tests.factories_roles import ActiveApplicationFactory, ApplicationFactory, OpeningFactory

S = Application.Status


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Mails go out after commit: `with committed():` runs those callbacks at its end."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.mark.django_db
def test_submit_to_an_opening_with_room_waits_for_the_coordinator(tenant):
    opening = OpeningFactory(places=2)
    application = services.application_submit(
        resident=tenant, opening=opening, motivation="Ik help graag.", availability="zaterdag"
    )
    assert application.status == S.PENDING
    assert application.motivation == "Ik help graag."


@pytest.mark.django_db
def test_submit_to_a_full_opening_joins_the_waiting_list_in_order(tenant, other_tenant):
    opening = OpeningFactory(places=1)
    ActiveApplicationFactory(opening=opening)
    first = services.application_submit(resident=tenant, opening=opening)
    second = services.application_submit(resident=other_tenant, opening=opening)
    assert (first.status, second.status) == (S.WAITLISTED, S.WAITLISTED)
    assert services.waitlist_position(first) == 1
    assert services.waitlist_position(second) == 2


@pytest.mark.django_db
def test_applying_twice_is_refused_and_changes_nothing(tenant):
    opening = OpeningFactory()
    services.application_submit(resident=tenant, opening=opening)
    with pytest.raises(ValidationError, match="already applied"):
        services.application_submit(resident=tenant, opening=opening)
    assert Application.objects.count() == 1


@pytest.mark.django_db
def test_applying_to_a_closed_opening_is_refused(tenant):
    opening = OpeningFactory(is_open=False)
    with pytest.raises(ValidationError, match="closed"):
        services.application_submit(resident=tenant, opening=opening)
    ended = OpeningFactory(ends_on=datetime.date(2020, 1, 1))
    with pytest.raises(ValidationError, match="closed"):
        services.application_submit(resident=tenant, opening=ended)
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_the_maximum_number_of_roles_blocks_a_new_application(tenant, settings):
    settings.ROLES_MAX_PER_RESIDENT = 2
    ActiveApplicationFactory.create_batch(2, resident=tenant)
    with pytest.raises(ValidationError, match="already do 2 roles"):
        services.application_submit(resident=tenant, opening=OpeningFactory())
    assert Application.objects.filter(resident=tenant).count() == 2


@pytest.mark.django_db
def test_eligibility_is_checked(tenant, home_seeker):
    seekers_only = OpeningFactory(role=RoleFactory(eligibility="home_seekers"))
    with pytest.raises(ValidationError, match="Only for home seekers"):
        services.application_submit(resident=tenant, opening=seekers_only)
    tenants_only = OpeningFactory(role=RoleFactory(eligibility="tenants"))
    with pytest.raises(ValidationError, match="Only for tenants"):
        services.application_submit(resident=home_seeker, opening=tenants_only)
    one_complex = OpeningFactory(
        role=RoleFactory(
            eligibility="complex", eligible_complex=ResidentFactory().household.dwelling.complex
        )
    )
    with pytest.raises(ValidationError, match="Only for tenants of"):
        services.application_submit(resident=tenant, opening=one_complex)
    assert services.application_submit(resident=home_seeker, opening=seekers_only)


@pytest.mark.django_db
def test_months_in_the_grade_below_are_required_where_set(tenant):
    role = RoleFactory(grade=3, months_in_grade_below=6)
    opening = OpeningFactory(role=role)
    with pytest.raises(ValidationError, match="Hold a role of grade 2 for 6 months"):
        services.application_submit(resident=tenant, opening=opening)
    today = datetime.date.today()
    ActiveApplicationFactory(
        resident=tenant,
        opening=OpeningFactory(role=RoleFactory(grade=2)),
        started_on=today - datetime.timedelta(days=200),
    )
    assert services.application_submit(resident=tenant, opening=opening).status == S.PENDING


@pytest.mark.django_db
def test_accept_makes_the_resident_a_holder_and_mails_them(tenant, committed):
    application = ApplicationFactory(resident=tenant)
    coordinator = application.opening.coordinator
    with committed():
        services.application_accept(application=application, by=coordinator)
    application.refresh_from_db()
    assert application.status == S.ACTIVE
    assert application.started_on == datetime.date.today()
    assert application.decided_by == coordinator
    assert [m.to for m in mail.outbox] == [[tenant.user.email]]


@pytest.mark.django_db
def test_accepting_beyond_the_places_is_refused(tenant):
    opening = OpeningFactory(places=1)
    ActiveApplicationFactory(opening=opening)
    application = ApplicationFactory(resident=tenant, opening=opening)
    with pytest.raises(ValidationError, match="All 1 places are taken"):
        services.application_accept(application=application, by=opening.coordinator)
    application.refresh_from_db()
    assert application.status == S.PENDING


@pytest.mark.django_db
def test_only_the_coordinator_or_a_manager_decides(tenant, employee, manager):
    application = ApplicationFactory(resident=tenant)
    with pytest.raises(PermissionDenied):
        services.application_accept(application=application, by=employee)
    services.application_accept(application=application, by=manager)


@pytest.mark.django_db
def test_board_seats_are_decided_by_the_tenants_organisation(tenant, coordinator):
    from django.contrib.auth.models import Permission

    from roles.models import Role

    board = Role.objects.get(slug="huurderslid-raad-van-commissarissen")
    application = ApplicationFactory(
        resident=tenant, opening=OpeningFactory(role=board, coordinator=coordinator)
    )
    with pytest.raises(PermissionDenied, match="tenants' organisation"):
        services.application_accept(application=application, by=coordinator)
    chair = StaffFactory(groups=["employee"])
    chair.user_permissions.add(Permission.objects.get(codename="decide_board_application"))
    chair = type(chair).objects.get(pk=chair.pk)  # fresh permission cache
    services.application_accept(application=application, by=chair)
    application.refresh_from_db()
    assert application.status == S.ACTIVE


@pytest.mark.django_db
def test_a_vog_role_can_be_applied_for_but_not_accepted_without_a_vog(tenant):
    opening = OpeningFactory(role=RoleFactory(vog_required=True))
    application = services.application_submit(resident=tenant, opening=opening)
    with pytest.raises(ValidationError, match="VOG"):
        services.application_accept(application=application, by=opening.coordinator)
    tenant.vog_valid_until = datetime.date.today() + datetime.timedelta(days=365)
    tenant.save()
    services.application_accept(application=application, by=opening.coordinator)


@pytest.mark.django_db
def test_decline_needs_a_reason_which_is_mailed(tenant, committed):
    application = ApplicationFactory(resident=tenant)
    with pytest.raises(ValidationError, match="reason"):
        services.application_decline(
            application=application, by=application.opening.coordinator, reason="  "
        )
    assert not mail.outbox
    with committed():
        services.application_decline(
            application=application,
            by=application.opening.coordinator,
            reason="Vol voor dit jaar.",
        )
    assert application.__class__.objects.get(pk=application.pk).status == S.DECLINED
    assert "Vol voor dit jaar." in mail.outbox[0].body


@pytest.mark.django_db
def test_ending_a_role_offers_the_place_to_the_first_on_the_waiting_list(
    tenant, other_tenant, committed
):
    opening = OpeningFactory(places=1)
    holder = ActiveApplicationFactory(opening=opening)
    first = services.application_submit(resident=tenant, opening=opening)
    second = services.application_submit(resident=other_tenant, opening=opening)
    with committed():
        services.assignment_end(application=holder, by=holder.resident.user)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == S.OFFERED and second.status == S.WAITLISTED
    assert mail.outbox[-1].to == [tenant.user.email]
    assert "wachtlijst" in mail.outbox[-1].body  # in the resident's language: Dutch

    # The first says no: the second is offered the place.
    services.application_withdraw(application=first)
    second.refresh_from_db()
    assert second.status == S.OFFERED
    services.offer_accept(application=second)
    second.refresh_from_db()
    assert second.status == S.ACTIVE


@pytest.mark.django_db
def test_a_resident_cannot_end_someone_elses_role(tenant):
    holder = ActiveApplicationFactory()
    with pytest.raises(PermissionDenied):
        services.assignment_end(application=holder, by=tenant.user)
