import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from roles import services
from roles.ladder import months_between
from roles.models import Invitation
from roles.selectors import resident_history, role_statuses
from school.models import Enrollment
from tests.factories import RoleFactory, TalentFactory
from tests.factories_roles import ActiveApplicationFactory, OpeningFactory
from tests.factories_school import (
    CertificateFactory,
    CourseFactory,
    CourseRunFactory,
    EnrollmentFactory,
)


def complete(user, course):
    enrollment = EnrollmentFactory(
        learner=user,
        run=CourseRunFactory(course=course),
        status=Enrollment.Status.COMPLETED,
        completed_at=timezone.now(),
    )
    CertificateFactory(enrollment=enrollment)
    return enrollment


def test_months_between_counts_whole_months():
    assert months_between(datetime.date(2026, 1, 15), datetime.date(2026, 7, 14)) == 5
    assert months_between(datetime.date(2026, 1, 15), datetime.date(2026, 7, 15)) == 6


@pytest.mark.django_db
def test_a_locked_role_names_the_course_that_unlocks_it(tenant):
    course = CourseFactory(title="Gespreksvoering")
    role = RoleFactory(grade=2)
    role.required_courses.add(course)
    with translation.override("en"):
        statuses, _ = role_statuses(tenant)
    status = statuses[role.pk]
    assert not status.can_take
    assert [m.course for m in status.missing] == [course]
    assert "Gespreksvoering" in status.missing[0].text

    complete(tenant.user, course)
    statuses, _ = role_statuses(tenant)
    assert statuses[role.pk].can_take


@pytest.mark.django_db
def test_matrix_shows_a_resident_what_is_missing_with_a_link(client, tenant):
    course = CourseFactory(title="Basiscursus opzichter")
    role = RoleFactory(grade=2, name="Opzichter test")
    role.required_courses.add(course)
    client.force_login(tenant.user)
    html = client.get(reverse("home")).content.decode()
    assert reverse("school:course-detail", args=[course.pk]) in html
    assert "Basiscursus opzichter" in html


@pytest.mark.django_db
def test_applying_without_the_course_is_refused_and_says_which(tenant):
    from django.core.exceptions import ValidationError

    course = CourseFactory(title="Schilderen")
    role = RoleFactory(grade=2)
    role.required_courses.add(course)
    with translation.override("en"), pytest.raises(ValidationError, match="Schilderen"):
        services.application_submit(resident=tenant, opening=OpeningFactory(role=role))


@pytest.mark.django_db
def test_ladder_page_shows_roles_held_courses_done_and_the_next_grade(client, tenant):
    course = CourseFactory(title="Vergaderen")
    complete(tenant.user, course)
    held = ActiveApplicationFactory(
        resident=tenant, opening=OpeningFactory(role=RoleFactory(grade=1))
    )
    next_role = RoleFactory(grade=2, name="Volgende stap test")
    client.force_login(tenant.user)
    response = client.get(reverse("roles:my-ladder"))
    html = response.content.decode()
    assert held.opening.role.display_name in html
    assert "Vergaderen" in html
    assert response.context["next_grade"] == 2
    assert next_role.pk in [s.role.pk for s in response.context["next_roles"]]


@pytest.mark.django_db
def test_talents_suggest_fitting_openings(client, tenant):
    painting = TalentFactory(name="schilderen")
    role = RoleFactory(name="Schilder test")
    role.talents.add(painting)
    opening = OpeningFactory(role=role)
    OpeningFactory()  # does not fit
    tenant.talents.add(painting)
    client.force_login(tenant.user)
    assert client.get(reverse("roles:my-ladder")).context["suggestions"] == [opening]


@pytest.mark.django_db
def test_a_role_fitting_several_talents_is_suggested_once_with_true_counts(client, tenant):
    painting, listening = TalentFactory(name="schilderen"), TalentFactory(name="luisteren")
    role = RoleFactory(name="Schilder test")
    role.talents.add(painting, listening)
    opening = OpeningFactory(role=role, places=3)
    ActiveApplicationFactory(opening=opening)
    tenant.talents.add(painting, listening)
    client.force_login(tenant.user)

    [suggested] = client.get(reverse("roles:my-ladder")).context["suggestions"]

    assert suggested == opening
    assert suggested.holder_count == 1  # not once per matching talent


@pytest.mark.django_db
def test_a_talent_signal_invites_to_matching_openings_only(tenant, employee):
    gardening = TalentFactory(name="tuinieren")
    role = RoleFactory(name="Tuinploeg test")
    role.talents.add(gardening)
    fitting = OpeningFactory(role=role)
    OpeningFactory(role=RoleFactory(name="Balie test"))
    closed = OpeningFactory(role=role, is_open=False)
    invitations = services.invitation_create_for_talent(
        resident=tenant, talent_text="wil graag tuinieren", invited_by=employee
    )
    assert [i.opening for i in invitations] == [fitting]
    assert not Invitation.objects.filter(opening=closed).exists()
    # The same signal again adds nothing: the invitation is still open.
    assert (
        services.invitation_create_for_talent(
            resident=tenant, talent=gardening, invited_by=employee
        )
        == []
    )


@pytest.mark.django_db
def test_history_loads_in_two_queries(tenant, django_assert_num_queries):
    ActiveApplicationFactory.create_batch(3, resident=tenant)
    with django_assert_num_queries(2):
        history = resident_history(tenant)
        assert len(history.active) == 3
