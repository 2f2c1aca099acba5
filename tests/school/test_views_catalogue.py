"""The catalogue, a course's page and enrolling."""

import pytest
from django.urls import reverse

from school.models import Enrollment
from tests.factories import ResidentFactory, UserFactory
from tests.factories_school import CourseFactory, EnrollmentFactory, run_with_sessions
from tests.school.helpers import MENU_QUERIES, count_queries

pytestmark = pytest.mark.django_db

CATALOGUE = reverse("school:course-list")


def detail(course):
    return reverse("school:course-detail", args=[course.pk])


def enroll_url(run):
    return reverse("school:run-enroll", args=[run.pk])


# The catalogue


def test_the_catalogue_is_open_to_everyone_and_lists_published_courses(client, run):
    hidden = CourseFactory(title="Verborgen cursus", is_published=False)
    html = client.get(CATALOGUE).content.decode()
    assert run.course.title in html
    assert hidden.title not in html


def test_the_catalogue_filters_by_track_and_audience(client, teacher):
    painting = run_with_sessions(
        course__title="Schilderen",
        course__track="vakmatig",
        course__audience="residents",
        teacher=teacher,
    )
    chairing = run_with_sessions(
        course__title="Voorzitten",
        course__track="bestuurlijk",
        course__audience="both",
        teacher=teacher,
    )
    own_street = run_with_sessions(
        course__title="Mijn eigen wijk",
        course__track="wijkkennis",
        course__audience="staff",
        teacher=teacher,
    )
    html = client.get(CATALOGUE, {"track": "bestuurlijk"}).content.decode()
    assert chairing.course.title in html
    assert painting.course.title not in html and own_street.course.title not in html
    html = client.get(CATALOGUE, {"audience": "staff"}).content.decode()
    assert own_street.course.title in html and chairing.course.title in html
    assert painting.course.title not in html


def test_the_catalogue_filters_by_start_date_and_free_places(client, teacher):
    soon = run_with_sessions(course__title="Binnenkort", days=(3,), places=1, teacher=teacher)
    later = run_with_sessions(course__title="Later", days=(40,), teacher=teacher)
    EnrollmentFactory(run=soon)
    undated = CourseFactory(title="Nog zonder data")
    from tests.factories_school import days_from_now

    html = client.get(
        CATALOGUE, {"date_from": days_from_now(30).date().isoformat()}
    ).content.decode()
    assert later.course.title in html
    assert soon.course.title not in html and undated.title not in html
    html = client.get(CATALOGUE, {"free_only": "on"}).content.decode()
    assert later.course.title in html and soon.course.title not in html


def test_a_date_range_the_wrong_way_round_shows_an_error(english, run):
    response = english.get(CATALOGUE, {"date_from": "2030-02-01", "date_to": "2030-01-01"})
    assert response.status_code == 200
    assert "This date is before the first date." in response.content.decode()


def test_the_catalogue_refuses_post(client):
    assert client.post(CATALOGUE).status_code == 405


def _catalogue_data(courses, teacher):
    for i in range(courses):
        run = run_with_sessions(course__title=f"Cursus {i}", days=(5, 12), teacher=teacher)
        run_with_sessions(course=run.course, days=(30,), teacher=teacher)
        EnrollmentFactory.create_batch(2, run=run)


def test_catalogue_queries_do_not_grow(client, tenant, teacher, django_assert_max_num_queries):
    client.force_login(tenant.user)
    _catalogue_data(2, teacher)
    small = count_queries(client, CATALOGUE)
    _catalogue_data(15, teacher)
    # session, user, the menu's resident check, page count, courses, their open runs
    # (places and dates in subqueries), and the session saved (3): 9 for any number.
    with django_assert_max_num_queries(9 + MENU_QUERIES):
        assert client.get(CATALOGUE).status_code == 200
    assert count_queries(client, CATALOGUE) == small


# A course's page


def test_anonymous_sees_the_course_but_no_teacher_names(client, run, teacher):
    run.course.teachers.add(teacher)
    html = client.get(detail(run.course)).content.decode()
    assert run.course.title in html
    assert teacher.full_name not in html
    assert reverse("account_login") in html
    assert enroll_url(run) not in html


def test_a_resident_sees_the_enrol_button_and_the_teacher(client, tenant, run, teacher):
    client.force_login(tenant.user)
    html = client.get(detail(run.course)).content.decode()
    assert enroll_url(run) in html
    assert teacher.full_name in html


def test_staff_see_no_enrol_button_on_a_course_for_residents(english, employee, teacher):
    run = run_with_sessions(course__audience="residents", teacher=teacher)
    english.force_login(employee)
    html = english.get(detail(run.course)).content.decode()
    assert enroll_url(run) not in html
    assert "This course is for residents." in html


def test_the_course_page_shows_the_waiting_list_position(english, tenant, run):
    EnrollmentFactory.create_batch(3, run=run)
    EnrollmentFactory(run=run, status="waitlisted")
    EnrollmentFactory(run=run, status="waitlisted", learner=tenant.user)
    english.force_login(tenant.user)
    assert (
        "You are number 2 on the waiting list." in english.get(detail(run.course)).content.decode()
    )


def test_an_unpublished_or_unknown_course_is_404(client, run):
    run.course.is_published = False
    run.course.save()
    assert client.get(detail(run.course)).status_code == 404
    assert client.get(reverse("school:course-detail", args=[9999])).status_code == 404


def test_the_course_page_refuses_post(client, run):
    assert client.post(detail(run.course)).status_code == 405


def test_a_coordinator_sees_the_links_to_the_learners(client, coordinator, teacher):
    run = run_with_sessions(teacher=teacher)
    past = run_with_sessions(course=run.course, days=(-20, -10), teacher=teacher)
    client.force_login(coordinator)
    html = client.get(detail(run.course)).content.decode()
    assert reverse("school:run-detail", args=[run.pk]) in html
    assert reverse("school:run-detail", args=[past.pk]) in html


# Enrolling


def test_enrolling_takes_a_place_and_shows_my_courses(english, tenant, run):
    english.force_login(tenant.user)
    response = english.post(enroll_url(run), follow=True)
    assert response.redirect_chain[-1][0] == reverse("school:my-courses")
    assert "You are enrolled in" in response.content.decode()
    assert Enrollment.objects.get(learner=tenant.user).status == "enrolled"


def test_a_full_run_puts_you_on_the_waiting_list_with_your_number(english, tenant, run):
    EnrollmentFactory.create_batch(3, run=run)
    EnrollmentFactory(run=run, status="waitlisted")
    english.force_login(tenant.user)
    html = english.post(enroll_url(run), follow=True).content.decode()
    assert "You are number 2 on the waiting list." in html
    assert Enrollment.objects.get(learner=tenant.user).status == "waitlisted"


def test_enrolling_twice_shows_a_clear_message_and_saves_nothing(english, tenant, run):
    english.force_login(tenant.user)
    english.post(enroll_url(run))
    response = english.post(enroll_url(run), follow=True)
    assert response.redirect_chain[-1][0] == detail(run.course)
    assert "You are already enrolled in this course run." in response.content.decode()
    assert Enrollment.objects.filter(learner=tenant.user).count() == 1


@pytest.mark.parametrize(
    ("days", "cancelled", "message"),
    [
        ((-14, -7), False, "This course run is already over."),
        ((7,), True, "This course run is cancelled."),
    ],
)
def test_enrolling_in_a_past_or_cancelled_run_is_refused(
    english, tenant, teacher, days, cancelled, message
):
    run = run_with_sessions(days=days, teacher=teacher, cancelled=cancelled)
    english.force_login(tenant.user)
    html = english.post(enroll_url(run), follow=True).content.decode()
    assert message in html
    assert not Enrollment.objects.exists()


def test_anonymous_enrolling_is_sent_to_login(client, run):
    response = client.post(enroll_url(run))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_someone_who_is_neither_resident_nor_staff_gets_403(client, run):
    client.force_login(UserFactory())
    assert client.post(enroll_url(run)).status_code == 403
    assert not Enrollment.objects.exists()


def test_enrolling_needs_post_and_an_existing_run(client, tenant, run):
    client.force_login(tenant.user)
    assert client.get(enroll_url(run)).status_code == 405
    assert client.post(reverse("school:run-enroll", args=[9999])).status_code == 404


def test_a_run_of_an_unpublished_course_is_404(client, run):
    run.course.is_published = False
    run.course.save()
    client.force_login(ResidentFactory().user)
    assert client.post(enroll_url(run)).status_code == 404
