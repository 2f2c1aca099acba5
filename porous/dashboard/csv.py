"""A dashboard table as a CSV file that opens as columns in Excel.

UTF-8 with a byte-order mark (without it Excel guesses the encoding and mangles "ë").
Two number formats: Dutch (`;` between fields, decimal comma), as Dutch Excel reads it, and
plain (`,` between fields, decimal point) for other software. Never thousands separators, so
numbers stay numbers. Text that starts with = + - @ (or a tab or carriage return) would run as
a formula in a spreadsheet: it gets a leading apostrophe.
"""

import csv
import io

from .blocks.base import DECIMAL, INT, MONEY, PERCENT, rounded

BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
DUTCH, PLAIN = "nl", "plain"


def escape_text(text):
    text = str(text)
    return f"'{text}" if text.startswith(FORMULA_START) else text


def csv_value(cell, *, dutch):
    value = cell.value
    if value is None or value == "":
        return ""
    if cell.kind == INT:
        return str(int(value))
    if cell.kind in (DECIMAL, PERCENT, MONEY):
        text = str(rounded(value, 2 if cell.kind == MONEY else 1))
        return text.replace(".", ",") if dutch else text
    return escape_text(value)


def render(table, *, dutch=True) -> str:
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, delimiter=";" if dutch else ",", lineterminator="\r\n")
    writer.writerow([escape_text(column.label) for column in table.columns])
    for row in table.rows:
        writer.writerow([csv_value(cell, dutch=dutch) for cell in row.cells])
    return out.getvalue()
