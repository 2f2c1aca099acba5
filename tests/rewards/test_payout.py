import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from rewards import services
from rewards.models import Grant, Payout
from tests.factories import ResidentFactory
from tests.factories_rewards import (
    ArrangementFactory,
    CostsArrangementFactory,
    GrantFactory,
    InKindArrangementFactory,
)

D = Decimal
TODAY = datetime.date(2026, 11, 23)
OCT, NOV, DEC = (datetime.date(2026, m, 1) for m in (10, 11, 12))
LIST = reverse("rewards:payout-list")
EXPORT = reverse("rewards:payout-export")
pytestmark = pytest.mark.django_db


def rows(content):
    assert content.startswith("\ufeff")
    return list(csv.reader(io.StringIO(content[1:]), delimiter=";"))


def approved(resident, amount, month=NOV, arrangement=None, **fields):
    return GrantFactory(
        resident=resident,
        arrangement=arrangement or ArrangementFactory(),
        amount=D(amount),
        month=month,
        status=Grant.Status.APPROVED,
        **fields,
    )


@pytest.fixture
def approved_grants(tenant, other_tenant):
    costs = CostsArrangementFactory()
    return [
        approved(tenant, "50.00"),
        approved(tenant, "25.50"),
        approved(tenant, "12.40", arrangement=costs, description="Verf, bon 17"),
        approved(tenant, "100.00", month=OCT),
        approved(other_tenant, "1234.56", arrangement=costs, description="Reis, bon 3"),
    ]


@pytest.fixture(autouse=True)
def _in_english():
    # The file is written in the language of the moment; the assertions are in English.
    with translation.override("en"):
        yield


def export(user):
    return services.payout_export(by=user, today=TODAY)


def test_one_line_per_resident_and_month_with_totals(coordinator, tenant, approved_grants):
    file = export(coordinator)
    lines = rows(file.content)
    assert lines[0] == [
        "Resident number",
        "Name",
        "Email address",
        "Month",
        "Volunteer allowance",
        "Reimbursed costs",
        "Total",
        "Number of rewards",
    ]
    assert lines[1:] == [
        [str(tenant.pk), "Fatima el Amrani", tenant.user.email, "2026-10"]
        + ["100,00", "0,00", "100,00", "1"],
        [str(tenant.pk), "Fatima el Amrani", tenant.user.email, "2026-11"]
        + ["75,50", "12,40", "87,90", "3"],
        [lines[3][0], "Kees de Vries", lines[3][2], "2026-11"]
        + ["0,00", "1234,56", "1234,56", "1"],
        ["", "Total", "", "", "175,50", "1246,96", "1422,46", "5"],
    ]
    assert file.total == D("1422.46")
    assert file.filename.startswith(f"uitbetaling-{file.payout.pk}-")


def test_export_marks_the_grants_paid_once(coordinator, manager, approved_grants):
    file = export(coordinator)
    assert set(file.payout.grants.all()) == set(approved_grants)
    paid = Grant.objects.filter(pk__in=[g.pk for g in approved_grants])
    assert all(g.status == Grant.Status.PAID and g.paid_at for g in paid)
    second = export(manager)
    assert second.payout is None and second.lines == []
    assert len(rows(second.content)) == 1  # the header only
    assert Payout.objects.count() == 1


def test_export_leaves_out_what_is_not_for_finance(coordinator, tenant):
    approved(tenant, "10.00", month=DEC)  # next month: not yet
    GrantFactory(resident=tenant, amount=D("20"))  # still waiting for approval
    in_kind = GrantFactory(
        resident=tenant, arrangement=InKindArrangementFactory(), status=Grant.Status.APPROVED
    )
    assert export(coordinator).payout is None
    in_kind.refresh_from_db()
    assert in_kind.status == Grant.Status.APPROVED


def test_names_cannot_run_as_spreadsheet_formulas(coordinator):
    resident = ResidentFactory(user__full_name="=HYPERLINK(1)")
    approved(resident, "5.00")
    assert rows(export(coordinator).content)[1][1] == "'=HYPERLINK(1)"


# --- the pages -------------------------------------------------------------------------


def logged_in(client, user):
    client.force_login(user)
    client.cookies["django_language"] = "en"
    return client


def test_payout_list_shows_the_next_payout(client, coordinator, tenant):
    approved(tenant, "1234.56", month=datetime.date(2026, 1, 1))
    html = logged_in(client, coordinator).get(LIST).content.decode()
    assert "€\u00a01.234,56" in html
    assert "Download the payout file" in html


def test_download_marks_paid_and_a_second_click_gets_nothing(client, coordinator, tenant):
    grant = approved(tenant, "30.00", month=datetime.date(2026, 1, 1))
    client = logged_in(client, coordinator)
    response = client.post(EXPORT)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert rows(response.content.decode())[1][6] == "30,00"
    grant.refresh_from_db()
    assert grant.status == Grant.Status.PAID

    response = client.post(EXPORT, follow=True)
    assert "There is nothing to pay out" in response.content.decode()
    assert Payout.objects.count() == 1

    # The earlier file can be downloaded again; that changes nothing.
    again = client.get(reverse("rewards:payout-download", args=[grant.payout_id]))
    assert rows(again.content.decode())[1][6] == "30,00"
    assert "Download again" in client.get(LIST).content.decode()


def test_payout_pages_access(client, tenant, employee, coordinator):
    payout = GrantFactory(resident=tenant, status=Grant.Status.PAID).payout
    download = reverse("rewards:payout-download", args=[payout.pk])
    for url in (LIST, download):
        assert client.get(url)["Location"].startswith(reverse("account_login"))
    for user in (tenant.user, employee):
        client.force_login(user)
        assert client.get(LIST).status_code == 403
        assert client.post(EXPORT).status_code == 403
        assert client.get(download).status_code == 403
    client.force_login(coordinator)
    assert client.get(EXPORT).status_code == 405
    assert client.post(LIST).status_code == 405
    assert client.get(reverse("rewards:payout-download", args=[999999])).status_code == 404
    assert Grant.objects.get().status == Grant.Status.PAID


def test_payout_list_query_count_is_fixed(client, coordinator, django_assert_max_num_queries):
    client.force_login(coordinator)

    def make(count):
        for _ in range(count):
            approved(ResidentFactory(), "10.00", month=OCT)
        GrantFactory(status=Grant.Status.PAID, amount=D("5"))

    # session, user, the staff two-step check, the permissions (2), the next payout's lines,
    # the earlier payouts with their totals, the menu's resident check, the session saved
    # (3): 11.
    make(2)
    with django_assert_max_num_queries(11):
        assert client.get(LIST).status_code == 200
    make(30)
    with django_assert_max_num_queries(11):
        response = client.get(LIST)
    assert response.content.decode().count("<tr>") == 32 + 2  # lines, header and total
