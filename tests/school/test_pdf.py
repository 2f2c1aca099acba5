"""The hand-written PDF is well formed: offsets in the cross-reference table point at the
objects, and text outside the WinAnsi fonts degrades to its Latin letters."""

import re
from decimal import Decimal

import pytest
from django.utils import translation

from school.pdf import Page, certificate_pdf, render, text_width, to_winansi
from tests.factories_school import CertificateFactory


def test_the_cross_reference_table_points_at_each_object():
    page = Page()
    page.centred("Hallo (wereld) \\ test", 300)
    page.link("Kijk hier", "https://example.nl/certificaat/abc/", 100)
    data = render(page, title="Test")
    xref = int(re.search(rb"startxref\n(\d+)", data).group(1))
    assert data[xref:].startswith(b"xref")
    offsets = [int(m) for m in re.findall(rb"(\d{10}) 00000 n", data)]
    for number, offset in enumerate(offsets, start=1):
        assert data[offset:].startswith(f"{number} 0 obj".encode())
    # Parentheses and backslashes in text are escaped.
    assert rb"(Hallo \(wereld\) \\ test)" in data


def test_letters_outside_winansi_lose_only_their_accent():
    assert to_winansi("Şükrü Çağlar") == "Sükrü Çaglar".encode("cp1252")
    assert to_winansi("Zoë – €5") == "Zoë – €5".encode("cp1252")
    assert to_winansi("李") == b"?"


def test_text_width_matches_helvetica():
    assert text_width("Hi", "F1", 10) == pytest.approx((722 + 222) / 100)
    assert text_width("é", "F1", 10) == text_width("e", "F1", 10)


@pytest.mark.django_db
def test_the_certificate_has_every_fact_in_the_chosen_language():
    certificate = CertificateFactory(
        learner_name="Zoë de Jong", course_title="Voorzitten", hours=Decimal("10.0")
    )
    with translation.override("en"):
        data = certificate_pdf(certificate)
    for text in (
        "Certificate",
        "Zoë de Jong",
        "Voorzitten",
        "10 hours",
        certificate.code,
        certificate.ISSUER,
    ):
        assert text.encode("cp1252") in data
