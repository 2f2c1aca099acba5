"""The dashboard keeps its figures a few minutes (porous/dashboard/kept.py): the page and its
downloads show the kept figures and say when they were worked out."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.conftest import login
from tests.factories_visits import LoggedVisitFactory
from visits.weeks import local_today

from .conftest import household_in
from .test_views import PAGE, csv_url, english, rows_of, table, values

pytestmark = pytest.mark.django_db


def reach_in_noord(response):
    rows = table(response, "reach").rows
    return next(values(row)[:3] for row in rows if row.head.value == "Noord")


@pytest.fixture
def noord(places):
    household = household_in(places["noord"])
    household_in(places["noord"])
    LoggedVisitFactory(household=household, planned_for=local_today())
    return places["noord"]


def visit_another(neighbourhood):
    LoggedVisitFactory(household=household_in(neighbourhood), planned_for=local_today())


def test_the_page_shows_kept_figures_and_when_they_were_worked_out(client, manager, noord):
    login(client, manager)
    first = client.get(PAGE)
    assert reach_in_noord(first) == ["Noord", 2, 1]

    visit_another(noord)
    again = client.get(PAGE)

    assert reach_in_noord(again) == ["Noord", 2, 1]  # kept: the new visit is not counted yet
    worked_out = timezone.localtime(again.context["worked_out_at"]).strftime("%H:%M")
    assert f"Deze cijfers zijn berekend om {worked_out}." in again.content.decode()
    assert "ziet u binnen 5 minuten" in again.content.decode()
    # The download of the same filters is the same kept block.
    rows = rows_of(client.get(csv_url("reach")))
    assert next(row for row in rows if row[0] == "Noord")[1:3] == ["2", "1"]


def test_other_filters_and_languages_are_worked_out_for_themselves(client, manager, noord):
    login(client, manager)
    client.get(PAGE)
    visit_another(noord)

    narrowed = client.get(PAGE, {"neighbourhood": noord.pk})
    in_english = english(client).get(PAGE)

    assert reach_in_noord(narrowed) == ["Noord", 3, 2]
    assert reach_in_noord(in_english) == ["Noord", 3, 2]
    assert "These figures were worked out at" in in_english.content.decode()


def test_keeping_can_be_turned_off(client, manager, noord, settings):
    settings.DASHBOARD_KEEP_SECONDS = 0
    login(client, manager)
    client.get(PAGE)

    visit_another(noord)
    response = client.get(PAGE)

    assert reach_in_noord(response) == ["Noord", 3, 2]
    assert "binnen" not in response.content.decode()


def test_the_kept_page_is_the_page_worked_out(client, manager, noord):
    login(client, manager)
    worked_out = figures(client.get(PAGE))
    kept = figures(client.get(PAGE))

    assert kept == worked_out
    assert reverse("dashboard:block-csv", args=["reach"]) in kept


def figures(response):
    """The page from the note on when the figures were worked out to the last block."""
    html = response.content.decode()
    return html[html.index('id="worked-out"') : html.index("</main>")]
