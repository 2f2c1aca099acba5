"""Browser tests: Debian's chromium driven by Playwright against the live test server."""

import os
import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# for their own set-up are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(autouse=True)
def _e2e_migration_data(migration_data):
    """Every browser test starts with the starting catalogue and the staff groups."""


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # A Dutch browser, like most of the corporation's residents have.
    return {**browser_context_args, "locale": "nl-NL", "timezone_id": "Europe/Amsterdam"}


@pytest.fixture
def shoot(page, request):
    """Save a screenshot of the current page as test-artifacts/<test>-<name>.png."""
    ARTIFACTS.mkdir(exist_ok=True)

    def take(name):
        slug = re.sub(r"[^a-z0-9]+", "-", f"{request.node.name}-{name}".lower()).strip("-")
        page.screenshot(path=str(ARTIFACTS / f"{slug}.png"), full_page=True)

    return take


@pytest.fixture
def assert_accessible(page):
    """Run axe on the current page; fail on any serious or critical violation."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check():
        results = axe.run(page)
        bad = [
            f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert not bad, f"axe on {page.url}:\n" + "\n".join(bad)

    return check


# (user id, code) typed so far: allauth takes each code only once, so a second login of the
# same person within one period types the next period's code (MFA_TOTP_TOLERANCE allows it).
_typed_codes = set()


def enter_totp_code(page, email):
    """The second login step: when the person has an authenticator app, the login asks for a
    code; type the one the app shows now. Call it right after the password step."""
    from allauth.mfa.models import Authenticator

    from porous.mfa import totp_code
    from porous.models import User

    user = User.objects.get(email=email)
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        return
    field = page.locator("#id_code")
    expect(field).to_be_visible()
    code = next(
        code
        for code in (totp_code(user, step=step) for step in (0, 1, -1))
        if (user.pk, code) not in _typed_codes
    )
    _typed_codes.add((user.pk, code))
    field.fill(code)
    field.press("Enter")
    expect(field).to_have_count(0)


def log_in(page, live_server, email, password=PASSWORD):
    """Log in through the form as a person does, with the second step when they have an app."""
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(password)
    page.locator("#id_password").press("Enter")
    enter_totp_code(page, email)
    expect(page.locator("form[action$='/accounts/logout/']").first).to_be_attached()


def assert_no_sideways_scroll(page):
    """Nothing on the page is wider than the window (a 360 px phone, say)."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"page scrolls sideways: {width}px"
