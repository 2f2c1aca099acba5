"""A coordinator approves a reward; the resident sees it, with the room left. The pages speak
Dutch (the browser is nl-NL), so the steps find things by id, role and URL, not by text."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.apps import apps
from django.utils import timezone
from playwright.sync_api import expect

from rewards.models import Grant
from rewards.permissions import sync_rewards_permissions
from tests.e2e.conftest import assert_no_sideways_scroll, log_in
from tests.factories import ResidentFactory, StaffFactory
from tests.factories_rewards import AllowanceLimitFactory, ArrangementFactory, GrantFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
NBSP = "\u00a0"


@pytest.fixture
def cast():
    # The flush of transactional tests took the rewards permissions and limits with it.
    sync_rewards_permissions(apps)
    today = timezone.localdate()
    AllowanceLimitFactory(year=today.year)
    month = today.replace(day=1)
    tenant = ResidentFactory(
        user__full_name="Fatima el Amrani",
        user__email="fatima@example.nl",
        birth_date=datetime.date(1990, 5, 17),
    )
    coordinator = StaffFactory(
        full_name="Anouk Smit", email="anouk@example.nl", groups=["employee", "coordinator"]
    )
    arrangement = ArrangementFactory(name="Vrijwilligersvergoeding per taak")
    GrantFactory(
        resident=tenant,
        arrangement=arrangement,
        month=month,
        amount=Decimal("120.00"),
        status=Grant.Status.APPROVED,
        reason="Nieuwe buren welkom geheten",
    )
    waiting = GrantFactory(
        resident=tenant,
        arrangement=arrangement,
        month=month,
        amount=Decimal("50.00"),
        reason="Trappenhuis geschilderd",
    )
    return tenant, coordinator, waiting


def test_coordinator_approves_and_the_resident_sees_it_with_the_room_left(
    live_server, page, shoot, assert_accessible, cast
):
    tenant, coordinator, waiting = cast
    log_in(page, live_server, coordinator.email)
    page.locator('.dropdown:has(a[href="/beloningen/goedkeuren/"]) .dropdown-toggle').click()
    page.locator('a[href="/beloningen/goedkeuren/"]').first.click()
    expect(page).to_have_url(f"{live_server.url}/beloningen/goedkeuren/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("#approval-list")).to_contain_text(f"€{NBSP}50,00")
    expect(page.locator("#tick-all-wrapper")).to_be_visible()  # the script ran
    shoot("approve-list")
    assert_accessible()

    # On a phone, by keyboard: tick the grant and approve it.
    page.set_viewport_size({"width": 360, "height": 740})
    assert_no_sideways_scroll(page)
    shoot("approve-list-360")
    assert_accessible()
    page.locator(f"#grant-{waiting.pk}").focus()
    page.keyboard.press("Space")
    expect(page.locator(f"#grant-{waiting.pk}")).to_be_checked()
    page.locator("#approve-button").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".alert-success")).to_be_visible()
    expect(page.locator("#nothing-to-approve")).to_be_visible()
    assert_no_sideways_scroll(page)
    shoot("approved-360")
    assert_accessible()
    waiting.refresh_from_db()
    assert waiting.status == Grant.Status.APPROVED

    # The resident logs in and finds it, with € 40 of room left this month.
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, tenant.user.email)
    page.locator('.dropdown:has(a[href="/beloningen/"]) .dropdown-toggle').click()
    page.locator('a[href="/beloningen/"]').first.click()
    expect(page).to_have_url(f"{live_server.url}/beloningen/")
    expect(page.locator("#received-list")).to_contain_text(f"€{NBSP}50,00")
    expect(page.locator("#received-list")).to_contain_text(f"€{NBSP}120,00")
    expect(page.locator("#room-month")).to_contain_text(f"€{NBSP}40,00")
    expect(page.locator("#room-year")).to_contain_text(f"€{NBSP}1.930,00")
    expect(page.locator("#room-warning")).to_be_visible()  # 170 of 210 is over 80 %
    shoot("my-rewards")
    assert_accessible()

    page.set_viewport_size({"width": 360, "height": 740})
    assert_no_sideways_scroll(page)
    shoot("my-rewards-360")
    assert_accessible()
    page.locator(f'a[href="/beloningen/{waiting.pk}/"]').click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vrijwilligersvergoeding per taak")
    assert_no_sideways_scroll(page)
    shoot("grant-detail-360")
    assert_accessible()


def test_coordinator_downloads_the_payout_file(live_server, page, shoot, assert_accessible, cast):
    tenant, coordinator, waiting = cast
    log_in(page, live_server, coordinator.email)
    page.goto(f"{live_server.url}/beloningen/uitbetalingen/")
    expect(page.locator("#pending-payout")).to_contain_text(f"€{NBSP}120,00")
    shoot("payout-list")
    assert_accessible()
    with page.expect_download() as info:
        page.locator("#payout-button").click()
    content = open(info.value.path(), encoding="utf-8-sig").read()
    lines = list(csv.reader(io.StringIO(content), delimiter=";"))
    assert lines[1][1] == "Fatima el Amrani" and lines[1][6] == "120,00"
    assert Grant.objects.filter(status=Grant.Status.PAID).count() == 1

    page.reload()
    expect(page.locator("#nothing-to-pay")).to_be_visible()
    page.set_viewport_size({"width": 360, "height": 740})
    assert_no_sideways_scroll(page)
    shoot("payout-list-after-360")
    assert_accessible()
