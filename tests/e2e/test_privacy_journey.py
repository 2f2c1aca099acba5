"""A tenant uses their AVG rights: reads the privacy page, downloads their data and deletes their
account. The browser is Dutch; texts are looked up through gettext in Dutch, so the steps hold
before and after the translations are filled in."""

import json

import pytest
from allauth.account.adapter import get_adapter
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from porous.models import User
from porous.privacy.erase import is_erased
from tests.factories import PASSWORD, ResidentFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WIDE = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}


def dutch(msgid):
    with translation.override("nl"):
        return gettext(msgid)


@pytest.fixture
def tenants():
    fatima = ResidentFactory(
        user__full_name="Fatima el Amrani",
        user__email="fatima@example.nl",
        household__contract_number="HC0042001",
        household__dwelling__street="Kanaalweg",
        household__dwelling__house_number=12,
        household__dwelling__postcode="3521AB",
    )
    kees = ResidentFactory(
        user__full_name="Kees de Vries",
        user__email="kees@example.nl",
        household__contract_number="HC0099007",
        household__dwelling__street="Vleutenseweg",
        household__dwelling__house_number=301,
        household__dwelling__postcode="3532HN",
    )
    return fatima, kees


def log_in(page, live_server, email, password):
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(password)
    page.locator("#id_password").press("Enter")


@pytest.fixture
def look(page, shoot, assert_accessible):
    """Screenshot and axe the page at 1280 px and at 360 px, then go back to 1280 px."""

    def check(name):
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible()
        shoot(f"{name}-1280")
        page.set_viewport_size(PHONE)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{name} scrolls sideways on a phone: {width}px"
        assert_accessible()
        shoot(f"{name}-360")
        page.set_viewport_size(WIDE)

    return check


def test_tenant_downloads_their_data_and_deletes_their_account(
    live_server, page, look, shoot, tenants
):
    fatima, kees = tenants
    page.set_viewport_size(WIDE)
    log_in(page, live_server, "fatima@example.nl", PASSWORD)
    expect(page.get_by_text("Fatima el Amrani", exact=True)).to_be_visible()

    # The privacy page, from the footer of any page.
    page.locator("footer").get_by_role("link", name=dutch("Privacy")).click()
    expect(page).to_have_url(f"{live_server.url}/privacy/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        dutch("Privacy: what we keep about you")
    )
    look("privacy")

    # "Mijn gegevens" from the menu.
    page.get_by_role("button", name=dutch("My pages")).click()
    page.get_by_role("link", name=dutch("My data"), exact=True).first.click()
    expect(page).to_have_url(f"{live_server.url}/privacy/mijn-gegevens/")
    look("my-data")

    with page.expect_download() as download:
        page.get_by_role("link", name=dutch("Download my data")).click()
    assert download.value.suggested_filename.startswith("mijn-gegevens-")
    with open(download.value.path(), encoding="utf-8") as file:
        text = file.read()
    data = json.loads(text)
    assert data["profile"]["full_name"] == "Fatima el Amrani"
    assert data["profile"]["email"] == "fatima@example.nl"
    assert data["household"]["contract_number"] == "HC0042001"
    assert data["household"]["postcode"] == "3521AB"
    assert "Kanaalweg 12" in data["household"]["address"]
    for someone_elses in ("Kees de Vries", "kees@example.nl", "HC0099007", "Vleutenseweg"):
        assert someone_elses not in text

    # Delete: by keyboard from the my-data page to the confirmation.
    delete_link = page.get_by_role("link", name=dutch("Delete my account"))
    for _ in range(40):
        page.keyboard.press("Tab")
        if delete_link.evaluate("link => link === document.activeElement"):
            break
    expect(delete_link).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/privacy/account-verwijderen/")
    look("delete")

    # A wrong password first: a clear error at the field, nothing deleted, still logged in.
    password = page.get_by_label(dutch("Your password"))
    password.fill("not-my-password")
    page.get_by_role("button", name=dutch("Delete my account for good")).click()
    expect(page).to_have_url(f"{live_server.url}/privacy/account-verwijderen/")
    expect(password).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_text(dutch("This is not your password. Try again."))).to_be_visible()
    still = User.objects.get(pk=fatima.user.pk)
    assert still.full_name == "Fatima el Amrani"
    assert still.check_password(PASSWORD)
    expect(page.get_by_text("Fatima el Amrani", exact=True)).to_be_visible()
    shoot("delete-wrong-password")

    # The right password, then Tab to the button and Enter: keyboard only.
    password.fill(PASSWORD)
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name=dutch("Delete my account for good"))).to_be_focused()
    page.keyboard.press("Enter")

    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.get_by_role("status")).to_have_text(
        dutch("Your account is deleted. Thank you for taking part.")
    )
    expect(page.get_by_role("link", name=dutch("Log in"))).to_be_visible()
    expect(page.get_by_text("Fatima el Amrani")).to_have_count(0)
    shoot("deleted")
    assert is_erased(User.objects.get(pk=fatima.user.pk))
    assert not is_erased(User.objects.get(pk=kees.user.pk))

    # The old email and password no longer open anything.
    log_in(page, live_server, "fatima@example.nl", PASSWORD)
    expect(page).to_have_url(f"{live_server.url}/accounts/login/")
    with translation.override("nl"):
        mismatch = str(get_adapter().error_messages["email_password_mismatch"])
    expect(page.get_by_text(mismatch)).to_be_visible()
    page.goto(f"{live_server.url}/privacy/mijn-gegevens/")
    expect(page).to_have_url(f"{live_server.url}/accounts/login/?next=/privacy/mijn-gegevens/")
