"""In a real browser: a password pasted from the clipboard logs in, staff pass the second
step, and the main pages run under the Content-Security-Policy without a single violation."""

import pytest
from playwright.sync_api import expect

from porous.models import GroupName
from tests.e2e.conftest import log_in
from tests.factories import PASSWORD, ResidentFactory, StaffFactory, TeamFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Collects what the browser refuses under the policy; added before any page script runs.
WATCH_CSP = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push(`${event.violatedDirective}: ${event.blockedURI || "inline"}`);
});
"""


@pytest.fixture
def csp_watch(page):
    """Fails the test when the browser reports a CSP violation on any page it opened."""
    console = []

    def keep(message):
        if "Content Security Policy" in message.text:
            console.append(message.text)

    page.on("console", keep)
    page.add_init_script(WATCH_CSP)

    def check():
        found = page.evaluate("window.cspViolations") + console
        assert not found, f"CSP violations on {page.url}:\n" + "\n".join(found)

    return check


def test_a_password_pasted_from_the_clipboard_logs_in(live_server, page, shoot):
    tenant = ResidentFactory(user__full_name="Ilse Mulder")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_login").fill(tenant.user.email)
    page.evaluate("password => navigator.clipboard.writeText(password)", PASSWORD)

    password = page.locator("#id_password")
    expect(password).to_have_attribute("autocomplete", "current-password")
    password.focus()
    page.keyboard.press("ControlOrMeta+V")
    expect(password).to_have_value(PASSWORD)
    shoot("pasted")
    password.press("Enter")

    expect(page.get_by_text("Ilse Mulder", exact=True)).to_be_visible()


def test_the_main_pages_run_without_csp_violations(
    live_server, page, shoot, assert_accessible, csp_watch
):
    team = TeamFactory(name="Team Noord")
    employee = StaffFactory(full_name="Jeroen Visser", team=team)
    manager = StaffFactory(
        full_name="Marieke de Boer", team=team, groups=[GroupName.EMPLOYEE, GroupName.MANAGER]
    )
    team.manager = manager
    team.save()

    response = page.goto(live_server.url)
    assert "script-src 'self'" in response.headers["content-security-policy"]
    expect(page.locator("table.matrix")).to_be_visible()
    csp_watch()
    page.goto(f"{live_server.url}/accounts/login/")
    csp_watch()

    log_in(page, live_server, employee.email)  # lands on Mijn week
    expect(page).to_have_url(f"{live_server.url}/bezoeken/")
    page.locator("button.dropdown-toggle").first.click()  # Bootstrap's script runs
    expect(page.locator(".dropdown-menu.show")).to_be_visible()
    shoot("my-week")
    csp_watch()

    log_in(page, live_server, manager.email)
    page.goto(f"{live_server.url}/dashboard/")
    expect(page.locator("svg").first).to_be_visible()
    shoot("dashboard")
    assert_accessible()
    csp_watch()

    # The watch itself works: an inline script is refused and reported.
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = '1';"
        " document.body.append(s); }"
    )
    page.wait_for_function("window.cspViolations.length > 0")
    with pytest.raises(AssertionError, match="script-src"):
        csp_watch()
