"""The dashboard keeps its figures a few minutes (porous/dashboard/kept.py): the page and its
downloads show the kept figures and say when they were worked out."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
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


def test_beat_keeps_the_dashboard_ahead_in_every_language(client, manager, noord):
    from django_celery_beat.models import PeriodicTask

    from porous.tasks import keep_dashboard_ahead

    task = PeriodicTask.objects.get(name="Keep the dashboard ahead")
    assert task.task == keep_dashboard_ahead.name
    # Every 4 minutes: before the kept copies (5 minutes) run out.
    assert task.interval.every * 60 < 5 * 60
    assert keep_dashboard_ahead.apply().get() == 9 * 2  # nine blocks, Dutch and English

    visit_another(noord)
    login(client, manager)
    with CaptureQueriesContext(connection) as queries:
        dutch = client.get(PAGE)
    english_page = english(client).get(PAGE)

    # Both pages are the figures worked out ahead: the new visit is not counted yet, and the
    # page did not read the visits.
    assert reach_in_noord(dutch) == ["Noord", 2, 1]
    assert reach_in_noord(english_page) == ["Noord", 2, 1]
    assert not [q for q in queries.captured_queries if "visits_visit" in q["sql"]]


def test_keeping_ahead_replaces_copies_that_are_still_kept(client, manager, noord):
    from porous.tasks import keep_dashboard_ahead

    login(client, manager)
    assert reach_in_noord(client.get(PAGE)) == ["Noord", 2, 1]
    visit_another(noord)

    keep_dashboard_ahead.apply().get()

    assert reach_in_noord(client.get(PAGE)) == ["Noord", 3, 2]


def test_nothing_is_kept_ahead_when_keeping_is_off(client, manager, noord, settings):
    from porous.tasks import keep_dashboard_ahead

    settings.DASHBOARD_KEEP_SECONDS = 0
    assert keep_dashboard_ahead.apply().get() == 0
    visit_another(noord)
    login(client, manager)
    assert reach_in_noord(client.get(PAGE)) == ["Noord", 3, 2]
