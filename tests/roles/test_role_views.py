"""Access and behaviour of every roles URL beyond the matrix itself."""

import datetime

import pytest
from django.urls import reverse

from roles.models import Application, Contribution, Invitation
from tests.factories_roles import ActiveApplicationFactory, ApplicationFactory, OpeningFactory

S = Application.Status


def login(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def opening(coordinator):
    return OpeningFactory(coordinator=coordinator, places=2)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, args",
    [
        ("roles:my-ladder", []),
        ("roles:my-applications", []),
        ("roles:application-create", [1]),
        ("roles:contribution-create", [1]),
        ("roles:invitation-detail", [1]),
        ("roles:coordinator-applications", []),
        ("roles:invitation-create", []),
    ],
)
def test_anonymous_is_sent_to_login(client, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    [
        "roles:application-withdraw",
        "roles:offer-accept",
        "roles:assignment-end",
        "roles:application-decide",
        "roles:contribution-decide",
    ],
)
def test_state_changes_refuse_get(client, tenant, name):
    login(client, tenant.user)
    assert client.get(reverse(name, args=[1])).status_code == 405


@pytest.mark.django_db
def test_resident_pages_are_404_for_staff_without_a_profile(client, employee, opening):
    login(client, employee)
    assert client.get(reverse("roles:my-ladder")).status_code == 404
    assert client.get(reverse("roles:application-create", args=[opening.pk])).status_code == 404


@pytest.mark.django_db
def test_tenant_applies_and_sees_the_application(client, tenant, opening):
    login(client, tenant.user)
    assert client.get(reverse("roles:application-create", args=[opening.pk])).status_code == 200
    response = client.post(
        reverse("roles:application-create", args=[opening.pk]),
        {"motivation": "Ik ben handig.", "availability": "zaterdag"},
    )
    assert response.status_code == 302
    application = Application.objects.get(resident=tenant)
    assert application.status == S.PENDING
    page = client.get(reverse("roles:my-applications")).content.decode()
    assert opening.role.display_name in page


@pytest.mark.django_db
def test_applying_to_a_closed_opening_shows_why_and_saves_nothing(client, tenant):
    closed = OpeningFactory(is_open=False)
    login(client, tenant.user)
    client.cookies["django_language"] = "en"
    response = client.post(
        reverse("roles:application-create", args=[closed.pk]), {"motivation": "x"}, follow=True
    )
    assert "This opening is closed." in response.content.decode()
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_a_resident_cannot_touch_anothers_application(client, tenant, other_tenant):
    theirs = ActiveApplicationFactory(resident=other_tenant)
    login(client, tenant.user)
    for name in ("roles:application-withdraw", "roles:assignment-end", "roles:offer-accept"):
        assert client.post(reverse(name, args=[theirs.pk])).status_code == 404
    assert client.get(reverse("roles:contribution-create", args=[theirs.pk])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == S.ACTIVE


@pytest.mark.django_db
def test_my_applications_shows_only_my_own(client, tenant, other_tenant):
    mine = ApplicationFactory(resident=tenant)
    theirs = ApplicationFactory(resident=other_tenant)
    login(client, tenant.user)
    page = client.get(reverse("roles:my-applications")).content.decode()
    assert mine.opening.role.display_name in page
    assert theirs.opening.role.display_name not in page


@pytest.mark.django_db
def test_holder_logs_hours_and_bad_hours_are_refused(client, tenant):
    application = ActiveApplicationFactory(
        resident=tenant, started_on=datetime.date.today() - datetime.timedelta(days=30)
    )
    url = reverse("roles:contribution-create", args=[application.pk])
    login(client, tenant.user)
    client.cookies["django_language"] = "en"
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    response = client.post(url, {"date": tomorrow, "hours": "2", "description": "Tuin"})
    assert response.status_code == 200
    assert "The date is in the future" in response.content.decode()
    response = client.post(url, {"date": datetime.date.today(), "hours": "25", "description": "x"})
    assert response.status_code == 200
    assert not Contribution.objects.exists()
    response = client.post(
        url, {"date": datetime.date.today(), "hours": "2.5", "description": "Tuin gewied"}
    )
    assert response.status_code == 302
    assert Contribution.objects.get().hours == 2.5


@pytest.mark.django_db
def test_coordinator_list_needs_staff_and_shows_only_own_openings(
    client, tenant, other_tenant, coordinator, employee
):
    own = ApplicationFactory(resident=tenant, opening=OpeningFactory(coordinator=coordinator))
    other = ApplicationFactory(resident=other_tenant)
    url = reverse("roles:coordinator-applications")
    assert login(client, tenant.user).get(url).status_code == 403
    page = login(client, coordinator).get(url).content.decode()
    assert str(own.resident) in page
    assert str(other.resident) not in page
    assert str(own.resident) not in login(client, employee).get(url).content.decode()


@pytest.mark.django_db
def test_manager_sees_every_waiting_application(client, manager, tenant, other_tenant):
    ApplicationFactory(resident=tenant)
    ApplicationFactory(resident=other_tenant)
    page = login(client, manager).get(reverse("roles:coordinator-applications")).content.decode()
    assert str(tenant) in page and str(other_tenant) in page


@pytest.mark.django_db
def test_coordinator_accepts_and_another_coordinator_may_not(client, tenant, coordinator):
    from tests.factories import StaffFactory

    application = ApplicationFactory(
        resident=tenant, opening=OpeningFactory(coordinator=coordinator)
    )
    url = reverse("roles:application-decide", args=[application.pk])
    stranger = StaffFactory(groups=["employee", "coordinator"])
    assert login(client, stranger).post(url, {"action": "accept"}).status_code == 403
    assert login(client, tenant.user).post(url, {"action": "accept"}).status_code == 403
    application.refresh_from_db()
    assert application.status == S.PENDING
    assert login(client, coordinator).post(url, {"action": "accept"}).status_code == 302
    application.refresh_from_db()
    assert application.status == S.ACTIVE


@pytest.mark.django_db
def test_decline_without_a_reason_changes_nothing(client, tenant, coordinator):
    application = ApplicationFactory(
        resident=tenant, opening=OpeningFactory(coordinator=coordinator)
    )
    login(client, coordinator)
    client.post(
        reverse("roles:application-decide", args=[application.pk]),
        {"action": "decline", "reason": ""},
    )
    application.refresh_from_db()
    assert application.status == S.PENDING


@pytest.mark.django_db
def test_invitation_is_answered_by_its_resident_only(client, tenant, other_tenant, coordinator):
    invitation = Invitation.objects.create(
        opening=OpeningFactory(coordinator=coordinator), resident=tenant, invited_by=coordinator
    )
    url = reverse("roles:invitation-detail", args=[invitation.pk])
    assert login(client, other_tenant.user).get(url).status_code == 404
    assert login(client, tenant.user).get(url).status_code == 200
    assert client.post(url, {"answer": "accept"}).status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.ACCEPTED
    assert invitation.application.status == S.PENDING


@pytest.mark.django_db
def test_employee_invites_a_resident_by_email(client, employee, tenant):
    opening = OpeningFactory()
    login(client, employee)
    client.cookies["django_language"] = "en"
    response = client.post(
        reverse("roles:invitation-create"),
        {"opening": opening.pk, "email": "nobody@example.nl", "message": ""},
    )
    assert "No resident has an account" in response.content.decode()
    response = client.post(
        reverse("roles:invitation-create"),
        {"opening": opening.pk, "email": tenant.user.email.upper(), "message": "Doe mee!"},
    )
    assert response.status_code == 302
    assert Invitation.objects.get().resident == tenant
    assert login(client, tenant.user).get(reverse("roles:invitation-create")).status_code == 403


@pytest.mark.django_db
def test_coordinator_list_query_count_is_fixed(client, coordinator, django_assert_max_num_queries):
    def add(n):
        for _ in range(n):
            opening = OpeningFactory(coordinator=coordinator, places=3)
            ApplicationFactory(opening=opening)
            ActiveApplicationFactory(opening=opening)

    add(2)
    login(client, coordinator)
    # session, user, the staff two-step check, the user's groups (1), waiting applications,
    # contributions, openings and their holders, menu checks and the session save. A list
    # longer than its first page adds its count (page_of): at most 3 more, whatever the data.
    with django_assert_max_num_queries(14):
        client.get(reverse("roles:coordinator-applications"))
    add(15)
    with django_assert_max_num_queries(14 + 1):  # 17 openings: two pages, so counted
        response = client.get(reverse("roles:coordinator-applications"))
    assert response.content.decode().count('value="accept"') == 17


@pytest.mark.django_db
def test_coordinator_list_shows_the_oldest_25_first_and_pages_the_rest(client, coordinator):
    from django.utils import timezone

    opening = OpeningFactory(coordinator=coordinator, places=50)
    start = timezone.now() - datetime.timedelta(days=60)
    waiting = []
    for day in range(30):
        application = ApplicationFactory(opening=opening)
        # Created one day apart, in an order unlike the primary keys.
        Application.objects.filter(pk=application.pk).update(
            created_at=start + datetime.timedelta(days=29 - day)
        )
        waiting.append(application.pk)
    oldest_first = list(reversed(waiting))
    url = reverse("roles:coordinator-applications")
    login(client, coordinator)
    client.cookies["django_language"] = "en"

    def shown(page):
        return [pk for pk in oldest_first if f'/aanmelding/{pk}/besluit/"' in page]

    first = client.get(url).content.decode()
    assert shown(first) == oldest_first[:25]
    assert "30 applications are waiting." in first
    assert "Page 1 of 2" in first and "?page=2" in first

    second = client.get(url, {"page": 2, "hours_page": 1}).content.decode()
    assert shown(second) == oldest_first[25:]
    assert "page=1&amp;hours_page=1" in second  # the other list's page is kept
    # A page past the end shows the last page, not an error.
    assert client.get(url, {"page": 99}).status_code == 200


@pytest.mark.django_db
def test_ladder_query_count_is_fixed(client, tenant, django_assert_max_num_queries):
    ActiveApplicationFactory(resident=tenant)
    login(client, tenant.user)
    with django_assert_max_num_queries(20) as small:
        assert client.get(reverse("roles:my-ladder")).status_code == 200
    for _ in range(5):
        ActiveApplicationFactory(resident=tenant, status=S.ENDED, ended_on=datetime.date.today())
    OpeningFactory.create_batch(5)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("roles:my-ladder"))


@pytest.mark.django_db
def test_role_page_lists_the_nearest_opening_first(client, tenant):
    from tests.factories import RoleFactory

    role = RoleFactory()
    far = OpeningFactory(role=role)
    corporation_wide = OpeningFactory(role=role)
    own = OpeningFactory(role=role, complex=tenant.household.dwelling.complex)
    login(client, tenant.user)
    response = client.get(reverse("roles:role-detail", args=[role.slug]))
    openings = response.context["openings"]
    assert [o.pk for o in openings][:1] == [own.pk]
    assert {o.pk for o in openings} == {own.pk, far.pk, corporation_wide.pk}


@pytest.mark.django_db
def test_ending_a_role_is_asked_first_and_then_done(client, coordinator):
    holder = ActiveApplicationFactory(opening=OpeningFactory(coordinator=coordinator))
    waiting = ApplicationFactory(opening=holder.opening, status=S.WAITLISTED)
    url = reverse("roles:holder-end", args=[holder.pk])
    login(client, coordinator)

    asked = client.get(url)
    page = asked.content.decode()
    assert asked.status_code == 200
    assert str(holder.resident) in page and "Ja, beëindig de rol" in page
    holder.refresh_from_db()
    assert holder.status == S.ACTIVE  # asking changes nothing

    assert client.post(url).status_code == 302
    holder.refresh_from_db()
    waiting.refresh_from_db()
    assert (holder.status, waiting.status) == (S.ENDED, S.OFFERED)
    again = client.get(url).content.decode()
    assert "Deze rol is niet actief." in again and "Ja, beëindig de rol" not in again


@pytest.mark.django_db
def test_role_page_shows_its_places_twenty_at_a_time_nearest_first(
    client, tenant, django_assert_max_num_queries
):
    from roles.views import OPENINGS_PER_PAGE
    from tests.factories import RoleFactory

    role = RoleFactory()
    others = OpeningFactory.create_batch(OPENINGS_PER_PAGE + 4, role=role)
    own = OpeningFactory(role=role, complex=tenant.household.dwelling.complex)
    login(client, tenant.user)
    url = reverse("roles:role-detail", args=[role.slug])

    with django_assert_max_num_queries(20) as counted:
        first = client.get(url)
    queries = len(counted.captured_queries)  # read now: the next request clears the log
    page = first.context["openings"]
    assert [o.pk for o in page][0] == own.pk
    assert len(page) == OPENINGS_PER_PAGE
    html = first.content.decode()
    assert "Pagina 1 van 2" in html and "?page=2" in html

    second = client.get(url, {"page": 2})
    shown = {o.pk for o in page} | {o.pk for o in second.context["openings"]}
    assert shown == {own.pk, *(o.pk for o in others)}  # every place, once
    assert "Pagina 2 van 2" in second.content.decode()

    OpeningFactory.create_batch(OPENINGS_PER_PAGE, role=role)
    with django_assert_max_num_queries(queries):
        assert client.get(url).status_code == 200
