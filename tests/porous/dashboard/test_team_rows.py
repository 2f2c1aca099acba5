"""Tables with a row per team: the page shows the teams that need attention most, the
download has them all."""

import datetime
import pickle  # nosec B403: round trip of our own table
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from porous.dashboard.blocks.base import MONEY, PERCENT, TEAM_ROWS_ON_PAGE, TEXT, Column, Table
from porous.dashboard.blocks.visits import follow_ups_block
from porous.dashboard.filters import Filters
from tests.conftest import login
from tests.factories import StaffFactory, TeamFactory
from tests.factories_visits import FollowUpFactory, LoggedVisitFactory

pytestmark = pytest.mark.django_db

EXTRA = 3  # teams beyond what the page shows


def _open_table(open_per_team):
    table = Table("t", "Open per team", [Column("Group", TEXT), Column("Open")], "")
    table.add("Managers", 1)
    for number, n_open in enumerate(open_per_team):
        table.add(f"Team {number}", n_open, attention=(-n_open,))
    table.add("No team", 4)
    table.add("All", sum(open_per_team) + 4, total=True)
    return table


def test_the_page_shows_the_first_teams_by_rank_between_the_rows_always_shown():
    open_per_team = list(range(TEAM_ROWS_ON_PAGE + EXTRA))  # team n has n open
    table = _open_table(open_per_team)
    shown = [row.head.value for row in table.page_rows]
    most_first = [f"Team {n}" for n in reversed(open_per_team)][:TEAM_ROWS_ON_PAGE]
    assert shown == ["Managers", *most_first, "No team", "All"]
    assert table.left_off == EXTRA
    assert len(table.rows) == TEAM_ROWS_ON_PAGE + EXTRA + 3  # the download: every row
    assert ">Team 0<" not in table.body_html and ">Team 17<" in table.body_html


def test_the_note_says_one_team_in_the_singular():
    table = _open_table(list(range(TEAM_ROWS_ON_PAGE + 1)))
    table.ranked_by = "meeste open eerst"
    with override("nl"):
        note = render_to_string(
            "porous/dashboard/includes/_table.html", {"table": table, "downloads": False}
        )
    assert table.left_off == 1
    assert "(meeste open eerst). Nog 1 team staat in de download." in " ".join(note.split())


def test_up_to_the_limit_every_row_is_shown_in_its_own_order():
    table = _open_table(list(range(TEAM_ROWS_ON_PAGE)))
    assert table.page_rows == table.rows and table.left_off == 0


@pytest.fixture
def many_teams():
    """One more team than the page shows plus two: team n has n overdue follow-ups."""
    today = timezone.localdate()
    teams = []
    for number in range(TEAM_ROWS_ON_PAGE + EXTRA):
        team = TeamFactory(name=f"Team {number + 1}")
        owner = StaffFactory(team=team)
        visit = LoggedVisitFactory(employee=owner, planned_for=today - datetime.timedelta(days=30))
        for _ in range(number):
            FollowUpFactory(visit=visit, owner=owner, due_on=today - datetime.timedelta(days=5))
        teams.append(team)
    return teams


def test_follow_ups_show_the_teams_with_most_overdue_and_the_csv_has_all(
    client, manager, many_teams
):
    [table] = follow_ups_block(Filters.default()).tables
    shown = [row.head.value for row in table.page_rows if not row.total]
    # Team 1 has nothing open: not a row at all. Of the other 17, the 15 most overdue.
    assert shown == [f"Team {n}" for n in range(TEAM_ROWS_ON_PAGE + EXTRA, EXTRA, -1)]
    assert table.left_off == EXTRA - 1

    cache.clear()
    login(client, manager)
    with override("nl"):
        page = client.get(reverse("dashboard:dashboard")).content.decode()
    assert "Nog 2 teams staan in de download" in page
    assert "meeste te late vervolgacties eerst" in page
    csv = client.get(reverse("dashboard:block-csv", args=["follow-ups"])).content.decode()
    assert all(f"Team {n};" in csv for n in range(2, TEAM_ROWS_ON_PAGE + EXTRA + 1))


def test_narrowed_to_one_team_its_row_is_there(client, manager, many_teams):
    team = many_teams[1]
    [table] = follow_ups_block(Filters.default(team=team)).tables
    assert [row.head.value for row in table.page_rows] == [team.name]
    assert table.left_off == 0


def test_a_table_kept_for_the_downloads_comes_back_the_same():
    table = Table(
        "t",
        "Shares",
        [Column("Group", TEXT), Column("Share", PERCENT), Column("Euro", MONEY), Column("N")],
        "",
        ranked_by="lowest share first",
    )
    table.add(
        "Team 1", Decimal("66.7"), Decimal("12.50"), 3, links={0: "/x?team=1"}, attention=(0,)
    )
    table.add("Team 2", None, Decimal("0"), 0, attention=(1,))
    table.add("12.5", "", Decimal("0.00"), Decimal("3.00"), attention=(2,))  # odd, yet kept
    table.add("All", Decimal("33.3"), None, 3, total=True)
    back = pickle.loads(pickle.dumps(table))  # noqa: S301 (our own bytes)
    assert back == table
    assert isinstance(back.rows[0].cells[1].value, Decimal)
    assert [type(cell.value) for cell in back.rows[2].cells] == [str, str, Decimal, Decimal]
    assert back.rows[0].cells[0].href == "/x?team=1" and back.rows[3].total
