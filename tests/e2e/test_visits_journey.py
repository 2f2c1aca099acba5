"""Home visits in the browser, on a 360 px phone: an employee gets a suggestion, plans the
visit, logs it at the door with a talent signal, and the tenant finds the invitation."""

import datetime
import re

import pytest
from django.apps import apps
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import assert_no_sideways_scroll, log_in
from tests.factories import ResidentFactory, RoleFactory, StaffFactory, TalentFactory
from visits.models import FollowUp, Visit, VisitRequest
from visits.permissions import sync_visits_permissions

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


@pytest.fixture(autouse=True)
def _visits_permissions(migration_data):
    # The flush of transactional tests removes the groups' visits permissions too.
    sync_visits_permissions(apps)


def open_menu_item(page, href):
    """On a phone: open the menu, then the drop-down that holds the link, then the link."""
    page.locator(".navbar-toggler").click()
    link = page.locator(f"a[href='{href}']")
    page.locator("#main-menu .dropdown").filter(has=link).locator(".dropdown-toggle").click()
    page.locator("#main-menu").locator(link).click()


def test_suggest_plan_log_with_a_talent_signal_and_the_tenant_is_invited(
    live_server, page, shoot, assert_accessible
):
    from tests.factories_roles import OpeningFactory

    today = timezone.localdate()
    employee = StaffFactory(full_name="Jeroen Visser")
    tenant = ResidentFactory(
        user__full_name="Noor Hendriks",
        household__tenancy_start=today - datetime.timedelta(weeks=6),
        household__dwelling__street="Kanaalweg",
        household__dwelling__house_number=12,
    )
    household = tenant.household
    talent = TalentFactory(name="schilderen")
    role = RoleFactory(name="Schilder", slug="schilder", category="techniek", grade=1)
    role.talents.add(talent)
    OpeningFactory(role=role, places=2)
    page.set_viewport_size(PHONE)

    # Mijn week suggests the new tenant for a welcome visit.
    log_in(page, live_server, employee.email)
    open_menu_item(page, "/bezoeken/")
    expect(page.locator("#duty-state")).to_have_attribute("data-state", "open")
    suggestion = page.locator(".suggestion", has_text="Kanaalweg 12")
    expect(suggestion).to_contain_text("welkomstbezoek")  # a Dutch browser: Dutch page
    shoot("my-week")
    assert_accessible()
    assert_no_sideways_scroll(page)

    # Plan it for today.
    suggestion.locator(f"a[href^='/bezoeken/huishoudens/{household.pk}/plannen/']").click()
    expect(page.locator("#id_kind")).to_have_value("welcome")
    shoot("plan")
    assert_accessible()
    assert_no_sideways_scroll(page)
    page.locator("#main form button[type=submit]:not([name])").click()
    expect(page.locator(".alert-success")).to_be_visible()
    expect(page.locator("#duty-state")).to_have_attribute("data-state", "planned")
    visit = Visit.objects.get()

    # At the door: log it by keyboard and taps, with a talent signal.
    page.locator(f"#main a[href='/bezoeken/{visit.pk}/verslag/']").first.click()
    page.locator("#id_outcome_0").focus()
    page.keyboard.press("Space")
    expect(page.locator("#id_outcome_0")).to_be_checked()
    page.locator("label[for=id_satisfaction_7]").click()  # the eighth button: 8
    page.locator("#id_notes").fill("Net verhuisd, blij met de woning.")
    page.locator("details summary").click()
    page.locator("#id_follow_up_talent_signal").fill("schilderen in het trappenhuis")
    page.locator("#id_talent").select_option(label="schilderen")
    shoot("log-form")
    assert_accessible()
    assert_no_sideways_scroll(page)
    page.locator("#visit-log-form button[type=submit]").click()

    expect(page.locator(".alert-success")).to_be_visible()
    expect(page.locator("#visit-status")).to_contain_text(re.compile(r"\S"))
    expect(page.locator(".follow-up")).to_contain_text("schilderen in het trappenhuis")
    shoot("visit-logged")
    assert_accessible()
    assert_no_sideways_scroll(page)
    visit.refresh_from_db()
    assert visit.satisfaction == 8 and visit.outcome == Visit.Outcome.VISITED
    signal = FollowUp.objects.get(kind=FollowUp.Kind.TALENT_SIGNAL)
    assert signal.invitations_sent == 1 and signal.closed_at

    # The tenant finds the invitation.
    log_in(page, live_server, tenant.user.email)
    page.goto(f"{live_server.url}/rollen/mijn-aanmeldingen/")
    invitation = page.locator("a[href*='/rollen/uitnodiging/']")
    expect(invitation).to_have_count(1)
    shoot("tenant-invitations")
    assert_accessible()
    invitation.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    shoot("tenant-invitation")
    assert_accessible()
    assert_no_sideways_scroll(page)


def test_a_tenant_asks_for_a_visit_and_it_comes_first_for_the_employee(
    live_server, page, shoot, assert_accessible
):
    employee = StaffFactory(full_name="Jeroen Visser")
    tenant = ResidentFactory(
        user__full_name="Fatima el Amrani", household__dwelling__street="Lindenlaan"
    )
    page.set_viewport_size(PHONE)

    log_in(page, live_server, tenant.user.email)
    open_menu_item(page, "/bezoeken/kom-binnen/")
    shoot("request-list-empty")
    assert_accessible()
    page.locator("#main a[href='/bezoeken/kom-binnen/vragen/']").click()
    page.locator("#id_topic").fill("Er is vocht in de slaapkamer.")
    shoot("request-create")
    assert_accessible()
    assert_no_sideways_scroll(page)
    page.locator("#main form button[type=submit]").click()
    expect(page.locator(".visit-request .request-status")).to_be_visible()
    shoot("request-list")
    assert_accessible()
    assert VisitRequest.objects.get().status == VisitRequest.Status.OPEN

    # The employee sees it first, and finds the address by postcode too.
    log_in(page, live_server, employee.email)
    page.goto(f"{live_server.url}/bezoeken/")
    expect(page.locator(".suggestion").first).to_contain_text("Er is vocht in de slaapkamer.")
    page.locator("#main a[href='/bezoeken/huishoudens/']").click()
    dwelling = tenant.household.dwelling
    page.locator("#id_q").fill(f"{dwelling.postcode_display} {dwelling.house_number}")
    page.locator("#id_q").press("Enter")
    plan = page.locator(f"a[href='/bezoeken/huishoudens/{tenant.household.pk}/plannen/']")
    expect(plan).to_have_count(1)
    shoot("household-search")
    assert_accessible()
    assert_no_sideways_scroll(page)
    plan.click()
    expect(page.locator("#id_kind")).to_have_value("requested")
    expect(page.locator("#id_planned_for")).to_have_value(timezone.localdate().isoformat())
    page.locator("#main form button[type=submit]:not([name])").click()
    expect(page.locator("#duty-state")).to_have_attribute("data-state", "planned")

    # The tenant sees when it is planned.
    log_in(page, live_server, tenant.user.email)
    page.goto(f"{live_server.url}/bezoeken/kom-binnen/")
    expect(page.locator(".request-status")).to_contain_text("Jeroen")
    shoot("request-planned")
    assert_accessible()
