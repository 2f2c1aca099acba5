import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from rewards.models import Grant
from tests.factories import ResidentFactory
from tests.factories_rewards import ArrangementFactory, GrantFactory, InKindArrangementFactory

from .conftest import euro

D = Decimal
MY = reverse("rewards:my-rewards")
APPROVE_LIST = reverse("rewards:grant-approve-list")
DECIDE = reverse("rewards:grant-bulk-decide")
pytestmark = pytest.mark.django_db


def english(client, user):
    client.force_login(user)
    client.cookies["django_language"] = "en"
    return client


def page(response):
    assert response.status_code == 200
    return response.content.decode()


# --- anonymous, wrong method, too low a role -----------------------------------------------


@pytest.mark.parametrize(
    "url", [MY, APPROVE_LIST, reverse("rewards:grant-detail", args=[1]), DECIDE]
)
def test_anonymous_is_sent_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_wrong_methods(client, tenant, coordinator, limits):
    grant = GrantFactory(resident=tenant)
    client.force_login(tenant.user)
    assert client.post(MY).status_code == 405
    assert client.post(reverse("rewards:grant-detail", args=[grant.pk])).status_code == 405
    client.force_login(coordinator)
    assert client.post(APPROVE_LIST).status_code == 405
    assert client.get(DECIDE).status_code == 405


@pytest.mark.parametrize("who", ["tenant", "home_seeker", "employee"])
def test_only_approvers_see_the_approval_list(client, request, who):
    person = request.getfixturevalue(who)
    client.force_login(getattr(person, "user", person))
    assert client.get(APPROVE_LIST).status_code == 403
    assert client.post(DECIDE, {"decision": "approve"}).status_code == 403


def test_staff_without_a_resident_profile_have_no_rewards_page(client, employee):
    client.force_login(employee)
    assert client.get(MY).status_code == 404


# --- my rewards ----------------------------------------------------------------------------


def test_my_rewards_shows_what_was_received_pending_and_the_room_left(
    client, tenant, limits, this_month
):
    GrantFactory(resident=tenant, month=this_month, amount=D("50"), status=Grant.Status.PAID)
    GrantFactory(resident=tenant, month=this_month, amount=D("25.50"))
    GrantFactory(
        resident=tenant,
        month=this_month,
        arrangement=InKindArrangementFactory(name="Waardebon"),
        amount=None,
        description="Bon voor de bouwmarkt",
        status=Grant.Status.APPROVED,
    )
    html = page(english(client, tenant.user).get(MY))
    assert "My rewards" in html
    assert euro("50.00") in html and euro("25.50") in html
    assert "Bon voor de bouwmarkt" in html
    assert "Waiting for approval" in html
    left_month = euro(D("210") - D("75.50"))
    assert f"you can still get <strong>{left_month}</strong>" in html
    assert f"<strong>{euro(D('2100') - D('75.50'))}</strong>" in html
    assert f"at most {euro('5.60')} an hour" in html
    assert "close to the tax-free limit" not in html


def test_my_rewards_warns_at_80_percent(client, tenant, limits, this_month):
    GrantFactory(resident=tenant, month=this_month, amount=D("168.00"))
    html = page(english(client, tenant.user).get(MY))
    assert "close to the tax-free limit" in html


def test_my_rewards_without_limits_for_this_year(client, tenant):
    html = page(english(client, tenant.user).get(MY))
    assert "limits for" in html and "are not known yet" in html


def test_a_resident_sees_only_their_own_grants(client, tenant, other_tenant, limits, this_month):
    GrantFactory(resident=tenant, month=this_month, reason="Eigen klus")
    theirs = GrantFactory(
        resident=other_tenant,
        month=this_month,
        arrangement=InKindArrangementFactory(name="Gereedschap van Kees"),
        amount=None,
    )
    html = page(english(client, tenant.user).get(MY))
    assert "Gereedschap van Kees" not in html
    assert reverse("rewards:grant-detail", args=[theirs.pk]) not in html
    assert client.get(reverse("rewards:grant-detail", args=[theirs.pk])).status_code == 404


def test_my_rewards_query_count_is_fixed(
    client, tenant, limits, this_month, django_assert_max_num_queries
):
    client.force_login(tenant.user)
    # session, user, the staff two-step check, resident (access), limits, the month and year
    # sums, the grants with their arrangements, the menu (its resident check, and the
    # permissions another app's item asks for: 3), the session saved (3): 13, whatever the
    # number of grants.
    with django_assert_max_num_queries(13):
        page(client.get(MY))
    for n in range(30):
        GrantFactory(resident=tenant, month=this_month, amount=D("1"), arrangement__name=f"A{n}")
    with django_assert_max_num_queries(13):
        page(client.get(MY))


# --- grant detail ----------------------------------------------------------------------


def test_grant_detail_for_its_resident_and_for_an_approver(client, tenant, coordinator, limits):
    grant = GrantFactory(
        resident=tenant,
        amount=D("22.40"),
        hours=D("4"),
        status=Grant.Status.REJECTED,
        decision_note="Dubbel ingediend",
    )
    url = reverse("rewards:grant-detail", args=[grant.pk])
    html = page(english(client, tenant.user).get(url))
    assert "Dubbel ingediend" in html and euro("5.60") in html
    assert "Fatima el Amrani" not in html.split("<main", 1)[1].split("</nav>")[0]
    html = page(english(client, coordinator).get(url))
    assert "Fatima el Amrani" in html


def test_grant_detail_is_404_for_staff_who_do_not_approve(client, employee, tenant, limits):
    grant = GrantFactory(resident=tenant)
    client.force_login(employee)
    assert client.get(reverse("rewards:grant-detail", args=[grant.pk])).status_code == 404


# --- the approval list and bulk decisions --------------------------------------------------


@pytest.mark.parametrize("who", ["coordinator", "manager"])
def test_approvers_see_the_waiting_grants_with_warnings(client, request, who, tenant, limits):
    GrantFactory(resident=tenant, amount=D("150"), status=Grant.Status.APPROVED)
    waiting = GrantFactory(resident=tenant, amount=D("20"), reason="Tuin bijgehouden")
    GrantFactory(resident=tenant, amount=D("5"), status=Grant.Status.PAID)
    html = page(english(client, request.getfixturevalue(who)).get(APPROVE_LIST))
    assert f'value="{waiting.pk}"' in html
    assert "Tuin bijgehouden" in html
    assert "Close to the limit" in html
    assert f"{euro('175.00')} of {euro('210.00')}" in html
    assert html.count('name="grants"') == 1


def test_approval_list_when_nothing_waits(client, coordinator):
    html = page(english(client, coordinator).get(APPROVE_LIST))
    assert "No rewards are waiting" in html


def test_bulk_approve_approves_each_and_lists_the_refused_with_the_reason(
    client, coordinator, tenant, other_tenant, limits
):
    first = GrantFactory(resident=tenant, amount=D("150"))
    second = GrantFactory(resident=tenant, amount=D("150"))  # crosses the limit with `first`
    third = GrantFactory(resident=other_tenant, amount=D("30"))
    response = english(client, coordinator).post(
        DECIDE, {"grants": [first.pk, second.pk, third.pk], "decision": "approve"}, follow=True
    )
    html = page(response)
    assert "2 rewards approved." in html
    assert "Not approved: Fatima el Amrani" in html
    assert f"The tax-free limit is {euro('210.00')} a month" in html
    statuses = dict(Grant.objects.values_list("pk", "status"))
    assert statuses == {first.pk: "approved", second.pk: "proposed", third.pk: "approved"}


def test_bulk_reject_needs_a_reason_and_saves_nothing_without(client, coordinator, tenant, limits):
    grant = GrantFactory(resident=tenant)
    client = english(client, coordinator)
    html = page(client.post(DECIDE, {"grants": [grant.pk], "decision": "reject", "reason": ""}))
    assert "Nothing was saved" in html and "Say why" in html
    # The ticked box stays ticked, so the coordinator only adds the reason.
    assert re.search(rf'id="grant-{grant.pk}"\s+checked', html)
    grant.refresh_from_db()
    assert grant.status == Grant.Status.PROPOSED
    response = client.post(
        DECIDE,
        {"grants": [grant.pk], "decision": "reject", "reason": "Al vergoed"},
        follow=True,
    )
    assert "1 reward rejected." in page(response)
    grant.refresh_from_db()
    assert (grant.status, grant.decision_note) == (Grant.Status.REJECTED, "Al vergoed")


@pytest.mark.parametrize(
    "data",
    [
        {"decision": "approve"},
        {"grants": ["999999"], "decision": "approve"},
        {"grants": ["x"], "decision": "approve"},
        {"grants": ["1"], "decision": "pay everything"},
    ],
)
def test_bulk_decide_with_invalid_input_shows_the_page_again(
    client, coordinator, tenant, limits, data
):
    grant = GrantFactory(resident=tenant)
    if data.get("grants") == ["1"]:
        data["grants"] = [grant.pk]
    html = page(english(client, coordinator).post(DECIDE, data))
    assert "Nothing was saved" in html
    assert Grant.objects.get().status == Grant.Status.PROPOSED


def test_double_click_decides_once(client, coordinator, tenant, limits):
    grant = GrantFactory(resident=tenant)
    client = english(client, coordinator)
    data = {"grants": [grant.pk], "decision": "approve"}
    page(client.post(DECIDE, data, follow=True))
    html = page(client.post(DECIDE, data, follow=True))
    assert "1 reward was decided already." in html
    assert "approved." not in html.split("<main")[1].split("decided already")[0]
    grant.refresh_from_db()
    assert grant.status == Grant.Status.APPROVED


def _waiting_grants(count):
    arrangements = [ArrangementFactory(), InKindArrangementFactory()]
    for n in range(count):
        resident = ResidentFactory()
        GrantFactory(resident=resident, amount=D("20"), status=Grant.Status.APPROVED)
        GrantFactory(resident=resident, arrangement=arrangements[n % 2], amount=D("10"))


def test_approval_list_query_count_is_fixed(
    client, coordinator, limits, django_assert_max_num_queries
):
    client.force_login(coordinator)
    # session, user, the staff two-step check, the permission check (user and group
    # permissions: 2), the count, the grants with resident, user, arrangement and proposer,
    # the limits, the month sums, the year sums, the menu's resident check, and the session
    # saved (3): 14, whatever the number of grants.
    _waiting_grants(3)
    with django_assert_max_num_queries(14):
        html = page(client.get(APPROVE_LIST))
    assert html.count('name="grants"') == 3
    _waiting_grants(40)
    with django_assert_max_num_queries(14):
        html = page(client.get(APPROVE_LIST))
    assert html.count('name="grants"') == 43


# --- the menu --------------------------------------------------------------------------


def test_menu_items(client, tenant, coordinator, employee):
    my, approve = f'href="{MY}"', f'href="{APPROVE_LIST}"'
    html = page(english(client, tenant.user).get(reverse("home")))
    assert my in html and approve not in html
    html = page(english(client, coordinator).get(reverse("home")))
    assert approve in html and my not in html
    html = page(english(client, employee).get(reverse("home")))
    assert approve not in html and my not in html


def test_month_names_follow_the_language(client, tenant, limits):
    GrantFactory(resident=tenant, month=datetime.date(2026, 3, 1), reason="Maart")
    client.force_login(tenant.user)
    assert "maart 2026" in page(client.get(MY))


def test_proposals_that_together_are_over_the_limit_are_marked(client, coordinator, tenant, limits):
    GrantFactory(resident=tenant, amount=D("150"))
    GrantFactory(resident=tenant, amount=D("150"))
    html = page(english(client, coordinator).get(APPROVE_LIST))
    assert html.count("Over the limit") == 2
    assert "Close to the limit" not in html
