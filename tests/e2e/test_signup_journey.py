import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.factories import HouseholdFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_new_tenant_signs_up_verifies_and_sees_the_matrix(
    live_server, page, shoot, assert_accessible
):
    household = HouseholdFactory(
        contract_number="HC0042001",
        dwelling__postcode="3521AB",
        dwelling__house_number=12,
        dwelling__street="Kanaalweg",
    )

    page.goto(f"{live_server.url}/accounts/signup/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    shoot("signup")
    assert_accessible()

    page.get_by_label("Uw naam").fill("Noor Hendriks")
    page.get_by_label("E-mailadres").fill("noor@example.nl")
    page.locator("#id_password1").fill("Zonnebloem-Kade-42")
    page.locator("#id_password2").fill("Zonnebloem-Kade-42")
    page.get_by_label("Huurder", exact=True).check()
    expect(page.get_by_label("Inschrijfnummer")).to_be_hidden()
    page.get_by_label("Contractnummer").fill(household.contract_number)
    page.get_by_label("Postcode").fill("3521 ab")
    page.get_by_label("Huisnummer").fill("12")
    page.get_by_role("button", name="Registreren").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("e-mail")
    shoot("verification-sent")
    assert_accessible()

    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page.goto(link)
    shoot("confirm-email")
    assert_accessible()
    page.get_by_role("button", name="Bevestigen").click()

    # Confirming in the same browser logs the tenant in and brings them to the matrix.
    expect(page.get_by_role("heading", level=1)).to_have_text("Wat kunt u doen voor uw buurt?")
    expect(page.get_by_text("Noor Hendriks", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Huismeester").first).to_be_visible()
    shoot("home-logged-in")
    assert_accessible()


def test_matrix_on_a_360px_phone_is_a_list_and_keyboard_usable(
    live_server, page, shoot, assert_accessible
):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url)
    # The grid is hidden on a phone; the list by category shows every role.
    expect(page.locator("table.matrix")).to_be_hidden()
    expect(page.get_by_role("heading", name="Techniek")).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"page scrolls sideways on a phone: {width}px"
    shoot("home-360")
    assert_accessible()

    page.keyboard.press("Tab")
    expect(page.get_by_text("Naar de inhoud")).to_be_focused()
    page.keyboard.press("Enter")
    page.get_by_role("link", name="Huismeester").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Huismeester")
    shoot("role-detail-360")
    assert_accessible()
