"""The dashboard's pages: who gets in, the filters, errors, and the CSV downloads."""

import csv
import datetime
import io
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from porous.dashboard.blocks import TABLE_BLOCKS
from porous.models import GroupName
from tests.conftest import login
from tests.factories import StaffFactory, TeamFactory, UserFactory
from tests.factories_visits import LoggedVisitFactory
from visits.weeks import local_today

from .conftest import household_in

pytestmark = pytest.mark.django_db
PAGE = reverse("dashboard:dashboard")
RECORD = reverse("dashboard:my-record")
SLUGS = [
    "duty",
    "reach",
    "follow-ups",
    "matrix",
    "representativeness",
    "ladder",
    "school",
    "rewards",
    "satisfaction",
]


def csv_url(table="reach", **params):
    url = reverse("dashboard:block-csv", args=[table])
    return f"{url}?{urlencode(params)}" if params else url


def english(client):
    client.cookies["django_language"] = "en"
    return client


def rows_of(response, delimiter=";"):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def table(response, block, index=0):
    blocks = {kept.slug: kept.block for kept in response.context["blocks"]}
    return blocks[block].tables[index]


def values(row):
    return [cell.value for cell in row.cells]


@pytest.fixture
def visited(places):
    """Two households in Noord (one reached today), one in Zuid, none in Leeg."""
    noord = household_in(places["noord"])
    household_in(places["noord"])
    household_in(places["zuid"])
    LoggedVisitFactory(household=noord, planned_for=local_today())


@pytest.mark.parametrize("url", [PAGE, RECORD, csv_url()])
def test_anonymous_visitors_are_sent_to_the_login(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("url", [PAGE, RECORD, csv_url()])
def test_residents_see_none_of_it(client, tenant, home_seeker, url):
    for resident in (tenant, home_seeker):
        assert login(client, resident.user).get(url).status_code == 403


@pytest.mark.parametrize("cast", ["employee", "coordinator"])
def test_employees_get_their_record_but_not_the_dashboard(client, request, cast):
    login(client, request.getfixturevalue(cast))

    assert client.get(PAGE).status_code == 403
    assert client.get(csv_url()).status_code == 403
    assert client.get(RECORD).status_code == 200


@pytest.mark.parametrize("cast", ["manager", "administrator", "superuser"])
def test_managers_and_administrators_see_the_dashboard(client, request, cast):
    response = english(login(client, request.getfixturevalue(cast))).get(PAGE)

    assert response.status_code == 200
    assert [block.slug for block in response.context["blocks"]] == SLUGS
    content = response.content.decode()
    assert "<h1>Dashboard</h1>" in content
    assert 'id="chart-duty-trend' in content
    # Nine charts, less those with nothing to show here, and the heat map (a group of links).
    assert content.count('role="img"') + content.count('-empty">') == 9
    assert 'role="group"' in content


def test_charts_name_their_title_and_description(client, manager):
    content = login(client, manager).get(PAGE).content.decode()  # the manager has duty

    assert 'role="img" aria-labelledby="chart-duty-trend-title chart-duty-trend-desc"' in content
    assert '<title id="chart-duty-trend-title">' in content


def test_a_user_without_a_group_is_refused(client):
    assert login(client, UserFactory()).get(PAGE).status_code == 403


def test_the_menu_shows_the_right_item(client, manager, employee, tenant):
    content = english(login(client, manager)).get(PAGE).content.decode()
    assert f'href="{PAGE}"' in content and f'href="{RECORD}"' not in content

    content = english(login(client, employee)).get(RECORD).content.decode()
    assert f'href="{RECORD}"' in content and f'href="{PAGE}"' not in content

    content = english(login(client, tenant.user)).get(reverse("home")).content.decode()
    assert f'href="{RECORD}"' not in content and f'href="{PAGE}"' not in content


@pytest.mark.parametrize("method", ["post", "put", "delete"])
@pytest.mark.parametrize("url", [PAGE, RECORD, csv_url()])
def test_other_methods_are_not_allowed(client, manager, method, url):
    assert getattr(login(client, manager), method)(url).status_code == 405


def test_filtering_on_a_neighbourhood_narrows_the_numbers(client, manager, visited, places):
    login(client, manager)
    reach = table(client.get(PAGE), "reach")
    assert [values(row)[:3] for row in reach.rows] == [
        ["Leeg", 0, 0],
        ["Noord", 2, 1],
        ["Zuid", 1, 0],
        [reach.rows[-1].cells[0].value, 3, 1],
    ]

    response = client.get(PAGE, {"neighbourhood": places["noord"].pk})

    reach = table(response, "reach")
    assert [values(row)[:3] for row in reach.rows] == [["Noord", 2, 1]]
    assert response.context["narrowing"][0][1] == "Noord"
    # Links keep the other filters and land back at the block.
    href = reach.rows[0].cells[0].href
    assert f"neighbourhood={places['noord'].pk}" in href and "start=" in href
    assert href.endswith("#block-reach")


def test_filtering_on_a_team_and_a_matrix_cell(client, manager, teams):
    StaffFactory(team=teams["a"])
    StaffFactory(team=teams["b"])
    login(client, manager)

    response = client.get(PAGE, {"team": teams["b"].pk, "category": "klant", "grade": 3})

    duty = table(response, "duty")
    assert [values(row)[:2] for row in duty.rows][1:] == [
        ["Team B", 1],
        [duty.rows[-1].cells[0].value, 1],
    ]
    assert len(response.context["narrowing"]) == 2
    matrix = table(response, "matrix")
    assert matrix.rows[0].cells[0].href.count("category=") == 1


def test_the_team_select_lists_every_team_escaped_with_the_chosen_one_selected(client, manager):
    odd = TeamFactory(name='<b>"Noord" & co</b>')
    plain = TeamFactory(name="Zuid")
    login(client, manager)

    page = client.get(PAGE, {"team": plain.pk}).content.decode()

    select = page[page.index('name="team"') : page.index("</select>", page.index('name="team"'))]
    assert '<option value="">Alle teams</option>' in select
    assert (
        f'<option value="{odd.pk}">&lt;b&gt;&quot;Noord&quot; &amp; co&lt;/b&gt;</option>' in select
    )
    assert f'<option value="{plain.pk}" selected>Zuid</option>' in select
    assert select.count(" selected") == 1 and "<b>" not in select


def test_the_team_select_lists_teams_in_the_order_people_read_names(client, manager):
    for name in ["Team 10", "Team 2", "team 1"]:
        TeamFactory(name=name)
    login(client, manager)

    page = client.get(PAGE).content.decode()

    select = page[page.index('name="team"') : page.index("</select>", page.index('name="team"'))]
    assert select.index(">team 1<") < select.index(">Team 2<") < select.index(">Team 10<")


@pytest.mark.parametrize(
    "params, field",
    [
        ({"start": "gisteren"}, "start"),
        ({"end": (local_today() + datetime.timedelta(days=1)).isoformat()}, "end"),
        ({"start": "2026-03-01", "end": "2026-02-01"}, "start"),
        ({"start": "2015-01-01", "end": "2026-01-01"}, "start"),
        ({"neighbourhood": "999999"}, "neighbourhood"),
        ({"neighbourhood": "x'; drop table"}, "neighbourhood"),
        ({"team": "-1"}, "team"),
        ({"category": "tuin"}, "category"),
        ({"grade": "9"}, "grade"),
    ],
)
def test_invalid_filters_show_the_page_with_an_error(client, manager, params, field):
    response = english(login(client, manager)).get(PAGE, params)

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert response.context["blocks"] == []
    content = response.content.decode()
    assert 'id="filter-errors"' in content and 'id="no-numbers"' in content
    assert client.get(csv_url(**params)).status_code == 400


def test_the_error_message_is_clear(client, manager):
    response = english(login(client, manager)).get(PAGE, {"end": "2099-01-01"})

    assert "The period cannot end after today" in response.content.decode()


def test_the_default_period_is_this_week_and_the_eleven_before(client, manager):
    filters = login(client, manager).get(PAGE).context["filters"]

    assert filters.end == local_today()
    assert filters.start.weekday() == 0
    assert 77 <= (filters.end - filters.start).days < 84


def test_csv_download_matches_the_page(client, manager, visited, places):
    login(client, manager)
    page = table(client.get(PAGE, {"neighbourhood": places["noord"].pk}), "reach")

    response = client.get(csv_url("reach", neighbourhood=places["noord"].pk))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="dashboard-reach-')
    assert response.content.startswith("\ufeff".encode())
    rows = rows_of(response)
    assert len(rows[0]) == len(page.columns) == 6
    assert rows[1:] == [["Noord", "2", "1", "50,0", "1", "50,0"]]


def test_follow_up_kinds_short_on_the_page_in_full_in_the_csv(client, manager):
    login(client, manager)
    page = client.get(PAGE).content.decode()
    assert (
        '<span aria-hidden="true">Onderhoud</span>'
        '<span class="visually-hidden">Onderhoudsklacht</span>' in page
    )
    headings = rows_of(client.get(csv_url("follow-ups")))[0]
    assert "Onderhoudsklacht" in headings and "Onderhoud" not in headings


def test_csv_with_decimal_points(client, manager, visited):
    rows = rows_of(login(client, manager).get(csv_url("reach", numbers="plain")), delimiter=",")

    assert rows[-1][1:] == ["3", "1", "33.3", "2", "66.7"]


def test_every_table_downloads(client, manager):
    login(client, manager)
    for slug in TABLE_BLOCKS:
        response = client.get(csv_url(slug))
        assert response.status_code == 200, slug
        assert rows_of(response)[0], slug


def test_an_unknown_table_is_not_found(client, manager):
    assert login(client, manager).get(csv_url("salarissen")).status_code == 404


def test_my_record_shows_my_weeks_and_my_team_only(client):
    team, other = TeamFactory(name="Team Oost"), TeamFactory(name="Team West")
    me = StaffFactory(team=team, groups=[GroupName.EMPLOYEE], full_name="Ik")
    colleague = StaffFactory(team=team, full_name="Collega Zichtbaar")
    StaffFactory(team=other, full_name="Iemand Anders")
    LoggedVisitFactory(employee=me, planned_for=local_today())
    LoggedVisitFactory(employee=colleague, planned_for=local_today())

    response = english(login(client, me)).get(RECORD)

    own, team_block = response.context["own"], response.context["team"]
    assert own.facts[0][1].value == 1  # visits that count this week
    assert team_block.title == "My team: Team Oost"
    assert values(team_block.tables[0].rows[-1])[1:3] == [2, 2]  # both have duty, both met it
    content = response.content.decode()
    assert "Team West" not in content and "Collega Zichtbaar" not in content
    assert "csv/" not in content  # no downloads for employees


def test_my_record_without_a_team(client, employee):
    response = english(login(client, employee)).get(RECORD)

    assert response.context["team"] is None
    assert 'id="no-team"' in response.content.decode()
