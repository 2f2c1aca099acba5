"""Euro amounts as `Decimal`, and how they are written: always the Dutch way, `€ 1.234,56`.

The portal pays in euros in the Netherlands, so the English pages use the Dutch format too.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
NBSP = "\u00a0"  # keeps "€" and the number on one line


def to_decimal(value) -> Decimal:
    """A Decimal from a Decimal, int or string; floats go through str() to avoid binary noise."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        value = str(value)
    try:
        return Decimal(value)
    except (InvalidOperation, TypeError, ValueError) as exc:
        raise ValueError(f"not an amount: {value!r}") from exc


def format_euro(value) -> str:
    """Decimal("1234.56") → "€ 1.234,56"; negative amounts as "-€ 12,00"; None → ""."""
    if value is None or value == "":
        return ""
    amount = to_decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    whole, cents = f"{abs(amount):.2f}".split(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return f"{sign}€{NBSP}{'.'.join(groups)},{cents}"


def format_plain(value: Decimal) -> str:
    """For the payout file: "1234,56" (decimal comma, no thousands dots), as Dutch Excel reads."""
    return f"{value.quantize(CENT, rounding=ROUND_HALF_UP):.2f}".replace(".", ",")
