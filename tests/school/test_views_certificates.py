"""The PDF for the learner and the public verification page."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ResidentFactory
from tests.factories_school import CertificateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(tenant):
    return CertificateFactory(
        enrollment__learner=tenant.user,
        course_title="Schilderen voor beginners",
        hours="7.5",
    )


def pdf_url(certificate):
    return reverse("school:certificate-pdf", args=[certificate.pk])


def verify_url(certificate):
    return reverse("certificates:certificate-verify", args=[certificate.code])


# The PDF


def test_the_learner_downloads_a_pdf_with_the_facts_and_code(client, tenant, certificate):
    client.force_login(tenant.user)
    response = client.get(pdf_url(certificate))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="certificaat-schilderen-voor-beginners.pdf"' in response["Content-Disposition"]
    body = response.content
    assert body.startswith(b"%PDF-1.4") and body.rstrip().endswith(b"%%EOF")
    for text in ("Fatima el Amrani", "Schilderen voor beginners", certificate.code):
        assert text.encode("cp1252") in body
    assert certificate.verification_url.encode() in body


def test_someone_elses_certificate_is_404(client, other_tenant, certificate):
    client.force_login(other_tenant.user)
    assert client.get(pdf_url(certificate)).status_code == 404


def test_a_coordinator_may_download_anyones_certificate(client, coordinator, certificate):
    client.force_login(coordinator)
    assert client.get(pdf_url(certificate)).status_code == 200


def test_a_revoked_certificate_cannot_be_downloaded(english, tenant, certificate):
    certificate.revoked_at = timezone.now()
    certificate.revoked_reason = "Fout"
    certificate.save()
    english.force_login(tenant.user)
    response = english.get(pdf_url(certificate), follow=True)
    assert response.redirect_chain[-1][0] == reverse("school:my-courses")
    assert "This certificate was revoked." in response.content.decode()


def test_the_download_needs_login_and_get(client, tenant, certificate):
    response = client.get(pdf_url(certificate))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    client.force_login(tenant.user)
    assert client.post(pdf_url(certificate)).status_code == 405


# The public page


def test_the_verification_page_confirms_without_login_and_shows_nothing_else(
    english, tenant, certificate
):
    CertificateFactory(enrollment__learner=tenant.user, course_title="Vergaderen")
    response = english.get(verify_url(certificate))
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    html = response.content.decode()
    assert "Valid." in html
    for fact in ("Fatima el Amrani", "Schilderen voor beginners", "7.5", certificate.code):
        assert fact in html
    # Nothing about the person beyond the certificate: no email, address or other course.
    assert tenant.user.email not in html
    assert tenant.household.dwelling.street not in html
    assert "Vergaderen" not in html


def test_a_revoked_certificate_shows_as_revoked(english, certificate):
    certificate.revoked_at = timezone.now()
    certificate.revoked_reason = "Niet zelf gedaan"
    certificate.save()
    html = english.get(verify_url(certificate)).content.decode()
    assert "Revoked." in html and "Valid." not in html
    assert "Niet zelf gedaan" not in html, "the reason is for administrators only"


def test_an_unknown_code_is_404_with_a_clear_message(english):
    response = english.get(reverse("certificates:certificate-verify", args=["doesnotexist"]))
    assert response.status_code == 404
    assert "We cannot find a certificate with this code." in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_the_verification_page_refuses_post(client, certificate):
    assert client.post(verify_url(certificate)).status_code == 405


def test_the_lookup_form_sends_you_to_the_verification_page(client, english, certificate):
    lookup = reverse("certificates:certificate-lookup")
    assert english.get(lookup).status_code == 200
    response = english.get(lookup, {"code": f" {certificate.code} "})
    assert response["Location"] == verify_url(certificate)
    response = english.get(lookup, {"code": "a/b c"})
    assert response.status_code == 200
    assert "A code has only letters" in response.content.decode()


def test_codes_in_the_certificates_are_all_different(db):
    codes = {CertificateFactory(enrollment__learner=ResidentFactory().user).code for _ in range(20)}
    assert len(codes) == 20
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{22}", code) for code in codes)
