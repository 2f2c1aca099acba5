"""Small helpers for text shown to people."""

import re

_NUMBERS = re.compile(r"(\d+)")


def natural_key(text):
    """A sort key that puts "Team 2" before "Team 10" and ignores case, as people read a list
    of names. Text and numbers alternate in the key, so any two keys compare."""
    parts = _NUMBERS.split(text)
    return [int(part) if i % 2 else part.casefold() for i, part in enumerate(parts)]
