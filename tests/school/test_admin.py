"""The admin goes through the services where there are rules."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core import mail
from django.urls import reverse

from school.models import Certificate, Enrollment
from tests.factories_school import CertificateFactory, EnrollmentFactory, run_with_sessions

pytestmark = pytest.mark.django_db


def test_revoking_asks_for_a_reason_then_revokes(client, superuser):
    certificates = CertificateFactory.create_batch(2)
    client.force_login(superuser)
    url = reverse("admin:school_certificate_changelist")
    chosen = {"action": "revoke_selected", ACTION_CHECKBOX_NAME: [c.pk for c in certificates]}
    page = client.post(url, chosen)
    assert page.status_code == 200
    assert certificates[0].code in page.content.decode()
    assert not Certificate.objects.filter(revoked_at__isnull=False).exists()

    client.post(url, {**chosen, "apply": "1", "reason": ""})
    assert not Certificate.objects.filter(revoked_at__isnull=False).exists()

    response = client.post(url, {**chosen, "apply": "1", "reason": "Niet zelf gedaan"})
    assert response.status_code == 302
    revoked = Certificate.objects.filter(revoked_at__isnull=False)
    assert revoked.count() == 2
    assert {c.revoked_by for c in revoked} == {superuser}


def test_the_withdraw_action_moves_the_waiting_list_up(
    client, superuser, django_capture_on_commit_callbacks
):
    run = run_with_sessions(places=1)
    holder = EnrollmentFactory(run=run)
    waiting = EnrollmentFactory(run=run, status="waitlisted")
    client.force_login(superuser)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("admin:school_enrollment_changelist"),
            {"action": "withdraw_selected", ACTION_CHECKBOX_NAME: [holder.pk]},
        )
    waiting.refresh_from_db()
    assert waiting.status == Enrollment.Status.ENROLLED
    assert [m.to for m in mail.outbox] == [[waiting.learner.email]]


def test_a_full_run_takes_no_enrolment_by_hand(client, superuser):
    run = run_with_sessions(places=1)
    EnrollmentFactory(run=run)
    learner = EnrollmentFactory().learner
    client.force_login(superuser)
    response = client.post(
        reverse("admin:school_enrollment_add"),
        {"learner": learner.pk, "run": run.pk, "status": "enrolled"},
    )
    assert response.status_code == 200
    assert not Enrollment.objects.filter(learner=learner, run=run).exists()


def test_places_cannot_go_below_the_places_taken(client, superuser):
    run = run_with_sessions(places=2)
    EnrollmentFactory.create_batch(2, run=run)
    client.force_login(superuser)
    url = reverse("admin:school_courserun_change", args=[run.pk])
    data = {
        "course": run.course_id,
        "name": run.name,
        "places": 1,
        "sessions-TOTAL_FORMS": 0,
        "sessions-INITIAL_FORMS": 0,
    }
    response = client.post(url, data)
    assert response.status_code == 200
    run.refresh_from_db()
    assert run.places == 2


def test_a_certificate_by_hand_only_for_a_completed_enrolment(client, superuser):
    open_enrollment = EnrollmentFactory()
    client.force_login(superuser)
    url = reverse("admin:school_certificate_add")
    assert client.post(url, {"enrollment": open_enrollment.pk}).status_code == 200
    assert not Certificate.objects.exists()
    done = EnrollmentFactory(status="completed")
    assert client.post(url, {"enrollment": done.pk}).status_code == 302
    assert Certificate.objects.get().enrollment == done


def test_every_school_change_page_opens(client, superuser):
    from tests.factories_school import AttendanceFactory, CalendarTokenFactory

    certificate = CertificateFactory()
    attendance = AttendanceFactory()
    objects = {
        "course": certificate.enrollment.run.course,
        "courserun": certificate.enrollment.run,
        "coursesession": attendance.session,
        "enrollment": certificate.enrollment,
        "attendance": attendance,
        "certificate": certificate,
        "calendartoken": CalendarTokenFactory(),
    }
    client.force_login(superuser)
    for name, obj in objects.items():
        url = reverse(f"admin:school_{name}_change", args=[obj.pk])
        assert client.get(url).status_code == 200, name


def test_coordinators_may_manage_the_school_in_the_admin(coordinator):
    coordinator.is_staff = True
    coordinator.save()
    for codename in ("change_course", "add_courserun", "change_enrollment", "change_certificate"):
        assert coordinator.has_perm(f"school.{codename}")
    assert not coordinator.has_perm("school.delete_certificate")
