"""A manager opens the dashboard, narrows it to a neighbourhood and to a cell of the matrix,
and downloads a table whose numbers are the selectors' numbers. The pages speak Dutch (the
browser is nl-NL), so the steps find things by id and URL, not by text."""

import csv
import datetime
import io

import pytest
from playwright.sync_api import expect

from porous.dashboard import selectors
from porous.dashboard.filters import Filters
from porous.models import GroupName
from roles.models import Application
from tests.e2e.conftest import assert_no_sideways_scroll, log_in
from tests.factories import (
    ComplexFactory,
    HouseholdFactory,
    NeighbourhoodFactory,
    ResidentFactory,
    RoleFactory,
    StaffFactory,
    TeamFactory,
)
from tests.factories_roles import OpeningFactory
from tests.factories_visits import FollowUpFactory, LoggedVisitFactory
from visits.models import Visit
from visits.weeks import local_today

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def cast():
    today = local_today()
    team = TeamFactory(name="Team Noord")
    manager = StaffFactory(
        full_name="Marieke de Boer",
        email="marieke@example.nl",
        team=team,
        groups=[GroupName.EMPLOYEE, GroupName.MANAGER],
    )
    team.manager = manager
    team.save()
    visitor = StaffFactory(full_name="Jeroen Visser", team=team)
    places = {}
    for code, name, size in (("BB", "Bomenbuurt", 5), ("VW", "Vogelwijk", 3)):
        neighbourhood = NeighbourhoodFactory(code=code, name=name)
        complex_ = ComplexFactory(neighbourhood=neighbourhood)
        households = [
            HouseholdFactory(dwelling__complex=complex_, main_tenant_birth_year=1950 + 9 * n)
            for n in range(size)
        ]
        places[name] = (neighbourhood, complex_, households)
    bomen = places["Bomenbuurt"][2]
    for day, household, score in (
        (0, bomen[0], 8),
        (-20, bomen[1], 6),
        (-40, places["Vogelwijk"][2][0], 9),
    ):
        visit = LoggedVisitFactory(
            household=household,
            employee=visitor if day else manager,
            planned_for=today + datetime.timedelta(days=day),
            satisfaction=score,
        )
    LoggedVisitFactory(
        household=bomen[2],
        employee=visitor,
        planned_for=today - datetime.timedelta(days=3),
        outcome=Visit.Outcome.NOBODY_HOME,
        satisfaction=None,
    )
    FollowUpFactory(visit=visit, due_on=today - datetime.timedelta(days=1))
    role = RoleFactory(name="Klushulp", category="techniek", grade=1)
    opening = OpeningFactory(role=role, complex=places["Bomenbuurt"][1], places=3)
    for household in bomen[:2]:
        Application.objects.create(
            resident=ResidentFactory(household=household, birth_date=datetime.date(1999, 4, 1)),
            opening=opening,
            status=Application.Status.ACTIVE,
            started_on=today - datetime.timedelta(days=30),
        )
    Application.objects.create(resident=ResidentFactory(household=bomen[3]), opening=opening)
    return manager, places


def test_manager_filters_the_dashboard_and_downloads_a_table(
    live_server, page, shoot, assert_accessible, cast
):
    manager, places = cast
    bomenbuurt = places["Bomenbuurt"][0]
    log_in(page, live_server, manager.email)

    # Through the menu: Work → Dashboard.
    page.locator('.dropdown:has(a[href="/dashboard/"]) .dropdown-toggle').click()
    page.locator('a[href="/dashboard/"]').click()
    expect(page).to_have_url(f"{live_server.url}/dashboard/")
    expect(page.locator("#block-satisfaction")).to_be_visible()
    expect(page.locator("#table-reach tbody tr")).to_have_count(3)  # two and all
    shoot("dashboard")
    assert_accessible()

    # Narrow to a neighbourhood with the filter form.
    page.locator("#id_neighbourhood").select_option(str(bomenbuurt.pk))
    page.locator("#dashboard-filters button[type=submit]").click()
    expect(page.locator("#narrowing")).to_contain_text("Bomenbuurt")
    expect(page.locator("#table-reach tbody tr")).to_have_count(1)
    assert f"neighbourhood={bomenbuurt.pk}" in page.url

    # Download the reach table: its numbers are the selector's.
    with page.expect_download() as info:
        page.locator("#csv-reach").click()
    download = info.value
    assert download.suggested_filename.startswith("dashboard-reach-")
    raw = open(download.path(), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    expected = selectors.reach(Filters.default(neighbourhood=bomenbuurt))
    assert [row.name for row in expected] == ["Bomenbuurt"]
    row = expected[0]
    assert (row.households, row.reached, row.never) == (5, 2, 3)
    assert rows[1] == [
        "Bomenbuurt",
        "5",
        "2",
        "40,0",
        "3",
        "60,0",
    ]
    assert rows[1][1:3] == [str(row.households), str(row.reached)]

    # Narrow further by clicking a cell of the heat map: technical work, grade 1.
    page.locator('#chart-matrix a[href*="category=techniek"][href*="grade=1"]').first.click()
    expect(page.locator("#narrowing li")).to_have_count(2)
    holders = page.locator("#table-matrix tbody tr").first.locator("td").nth(2)
    cells = selectors.matrix(
        Filters.default(neighbourhood=bomenbuurt, category="techniek", grade=1)
    )
    expect(holders).to_have_text(str(cells[0].holders))
    assert cells[0].holders == 2
    shoot("dashboard-narrowed")
    assert_accessible()

    # On a phone, by keyboard: the same page, nothing wider than the screen.
    page.set_viewport_size({"width": 360, "height": 740})
    assert_no_sideways_scroll(page)
    shoot("dashboard-360")
    assert_accessible()
    page.locator("#id_neighbourhood").focus()
    page.keyboard.press("Tab")  # on to the team
    expect(page.locator("#id_team")).to_be_focused()


def test_employee_sees_only_their_own_record(live_server, page, shoot, assert_accessible, cast):
    manager, _places = cast
    employee = StaffFactory(email="jan@example.nl", team=manager.team)
    log_in(page, live_server, employee.email)

    page.goto(f"{live_server.url}/dashboard/")
    assert page.locator("h1").count() == 1 and page.locator("#block-duty").count() == 0
    page.locator('.dropdown:has(a[href="/dashboard/mijn-overzicht/"]) .dropdown-toggle').click()
    page.locator('a[href="/dashboard/mijn-overzicht/"]').click()
    expect(page.locator("#block-my-record")).to_be_visible()
    expect(page.locator("#block-my-team")).to_be_visible()
    shoot("my-record")
    assert_accessible()
    page.set_viewport_size({"width": 360, "height": 740})
    assert_no_sideways_scroll(page)
    shoot("my-record-360")
    assert_accessible()
