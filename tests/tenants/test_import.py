"""The register import: tenants.importer and `manage.py import_register`."""

import datetime
import io
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import translation

from tenants.importer import CREATED, FAILED, UNCHANGED, UPDATED, import_register
from tenants.models import Complex, Dwelling, Household, Neighbourhood
from tests.factories import HouseholdFactory

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "register_sample.csv"
COLUMNS = [
    "neighbourhood_code",
    "neighbourhood_name",
    "complex_code",
    "complex_name",
    "street",
    "house_number",
    "house_number_suffix",
    "postcode",
    "city",
    "contract_number",
    "tenancy_start",
    "tenancy_end",
    "main_tenant_birth_year",
    "persons",
]


def row(number=1, **values):
    """A good row; `number` makes the address and the contract number unique."""
    return {
        "neighbourhood_code": "W01",
        "neighbourhood_name": "Oude Dorp",
        "complex_code": "C101",
        "complex_name": "Hofje aan de Vaart",
        "street": "Vaartkade",
        "house_number": str(number),
        "house_number_suffix": "",
        "postcode": "5731 kb",
        "city": "Velderhoven",
        "contract_number": f"HC{number:07d}",
        "tenancy_start": "2015-03-01",
        "tenancy_end": "",
        "main_tenant_birth_year": "1970",
        "persons": "2",
        **values,
    }


def line(values, delimiter=";", columns=COLUMNS):
    return delimiter.join(values.get(column, "") for column in columns)


def csv_bytes(rows, *, columns=COLUMNS, delimiter=";", bom=False):
    lines = [delimiter.join(columns)] + [line(r, delimiter, columns) for r in rows]
    return ("\ufeff" if bom else "").encode() + "\n".join(lines).encode() + b"\n"


def run(rows, **options):
    return import_register(file=io.BytesIO(csv_bytes(rows, **options)))


def refused(data):
    with pytest.raises(ValidationError) as info:
        import_register(file=io.BytesIO(data))
    return info.value


def counts():
    models = [Neighbourhood, Complex, Dwelling, Household]
    return [model.objects.count() for model in models]


@pytest.fixture(autouse=True)
def _english():
    # The messages are asserted in English, whatever translations are added later.
    with translation.override("en"):
        yield


def test_good_rows_create_the_register(db):
    result = run([row(1, tenancy_start="01-03-2015"), row(2, house_number_suffix="A", persons="")])

    assert result.errors == []
    assert result.rows == {CREATED: 2}
    assert result.records[Dwelling] == {CREATED: 2}
    assert result.records[Neighbourhood] == {CREATED: 1}
    assert counts() == [1, 1, 2, 2]
    first, second = Household.objects.order_by("contract_number")
    assert first.tenancy_start == datetime.date(2015, 3, 1)  # DD-MM-YYYY
    assert first.dwelling.postcode == "5731KB"
    assert first.dwelling.complex.neighbourhood.name == "Oude Dorp"
    assert (second.persons, second.dwelling.house_number_suffix) == (1, "A")


def test_comma_delimiter_bom_and_any_column_order(db):
    result = run([row(1)], columns=list(reversed(COLUMNS)), delimiter=",", bom=True)

    assert result.errors == []
    assert Household.objects.get().contract_number == "HC0000001"


def test_bad_rows_are_reported_by_line_and_the_good_rows_still_import(db):
    rows = [
        row(1),
        row(2, postcode="12AB"),
        row(3, tenancy_start="31-02-2020"),
        row(4, house_number="12a"),
        row(5, contract_number="HC0000001"),
        row(6, neighbourhood_code="W02"),
        row(7, tenancy_end="2014-01-01"),
        row(8, persons="0", city=""),
        row(9, main_tenant_birth_year="70"),
        row(10),
    ]

    result = run(rows)

    assert [str(error) for error in result.errors] == [
        "line 3: postcode “12AB” is not a Dutch postcode",
        "line 4: tenancy_start “31-02-2020” is not a date: use YYYY-MM-DD or DD-MM-YYYY",
        "line 5: house_number “12a” is not a whole number of at least 1",
        "line 6: contract_number “HC0000001” is repeated: it is also on line 2",
        "line 7: complex_code “C101” has neighbourhood_code “W01” on line 2, not “W02”",
        "line 8: tenancy_end is before tenancy_start",
        "line 9: city is empty; persons “0” is not a whole number from 1 to 99",
        "line 10: main_tenant_birth_year “70” is not a whole number from 1900 to 2100",
    ]
    assert result.rows == {CREATED: 2, FAILED: 8}
    assert set(Household.objects.values_list("contract_number", flat=True)) == {
        "HC0000001",
        "HC0000010",
    }


def test_line_numbers_are_lines_in_the_file(db):
    quoted = line(row(1, street='"Vaart\nkade"'))
    data = f"{';'.join(COLUMNS)}\n{quoted}\n\n{line(row(2, postcode='x'))}\n".encode()

    result = import_register(file=io.BytesIO(data))

    # Line 1 the header, lines 2-3 the quoted street, line 4 blank: the bad row is on line 5.
    assert [error.line for error in result.errors] == [5]
    assert Dwelling.objects.get().street == "Vaart\nkade"


def test_an_unclosed_quote_refuses_the_file(db):
    data = csv_bytes([row(1)]) + b'W01;"Oude Dorp\n' + b"x" * 140_000

    error = refused(data)

    assert error.message.startswith("Line 3 cannot be read as CSV")
    assert counts() == [0, 0, 0, 0]


def test_a_row_with_too_few_values_is_refused(db):
    data = csv_bytes([row(1)]) + b"W01;Oude Dorp;C101\n"

    result = import_register(file=io.BytesIO(data))

    assert [str(e) for e in result.errors] == [
        "line 3: the row has 3 values where the header has 14"
    ]


def test_a_bad_row_saves_none_of_its_records(db):
    new_place = {"neighbourhood_code": "W09", "complex_code": "C909", "postcode": "9999 ZZ"}
    rows = [
        row(1),
        row(2, **new_place, tenancy_start="gisteren"),  # a bad value
        row(3, contract_number="HC0000001", postcode="8888 YY"),  # a repeated contract
        row(4, neighbourhood_code="W09", postcode="9999 ZZ"),  # C101 is in W01 on line 2
    ]

    result = run(rows)

    assert [error.line for error in result.errors] == [3, 4, 5]
    assert not Neighbourhood.objects.filter(code="W09").exists()
    assert not Complex.objects.filter(code="C909").exists()
    assert not Dwelling.objects.filter(postcode__in=["9999ZZ", "8888YY"]).exists()
    assert counts() == [1, 1, 1, 1]


def test_the_sample_file_imports_fully(db):
    result = import_register(file=SAMPLE)

    assert result.errors == []
    assert result.rows == {CREATED: 30}
    assert counts() == [3, 5, 29, 30]  # Vaartkade 6 has an ended and a current tenancy


def test_a_rerun_changes_nothing(db):
    import_register(file=SAMPLE)
    before = list(Household.objects.values_list("pk", "contract_number", "persons", "dwelling"))

    result = import_register(file=SAMPLE)

    assert result.rows == {UNCHANGED: 30}
    assert result.records[Dwelling] == {UNCHANGED: 29}
    assert counts() == [3, 5, 29, 30]
    assert (
        list(Household.objects.values_list("pk", "contract_number", "persons", "dwelling"))
        == before
    )


def test_a_rerun_applies_changes(db):
    run([row(1), row(2)])

    result = run(
        [
            row(1, neighbourhood_name="Het Oude Dorp", persons="4"),
            row(
                2,
                neighbourhood_name="Het Oude Dorp",
                contract_number="hc0000002",
                complex_code="C102",
                complex_name="Smidse",
            ),
        ]
    )

    assert result.rows == {UPDATED: 2}
    assert result.records[Neighbourhood] == {UPDATED: 1}
    assert result.records[Complex] == {UNCHANGED: 1, CREATED: 1}
    assert result.records[Dwelling] == {UPDATED: 1, UNCHANGED: 1}
    assert Neighbourhood.objects.get().name == "Het Oude Dorp"
    assert Household.objects.get(contract_number="HC0000001").persons == 4
    moved = Household.objects.get(contract_number__iexact="hc0000002")  # matched, not duplicated
    assert moved.contract_number == "hc0000002"
    assert moved.dwelling.complex.code == "C102"
    assert counts() == [1, 2, 2, 2]


def test_existing_records_are_found_by_their_natural_keys(db):
    household = HouseholdFactory(
        contract_number="HC0000001", dwelling__postcode="5731KB", dwelling__house_number=1
    )

    result = run([row(1, postcode="5731KB")])

    assert result.errors == []
    assert Dwelling.objects.count() == 1
    household.refresh_from_db()
    assert household.dwelling.complex.code == "C101"  # the dwelling moved to the file's complex


def test_an_optional_column_the_file_lacks_keeps_what_is_stored(db):
    run([row(1, persons="3", tenancy_end="2030-01-01")])
    without = [c for c in COLUMNS if c not in ("persons", "tenancy_end")]

    result = run([row(1)], columns=without)

    assert result.rows == {UNCHANGED: 1}
    household = Household.objects.get()
    assert (household.persons, household.tenancy_end) == (3, datetime.date(2030, 1, 1))


def test_missing_columns_refuse_the_file(db):
    columns = [c for c in COLUMNS if c not in ("postcode", "city")]

    error = refused(csv_bytes([row(1)], columns=columns))

    assert error.code == "missing_columns"
    assert "postcode, city" in error.message
    assert counts() == [0, 0, 0, 0]


def test_an_unknown_column_is_ignored_with_a_warning(db):
    result = run([row(1)], columns=[*COLUMNS, "remarks"])

    assert result.warnings == ["The column “remarks” is not known and was ignored."]
    assert result.rows == {CREATED: 1}


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04\x14\x00\x06\x00",  # a spreadsheet
        "neighbourhood_code;straße".encode("utf-16"),
        "neighbourhood_code;café\n".encode("latin-1"),
    ],
)
def test_a_file_that_is_not_text_csv_is_refused(db, data):
    assert refused(data).code == "not_csv"


def test_the_size_limit(db, settings, tmp_path):
    data = csv_bytes([row(1)])
    settings.REGISTER_IMPORT_MAX_BYTES = len(data) - 1
    path = tmp_path / "register.csv"
    path.write_bytes(data)

    assert refused(data).code == "too_large"
    with pytest.raises(CommandError, match="larger than") as info:
        call_command("import_register", str(path), "--no-progress")
    assert info.value.returncode == 2
    settings.REGISTER_IMPORT_MAX_BYTES = len(data)
    assert import_register(file=path).rows == {CREATED: 1}


@pytest.mark.parametrize("rows", [10, 150])
def test_lookups_are_done_in_bulk(db, django_assert_max_num_queries, rows):
    # 4 loads, savepoint and release, 1 insert per model (SQLite takes ~120 households an
    # insert, so 150 take 2), and the UPDATE that keeps households' neighbourhood in step.
    with django_assert_max_num_queries(12):
        result = run([row(n) for n in range(1, rows + 1)])
    assert result.rows == {CREATED: rows}


def test_command_reports_the_counts(db, tmp_path):
    stdout, stderr = io.StringIO(), io.StringIO()

    call_command("import_register", str(SAMPLE), stdout=stdout, stderr=stderr)

    assert "Households: 30 created, 0 updated, 0 unchanged" in stdout.getvalue()
    assert stdout.getvalue().endswith("30 rows: 30 created, 0 updated, 0 unchanged, 0 failed\n")
    assert "Checking rows" in stderr.getvalue()  # the progress bar


def test_command_exits_with_1_when_rows_fail(db, tmp_path):
    path = tmp_path / "register.csv"
    path.write_bytes(csv_bytes([row(1), row(2, postcode="12AB")]))
    stdout, stderr = io.StringIO(), io.StringIO()

    with pytest.raises(SystemExit) as info:
        call_command("import_register", str(path), "--no-progress", stdout=stdout, stderr=stderr)

    assert info.value.code == 1
    assert stderr.getvalue() == "line 3: postcode “12AB” is not a Dutch postcode\n"
    assert "2 rows: 1 created, 0 updated, 0 unchanged, 1 failed" in stdout.getvalue()
    assert Household.objects.count() == 1


def test_command_refuses_a_file_without_the_columns(db, tmp_path):
    path = tmp_path / "register.csv"
    path.write_text("contract_number;postcode\nHC0000001;5731 KB\n")

    with pytest.raises(CommandError, match="lacks these columns: neighbourhood_code") as info:
        call_command("import_register", str(path), "--no-progress")

    assert info.value.returncode == 2
    assert counts() == [0, 0, 0, 0]


def test_command_reports_a_missing_file(db, tmp_path):
    with pytest.raises(CommandError, match="Cannot read .*nothing.csv"):
        call_command("import_register", str(tmp_path / "nothing.csv"), "--no-progress")


def test_a_number_with_thousands_of_digits_is_a_row_error(db):
    result = run([row(1, persons="0" * 4301), row(2)])
    assert result.rows == {CREATED: 1, FAILED: 1}
    assert "persons" in str(result.errors[0])
