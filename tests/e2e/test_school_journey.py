"""The school in a real browser: a tenant enrols, the teacher registers attendance on a phone
and marks completion, the tenant downloads the certificate and the public page confirms it.

Elements are found by id, role and URL, not by their (translated) text."""

import datetime
import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from school.models import Certificate, Enrollment
from tests.e2e.conftest import assert_no_sideways_scroll
from tests.factories import ResidentFactory, StaffFactory
from tests.factories_school import CertificateFactory, run_with_sessions

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server, user):
    """Log in by session cookie: the login form has its own browser test."""
    page.context.clear_cookies()
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def test_enrol_attend_complete_and_verify_the_certificate(
    live_server, page, shoot, assert_accessible
):
    teacher = StaffFactory(full_name="Henk Jansen")
    tenant = ResidentFactory(user__full_name="Noor Hendriks").user
    run = run_with_sessions(
        days=(3,), places=8, teacher=teacher, course__title="Schilderen voor beginners"
    )
    course = run.course

    # The tenant finds the course in the catalogue and enrols.
    log_in(page, live_server, tenant)
    page.goto(f"{live_server.url}{reverse('school:course-list')}")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    shoot("catalogue")
    assert_accessible()
    page.locator(f"a[href='{reverse('school:course-detail', args=[course.pk])}']").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(course.title)
    shoot("course-detail")
    assert_accessible()
    page.locator(f"#enrol-{run.pk}").click()
    expect(page).to_have_url(f"{live_server.url}{reverse('school:my-courses')}")
    expect(page.get_by_role("link", name=course.title)).to_be_visible()
    shoot("my-courses-enrolled")
    assert_accessible()
    enrollment = Enrollment.objects.get(learner=tenant, run=run)
    assert enrollment.status == Enrollment.Status.ENROLLED

    # The day of the lesson: it started an hour ago.
    now = timezone.now()
    run.sessions.update(
        start=now - datetime.timedelta(hours=1), end=now + datetime.timedelta(hours=1)
    )
    session = run.sessions.get()

    # The teacher registers attendance on a phone.
    log_in(page, live_server, teacher)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}{reverse('school:teacher-sessions')}")
    shoot("my-lessons-360")
    assert_accessible()
    attendance = reverse("school:session-attendance", args=[session.pk])
    page.locator(f"a[href='{attendance}']").click()
    expect(page).to_have_url(f"{live_server.url}{attendance}")
    box = page.get_by_role("checkbox", name="Noor Hendriks")
    box.check()
    shoot("attendance-360")
    assert_accessible()
    assert_no_sideways_scroll(page)
    page.locator("#save-attendance").click()
    expect(page.get_by_role("status").first).to_be_visible()
    expect(page.get_by_role("checkbox", name="Noor Hendriks")).to_be_checked()
    shoot("attendance-saved-360")
    assert_accessible()

    # ... and marks the tenant as completed.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.locator(f"a[href='{reverse('school:run-detail', args=[run.pk])}']").first.click()
    shoot("run-learners")
    assert_accessible()
    page.locator(f"#complete-{enrollment.pk}").click()
    expect(page.locator(f"#complete-{enrollment.pk}")).to_have_count(0)
    shoot("run-learners-completed")
    certificate = Certificate.objects.get(enrollment=enrollment)

    # The tenant downloads the certificate.
    log_in(page, live_server, tenant)
    page.goto(f"{live_server.url}{reverse('school:my-courses')}")
    shoot("my-courses-completed")
    assert_accessible()
    with page.expect_download() as download_info:
        page.locator(f"#certificate-{certificate.pk}").click()
    pdf = open(download_info.value.path(), "rb").read()
    assert pdf.startswith(b"%PDF-")
    assert certificate.code.encode() in pdf and b"Noor Hendriks" in pdf

    # Anyone with the code sees that it is real, without logging in: they type it in.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}{reverse('certificates:certificate-lookup')}")
    shoot("certificate-lookup")
    assert_accessible()
    page.locator("#id_code").fill(certificate.code)
    page.locator("#id_code").press("Enter")
    verify = reverse("certificates:certificate-verify", args=[certificate.code])
    expect(page).to_have_url(f"{live_server.url}{verify}")
    status = page.locator("#certificate-status")
    expect(status).to_be_visible()
    expect(status).to_have_class("alert alert-success")
    expect(page.get_by_text("Noor Hendriks", exact=True)).to_be_visible()
    expect(page.get_by_text(course.title, exact=True)).to_be_visible()
    expect(page.get_by_text(tenant.email)).to_have_count(0)
    shoot("certificate-verify")
    assert_accessible()


def test_the_catalogue_on_a_phone_by_keyboard(live_server, page, shoot, assert_accessible):
    run = run_with_sessions(
        days=(5, 12), places=1, course__title="Voorzitten", course__track="bestuurlijk"
    )
    run_with_sessions(days=(9,), course__title="Mijn eigen wijk", course__audience="staff")
    # Someone else took the only place of "Voorzitten".
    Enrollment.objects.create(
        learner=ResidentFactory().user, run=run, status=Enrollment.Status.ENROLLED
    )
    tenant = ResidentFactory(user__full_name="Sanne Bakker").user
    log_in(page, live_server, tenant)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}{reverse('school:course-list')}")
    assert_no_sideways_scroll(page)
    shoot("catalogue-360")
    assert_accessible()

    # Open the filters with the keyboard, pick a track and send the form.
    page.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#id_track")).to_be_visible()
    page.locator("#id_track").select_option("bestuurlijk")
    page.locator("details form button[type=submit]").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"\?track=bestuurlijk&"))
    expect(page.get_by_role("link", name="Voorzitten")).to_be_visible()
    expect(page.get_by_role("link", name="Mijn eigen wijk")).to_have_count(0)
    shoot("catalogue-filtered-360")
    assert_accessible()

    # A full group: joining puts you on the waiting list with your number.
    page.get_by_role("link", name="Voorzitten").focus()
    page.keyboard.press("Enter")
    page.locator(f"#enrol-{run.pk}").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}{reverse('school:my-courses')}")
    assert Enrollment.objects.get(learner=tenant).status == Enrollment.Status.WAITLISTED
    assert_no_sideways_scroll(page)
    shoot("my-courses-waiting-360")
    assert_accessible()

    # Leaving the waiting list asks first.
    waiting = Enrollment.objects.get(learner=tenant)
    page.locator(f"a[href='{reverse('school:enrollment-withdraw', args=[waiting.pk])}']").click()
    shoot("withdraw-confirm-360")
    assert_accessible()
    page.locator("form button[type=submit].btn-danger").click()
    expect(page).to_have_url(f"{live_server.url}{reverse('school:my-courses')}")
    waiting.refresh_from_db()
    assert waiting.status == Enrollment.Status.WITHDRAWN


def test_anonymous_visitors_see_courses_and_a_revoked_certificate(
    live_server, page, shoot, assert_accessible
):
    run = run_with_sessions(days=(4,), course__title="Organiseren")
    certificate = CertificateFactory(
        revoked_at=timezone.now(), revoked_reason="Verkeerde persoon", course_title="Coachen"
    )
    page.goto(f"{live_server.url}{reverse('school:course-detail', args=[run.course_id])}")
    expect(page.locator(f"#enrol-{run.pk}")).to_have_count(0)
    expect(page.locator(f"a[href^='{reverse('account_login')}']").first).to_be_visible()
    shoot("course-detail-anonymous")
    assert_accessible()

    page.goto(
        f"{live_server.url}{reverse('certificates:certificate-verify', args=[certificate.code])}"
    )
    expect(page.locator("#certificate-status")).to_have_class("alert alert-danger")
    expect(page.get_by_text("Verkeerde persoon")).to_have_count(0)
    shoot("certificate-revoked")
    assert_accessible()

    response = page.goto(f"{live_server.url}/certificaat/unknown-code/")
    assert response.status == 404
    assert response.headers["x-robots-tag"] == "noindex, nofollow"
    shoot("certificate-unknown")
    assert_accessible()
