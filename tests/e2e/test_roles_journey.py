import datetime
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import log_in
from tests.factories import ResidentFactory, RoleFactory, StaffFactory
from tests.factories_rewards import AllowanceLimitFactory, HourlyArrangementFactory
from tests.factories_roles import OpeningFactory
from tests.factories_school import CourseFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def log_out(page):
    # Another person takes the device: a fresh session, whatever the menu looks like.
    page.context.clear_cookies()


def test_from_locked_role_to_reward(live_server, page, shoot, assert_accessible):
    today = datetime.date.today()
    AllowanceLimitFactory(year=today.year)
    tenant = ResidentFactory(user__full_name="Ilse Mulder")
    coordinator = StaffFactory(full_name="Co Ordinator", groups=["employee", "coordinator"])
    course = CourseFactory(title="Basiscursus toezicht")
    locked = RoleFactory(name="Toezichthouder", slug="toezichthouder", grade=2, category="techniek")
    locked.required_courses.add(course)
    role = RoleFactory(
        name="Tuinploeg",
        slug="tuinploeg",
        grade=1,
        category="beheer",
        arrangement=HourlyArrangementFactory(default_amount=Decimal("5.00")),
    )
    opening = OpeningFactory(role=role, coordinator=coordinator, places=2)

    # The tenant sees the locked grade-2 role and the course that unlocks it.
    log_in(page, live_server, tenant.user.email)
    page.goto(f"{live_server.url}/rollen/toezichthouder/")
    expect(page.get_by_role("link", name="Basiscursus toezicht").first).to_be_visible()
    shoot("locked-role")
    assert_accessible()

    # ...and applies to a grade-1 opening.
    page.goto(f"{live_server.url}/rollen/tuinploeg/")
    page.locator(f"a[href$='/plek/{opening.pk}/aanmelden/']").click()
    page.locator("#id_motivation").fill("Ik werk graag in de tuin.")
    shoot("apply")
    assert_accessible()
    page.locator("#main form button[type=submit]").click()
    expect(page.locator(".alert-success")).to_be_visible()
    log_out(page)

    # The coordinator accepts.
    log_in(page, live_server, coordinator.email)
    page.goto(f"{live_server.url}/rollen/coordinator/")
    shoot("coordinator-list")
    assert_accessible()
    page.locator("button[name=action][value=accept]").click()
    expect(page.locator(".alert-success")).to_be_visible()
    log_out(page)

    # The tenant logs hours on a phone.
    page.set_viewport_size({"width": 360, "height": 740})
    log_in(page, live_server, tenant.user.email)
    page.goto(f"{live_server.url}/rollen/mijn-aanmeldingen/")
    page.locator("a[href$='/uren/']").click()
    page.locator("#id_hours").fill("3")
    page.locator("#id_description").fill("Onkruid gewied bij de ingang")
    shoot("log-hours-360")
    assert_accessible()
    page.locator("#main form button[type=submit]").click()
    expect(page.locator(".alert-success")).to_be_visible()
    log_out(page)

    # The coordinator approves the hours: an allowance of 3 × €5.
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server, coordinator.email)
    page.goto(f"{live_server.url}/rollen/coordinator/")
    page.locator("button[name=action][value=approve]").click()
    expect(page.locator(".alert-success")).to_be_visible()
    log_out(page)

    # The tenant sees the reward.
    log_in(page, live_server, tenant.user.email)
    page.goto(f"{live_server.url}/beloningen/")
    expect(page.get_by_text("15,00").first).to_be_visible()
    shoot("my-rewards")
    assert_accessible()
    log_out(page)

    # Months later the coordinator ends the role on a phone: asked first, then done.
    page.set_viewport_size({"width": 360, "height": 740})
    log_in(page, live_server, coordinator.email)
    page.goto(f"{live_server.url}/rollen/coordinator/")
    page.get_by_role("link", name=f"Rol beëindigen – {tenant.user.full_name}").click()
    expect(page.get_by_text("Dit kunt u niet terugdraaien.")).to_be_visible()
    shoot("end-role-confirm-360")
    assert_accessible()
    page.get_by_role("button", name="Ja, beëindig de rol").click()
    expect(page.locator(".alert-success")).to_be_visible()
