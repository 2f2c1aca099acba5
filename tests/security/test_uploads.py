"""Uploads and request limits.

The only way a file comes in is the register import (`manage.py import_register`, reading from
disk); no page takes a file. The importer refuses a file that is too large, not UTF-8 text or
without the expected header, with a clear message and nothing imported; a bad row is refused
as a whole. The request limits in settings refuse large or crowded requests, and any file.
"""

import io

import pytest
from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import models
from django.urls import reverse
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from tenants.importer import CREATED, REQUIRED_COLUMNS, import_register
from tenants.models import Complex, Dwelling, Household, Neighbourhood
from tests.factories import ResidentFactory
from visits.models import VisitRequest

from .fuzz import APPS, FUZZ, HOSTILE, our_form_classes, rolled_back, snapshot


def register_counts():
    return [m.objects.count() for m in (Neighbourhood, Complex, Dwelling, Household)]


def test_no_model_or_form_takes_a_file():
    # A new upload path needs its own size and type checks (and DATA_UPLOAD_MAX_NUMBER_FILES
    # raised): this test is the reminder.
    file_fields = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model._meta.app_label in APPS
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    ]
    file_form_fields = [
        f"{form.__name__}.{name}"
        for form in our_form_classes()
        for name, field in form.base_fields.items()
        if isinstance(field, forms.FileField)
    ]
    assert file_fields == [] and file_form_fields == []


@pytest.fixture
def resident_client(client, db):
    resident = ResidentFactory()
    client.force_login(resident.user)
    return client


def test_a_request_larger_than_the_limit_is_refused(resident_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = resident_client.post(reverse("visits:request-create"), {"topic": "x" * 2000})
    assert response.status_code == 400
    assert not VisitRequest.objects.exists()


def test_the_limits_are_set_deliberately(settings):
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 1024 * 1024
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE == 1024 * 1024
    assert settings.DATA_UPLOAD_MAX_NUMBER_FIELDS == 1000
    assert settings.DATA_UPLOAD_MAX_NUMBER_FILES == 0


def test_a_request_with_too_many_fields_is_refused(resident_client):
    data = {f"field{n}": "x" for n in range(1001)} | {"topic": "Vocht"}
    response = resident_client.post(reverse("visits:request-create"), data)
    assert response.status_code == 400
    assert not VisitRequest.objects.exists()


def test_a_request_carrying_a_file_is_refused(resident_client):
    upload = SimpleUploadedFile("register.csv", b"a;b\n1;2\n", content_type="text/csv")
    response = resident_client.post(
        reverse("visits:request-create"), {"topic": "Vocht", "file": upload}
    )
    assert response.status_code == 400
    assert not VisitRequest.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data, code",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "not_csv"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "not_csv"),
        (b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "not_csv"),
        (b"\xef\xbb\xbf", "empty"),
        (b"naam;adres\nJan;Kerkstraat 1\n", "missing_columns"),
    ],
)
def test_the_command_refuses_a_file_of_the_wrong_kind_and_imports_nothing(tmp_path, data, code):
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    with translation.override("en"):
        with pytest.raises(ValidationError) as info:
            import_register(file=path)
        with pytest.raises(CommandError) as command:
            call_command("import_register", str(path), "--no-progress")
    assert info.value.code == code
    assert command.value.returncode == 2
    assert str(command.value) == info.value.messages[0]  # the clear message, not a traceback
    assert register_counts() == [0, 0, 0, 0]


HEADER = ";".join([*REQUIRED_COLUMNS, "persons", "tenancy_end"])
GOOD_CELLS = {
    "neighbourhood_code": "W01",
    "neighbourhood_name": "Oude Dorp",
    "complex_code": "C101",
    "complex_name": "Hofje",
    "street": "Vaartkade",
    "house_number": "12",
    "postcode": "5731 KB",
    "city": "Velderhoven",
    "contract_number": "HC0000001",
    "tenancy_start": "2015-03-01",
    "persons": "2",
    "tenancy_end": "",
}
# Each cell: the good value, or something hostile (with ; " and newlines, which CSV quotes).
CELL = st.one_of(st.none(), HOSTILE, st.text(alphabet=';"\n\r,\x00 ', max_size=5))


@st.composite
def register_files(draw):
    """Mostly well-formed exports with hostile cells, and sometimes any bytes at all."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=2000))
    rows = []
    for number in range(draw(st.integers(0, 4))):
        cells = []
        for column in HEADER.split(";"):
            value = draw(CELL)
            if value is None:
                value = GOOD_CELLS[column]
                if column in ("house_number", "contract_number"):
                    value += str(number)
            cells.append('"' + value.replace('"', '""') + '"' if draw(st.booleans()) else value)
        rows.append(";".join(cells))
    text = "\n".join([HEADER, *rows]) + "\n"
    return text.encode("utf-8", errors="surrogatepass")


@pytest.mark.django_db
def test_any_register_file_is_imported_or_refused_cleanly(settings):
    settings.REGISTER_IMPORT_MAX_BYTES = 200_000

    before = snapshot()  # every example is rolled back to this

    @FUZZ
    @given(data=register_files())
    def check(data):
        with rolled_back():
            try:
                result = import_register(file=io.BytesIO(data))
            except ValidationError as error:
                assert error.messages and all(m.strip() for m in error.messages)
                assert snapshot() == before  # refused as a whole: nothing imported
                return
            for problem in result.errors:
                assert str(problem).strip()
            # What the result says was created is exactly what is in the database.
            assert Household.objects.count() == result.records[Household][CREATED]
            assert Dwelling.objects.count() == result.records[Dwelling][CREATED]

    check()
