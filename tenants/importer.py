"""The register import: the CSV export of the tenancy system into the register.

Two passes. First every row is checked in memory, against what the database holds (loaded once,
up front) and against the rows above it. Then the good rows are written in bulk, in one
transaction. A bad row is refused as a whole, so it never leaves half of its records behind.

Records are matched on their natural keys: a neighbourhood and a complex by code, a dwelling by
(postcode, house number, suffix), a household by contract number (ignoring case). Within one
file the first row that names a key decides its values; a later row that disagrees is refused.
"""

import csv
import datetime
import io
import os
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Protocol

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, models, transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .models import (
    Complex,
    Dwelling,
    Household,
    Neighbourhood,
    copy_neighbourhoods,
    normalize_postcode,
)

REQUIRED_COLUMNS = (
    "neighbourhood_code",
    "neighbourhood_name",
    "complex_code",
    "complex_name",
    "street",
    "house_number",
    "postcode",
    "city",
    "contract_number",
    "tenancy_start",
)
OPTIONAL_COLUMNS = ("house_number_suffix", "tenancy_end", "main_tenant_birth_year", "persons")
MAX_PERSONS = 99  # more is a typing error, not a household
BATCH_SIZE = 1000

MAX_LENGTHS = {
    column: model._meta.get_field(name).max_length
    for column, model, name in [
        ("neighbourhood_code", Neighbourhood, "code"),
        ("neighbourhood_name", Neighbourhood, "name"),
        ("complex_code", Complex, "code"),
        ("complex_name", Complex, "name"),
        ("street", Dwelling, "street"),
        ("house_number_suffix", Dwelling, "house_number_suffix"),
        ("city", Dwelling, "city"),
        ("contract_number", Household, "contract_number"),
    ]
}
POSTCODE_RE = re.compile(r"^\d{4}[A-Z]{2}$")
ISO_DATE_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
DUTCH_DATE_RE = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")

HOUSEHOLD_FIELDS = ("tenancy_start", "tenancy_end", "main_tenant_birth_year", "persons")
CREATED, UPDATED, UNCHANGED, FAILED = "created", "updated", "unchanged", "failed"


@dataclass(frozen=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return _("line %(line)s: %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class ImportResult:
    """Rows by outcome, records by model and outcome, and the refused rows with their reasons."""

    rows: Counter = field(default_factory=Counter)
    records: dict[type[models.Model], Counter] = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.errors)


class Progress(Protocol):
    def __call__(self, *, stage: str, done: int, total: int) -> None: ...


class _Refused(Exception):
    """A row cannot be imported; the message says why."""


def import_register(
    *, file: str | os.PathLike | BinaryIO, progress: Progress | None = None
) -> ImportResult:
    """Import a register export; raise ValidationError when the file as a whole is refused."""
    text = _read_text(file)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    result = ImportResult()
    columns = _read_header(next(reader, []), result)
    register = _Register()
    total = max(text.count("\n") + (not text.endswith("\n")) - 1, 0)
    for line, cells in _records(reader):
        try:
            outcome = register.add(line, _Row(cells, columns))
        except _Refused as refused:
            result.errors.append(RowError(line, str(refused)))
            outcome = FAILED
        result.rows[outcome] += 1
        if progress and line % BATCH_SIZE == 0:
            progress(stage=_("Checking rows"), done=min(line - 1, total), total=total)
    if progress:
        progress(stage=_("Checking rows"), done=total, total=total)
    result.records = register.save(progress)
    return result


def _read_text(file: str | os.PathLike | BinaryIO) -> str:
    limit = settings.REGISTER_IMPORT_MAX_BYTES
    if isinstance(file, str | os.PathLike):
        _check_size(os.path.getsize(file), limit)
        with open(file, "rb") as handle:
            data = handle.read(limit + 1)
    else:
        data = file.read(limit + 1)
    _check_size(len(data), limit)
    try:
        if b"\x00" in data:
            raise UnicodeError
        text = data.decode("utf-8-sig")
    except UnicodeError:
        raise ValidationError(
            _("This is not a text CSV file. Save the export as “CSV UTF-8” and try again."),
            code="not_csv",
        ) from None
    if not text.strip():  # after decoding: a file with only the UTF-8 mark is empty too
        raise ValidationError(_("The file is empty."), code="empty")
    return text


def _check_size(size: int, limit: int) -> None:
    if size > limit:
        raise ValidationError(
            _("The file is larger than %(limit)s, the most that can be imported at once.")
            % {"limit": filesizeformat(limit)},
            code="too_large",
        )


def _sniff_delimiter(text: str) -> str:
    """The header names contain neither ';' nor ',', so whichever the header has more of."""
    header = text.split("\n", 1)[0]
    return ";" if header.count(";") >= header.count(",") else ","


def _read_header(cells: list[str], result: ImportResult) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        name = cell.strip().lower()
        if not name:
            continue
        if name in columns:
            raise ValidationError(
                _("The header row names the column “%(column)s” twice.") % {"column": name},
                code="duplicate_column",
            )
        if name not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS:
            result.warnings.append(
                _("The column “%(column)s” is not known and was ignored.") % {"column": name}
            )
        columns[name] = index
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        raise ValidationError(
            _("The header row lacks these columns: %(columns)s. Nothing was imported.")
            % {"columns": ", ".join(missing)},
            code="missing_columns",
        )
    return columns


def _records(reader: Any) -> Iterator[tuple[int, list[str]]]:
    """Each non-blank record with the line it starts on (a quoted value may span lines)."""
    start = reader.line_num + 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                yield start, cells
            start = reader.line_num + 1
    except csv.Error as error:  # an unclosed quote swallows the file until a field gets too big
        raise ValidationError(
            _("Line %(line)s cannot be read as CSV (%(error)s). Nothing was imported.")
            % {"line": start, "error": error},
            code="not_csv",
        ) from error


class _Row:
    """One record's cells, checked and converted, with every problem found in `problems`."""

    def __init__(self, cells: list[str], columns: dict[str, int]):
        self.cells, self.columns, self.problems = cells, columns, []
        width = max(columns.values()) + 1
        if len(cells) < width or any(cell.strip() for cell in cells[width:]):
            raise _Refused(
                _("the row has %(found)s values where the header has %(expected)s")
                % {"found": len(cells), "expected": width}
            )
        self.contract_number = self.text("contract_number")
        self.neighbourhood_code = self.text("neighbourhood_code")
        self.neighbourhood_name = self.text("neighbourhood_name")
        self.complex_code = self.text("complex_code")
        self.complex_name = self.text("complex_name")
        self.street = self.text("street")
        self.city = self.text("city")
        self.suffix = self.text("house_number_suffix", required=False)
        self.house_number = self.number("house_number", 1, None)
        self.postcode = self.postcode_value()
        self.tenancy_start = self.date("tenancy_start")
        self.tenancy_end = self.date("tenancy_end", required=False)
        self.birth_year = self.number("main_tenant_birth_year", 1900, 2100, required=False)
        self.persons = self.number("persons", 1, MAX_PERSONS, required=False) or 1
        if self.tenancy_start and self.tenancy_end and self.tenancy_end < self.tenancy_start:
            self.problems.append(_("tenancy_end is before tenancy_start"))

    def has(self, column: str) -> bool:
        return column in self.columns

    def raw(self, column: str) -> str:
        return self.cells[self.columns[column]].strip() if self.has(column) else ""

    def text(self, column: str, *, required: bool = True) -> str:
        value = self.raw(column)
        if required and not value:
            self.problems.append(_("%(column)s is empty") % {"column": column})
        elif len(value) > MAX_LENGTHS[column]:
            self.problems.append(
                _("%(column)s is longer than %(max)s characters")
                % {"column": column, "max": MAX_LENGTHS[column]}
            )
        return value

    def number(self, column: str, low: int, high: int | None, *, required=True) -> int | None:
        value = self.raw(column)
        if not value:
            if required:
                self.problems.append(_("%(column)s is empty") % {"column": column})
            return None
        # At most 18 digits: int() of a very long one raises instead (and no count is that big).
        if value.isascii() and value.isdigit() and len(value) <= 18 and int(value) >= low:
            if high is None or int(value) <= high:
                return int(value)
        if high is None:
            message = _("%(column)s “%(value)s” is not a whole number of at least %(low)s")
        else:
            message = _("%(column)s “%(value)s” is not a whole number from %(low)s to %(high)s")
        self.problems.append(message % {"column": column, "value": value, "low": low, "high": high})
        return None

    def postcode_value(self) -> str:
        value = self.raw("postcode")
        postcode = normalize_postcode(value)
        if not value:
            self.problems.append(_("%(column)s is empty") % {"column": "postcode"})
        elif not POSTCODE_RE.match(postcode):
            self.problems.append(
                _("postcode “%(value)s” is not a Dutch postcode") % {"value": value}
            )
        return postcode

    def date(self, column: str, *, required: bool = True) -> datetime.date | None:
        value = self.raw(column)
        if not value:
            if required:
                self.problems.append(_("%(column)s is empty") % {"column": column})
            return None
        if match := ISO_DATE_RE.match(value):
            year, month, day = match.groups()
        elif match := DUTCH_DATE_RE.match(value):
            day, month, year = match.groups()
        else:
            year = month = day = "0"
        try:
            return datetime.date(int(year), int(month), int(day))
        except ValueError:
            self.problems.append(
                _("%(column)s “%(value)s” is not a date: use YYYY-MM-DD or DD-MM-YYYY")
                % {"column": column, "value": value}
            )
            return None


class _Table:
    """One model by natural key: what the database holds and what the file's rows claim."""

    def __init__(self, model: type[models.Model], key_column: str, columns: tuple, existing: dict):
        self.model, self.key_column, self.columns = model, key_column, columns
        self.existing: dict[Any, tuple[int, tuple]] = existing  # key -> (pk, values)
        self.claims: dict[Any, tuple[int, tuple]] = {}  # key -> (first line, values)

    def conflict(self, key: Any, values: tuple) -> str | None:
        """Why this row disagrees with an earlier row about the same key, or None."""
        claim = self.claims.get(key)
        if claim is None or claim[1] == values:
            return None
        line, earlier = claim
        index = next(i for i, (a, b) in enumerate(zip(earlier, values, strict=True)) if a != b)
        if isinstance(key, tuple):  # an address
            key = f"{key[0]} {key[1]}{'-' if key[2] else ''}{key[2]}"
        return _(
            "%(key_column)s “%(key)s” has %(column)s “%(other)s” on line %(line)s, not “%(value)s”"
        ) % {
            "key_column": self.key_column,
            "key": key,
            "column": self.columns[index],
            "other": earlier[index],
            "line": line,
            "value": values[index],
        }

    def claim(self, key: Any, values: tuple, line: int) -> str | None:
        """The outcome for the first row with this key; None for the rows after it."""
        if key in self.claims:
            return None
        self.claims[key] = (line, values)
        return self.outcome(key)

    def outcome(self, key: Any) -> str:
        old = self.existing.get(key)
        return CREATED if old is None else UNCHANGED if old[1] == self.claims[key][1] else UPDATED

    def save(self, build: Callable[[Any, tuple], models.Model], fields: list[str], advance) -> dict:
        """Create the new records and update the changed ones; return the pk of every key."""
        ids = {key: self.existing[key][0] for key in self.claims if key in self.existing}
        new = [key for key in self.claims if key not in self.existing]
        changed = [key for key in ids if self.outcome(key) == UPDATED]
        for start in range(0, len(new), BATCH_SIZE):
            keys = new[start : start + BATCH_SIZE]
            objs = self.model.objects.bulk_create([build(key, self.claims[key][1]) for key in keys])
            ids.update((key, obj.pk) for key, obj in zip(keys, objs, strict=True))
            advance(len(keys))
        for start in range(0, len(changed), BATCH_SIZE):
            keys = changed[start : start + BATCH_SIZE]
            objs = [build(key, self.claims[key][1]) for key in keys]
            for key, obj in zip(keys, objs, strict=True):
                obj.pk = ids[key]
            self._update(objs, fields)
            advance(len(keys))
        return ids

    def _update(self, objs: list[models.Model], names: list[str]) -> None:
        """One parametrised UPDATE run for many rows: bulk_update's CASE WHEN takes ~4 ms a row."""
        meta, quote = self.model._meta, connection.ops.quote_name
        fields = [meta.get_field(name) for name in names]
        columns = ", ".join(f"{quote(field.column)} = %s" for field in fields)
        # Only our model's quoted table and column names go into the text (hence the nosec);
        # the values are parameters.
        sql = f"UPDATE {quote(meta.db_table)} SET {columns} WHERE {quote(meta.pk.column)} = %s"  # nosec B608
        params = [
            [field.get_db_prep_save(getattr(obj, field.attname), connection) for field in fields]
            + [obj.pk]
            for obj in objs
        ]
        with connection.cursor() as cursor:
            cursor.executemany(sql, params)


class _Register:
    """The four tables of the register, loaded from the database once, then checked row by row."""

    def __init__(self):
        self.contract_lines: dict[str, int] = {}
        rows = Neighbourhood.objects.values_list("pk", "code", "name")
        existing = {code: (pk, (name,)) for pk, code, name in rows}
        self.neighbourhoods = _Table(
            Neighbourhood, "neighbourhood_code", ("neighbourhood_name",), existing
        )
        codes = {pk: code for code, (pk, _values) in existing.items()}
        rows = Complex.objects.values_list("pk", "code", "name", "neighbourhood_id")
        existing = {code: (pk, (name, codes[nb])) for pk, code, name, nb in rows}
        self.complexes = _Table(
            Complex, "complex_code", ("complex_name", "neighbourhood_code"), existing
        )
        codes = {pk: code for code, (pk, _values) in existing.items()}
        addresses, existing = {}, {}
        for pk, postcode, number, suffix, street, city, cx in Dwelling.objects.values_list(
            "pk", "postcode", "house_number", "house_number_suffix", "street", "city", "complex_id"
        ):
            addresses[pk] = (normalize_postcode(postcode), number, suffix)
            existing[addresses[pk]] = (pk, (street, city, codes[cx]))
        self.dwellings = _Table(Dwelling, "address", ("street", "city", "complex_code"), existing)
        rows = Household.objects.values_list("pk", "contract_number", "dwelling", *HOUSEHOLD_FIELDS)
        existing = {
            contract.upper(): (pk, (contract, addresses[dwelling], *rest))
            for pk, contract, dwelling, *rest in rows
        }
        columns = ("contract_number", "address", *HOUSEHOLD_FIELDS)
        self.households = _Table(Household, "contract_number", columns, existing)

    def add(self, line: int, row: _Row) -> str:
        """Check one row against the database and the rows above it; claim its records."""
        contract = row.contract_number.upper()
        if contract and self.contract_lines.setdefault(contract, line) != line:
            row.problems.insert(
                0,
                _("contract_number “%(value)s” is repeated: it is also on line %(line)s")
                % {"value": row.contract_number, "line": self.contract_lines[contract]},
            )
        if row.problems:
            raise _Refused("; ".join(row.problems))
        address = (row.postcode, row.house_number, row.suffix)
        old = self.households.existing.get(contract)
        kept = old[1][3:] if old else (None, None, 1)  # for optional columns the file lacks
        household = (
            row.contract_number,
            address,
            row.tenancy_start,
            row.tenancy_end if row.has("tenancy_end") else kept[0],
            row.birth_year if row.has("main_tenant_birth_year") else kept[1],
            row.persons if row.has("persons") else kept[2],
        )
        claims = [
            (self.neighbourhoods, row.neighbourhood_code, (row.neighbourhood_name,)),
            (self.complexes, row.complex_code, (row.complex_name, row.neighbourhood_code)),
            (self.dwellings, address, (row.street, row.city, row.complex_code)),
            (self.households, contract, household),
        ]
        conflicts = [table.conflict(key, values) for table, key, values in claims]
        if any(conflicts):
            raise _Refused("; ".join(filter(None, conflicts)))
        outcomes = [table.claim(key, values, line) for table, key, values in claims]
        if outcomes[-1] == CREATED:
            return CREATED
        return UPDATED if UPDATED in outcomes else UNCHANGED

    def save(self, progress: Progress | None) -> dict[type[models.Model], Counter]:
        """Write every claimed record in one transaction; the counts by model and outcome."""
        tables = [self.neighbourhoods, self.complexes, self.dwellings, self.households]
        records = {table.model: Counter(map(table.outcome, table.claims)) for table in tables}
        total = sum(counts[CREATED] + counts[UPDATED] for counts in records.values())
        done = 0

        def advance(count: int) -> None:
            nonlocal done
            done += count
            if progress:
                progress(stage=_("Saving"), done=done, total=total)

        try:
            with transaction.atomic():
                self._save(advance)
        except IntegrityError as error:
            raise ValidationError(
                _("The register could not be saved and nothing was imported: %(error)s")
                % {"error": error},
                code="integrity",
            ) from error
        return records

    def _save(self, advance: Callable[[int], None]) -> None:
        neighbourhood_ids = self.neighbourhoods.save(
            lambda code, v: Neighbourhood(code=code, name=v[0]), ["name"], advance
        )
        complex_ids = self.complexes.save(
            lambda code, v: Complex(code=code, name=v[0], neighbourhood_id=neighbourhood_ids[v[1]]),
            ["name", "neighbourhood"],
            advance,
        )
        dwelling_ids = self.dwellings.save(
            lambda key, v: Dwelling(
                postcode=key[0],
                house_number=key[1],
                house_number_suffix=key[2],
                street=v[0],
                city=v[1],
                complex_id=complex_ids[v[2]],
            ),
            ["street", "city", "complex"],
            advance,
        )
        self.households.save(
            lambda key, v: Household(
                contract_number=v[0],
                dwelling_id=dwelling_ids[v[1]],
                neighbourhood_id=neighbourhood_ids[self.neighbourhood_code(v[1])],
                **dict(zip(HOUSEHOLD_FIELDS, v[2:], strict=True)),
            ),
            ["contract_number", "dwelling", "neighbourhood", *HOUSEHOLD_FIELDS],
            advance,
        )
        # Households of a moved complex or dwelling that this file does not list, and any
        # copy that drifted: one UPDATE of the rows that differ.
        copy_neighbourhoods()

    def neighbourhood_code(self, address: tuple) -> str:
        """The neighbourhood a dwelling of this file lies in, as the file says."""
        complex_code = self.dwellings.claims[address][1][2]
        return self.complexes.claims[complex_code][1][1]
