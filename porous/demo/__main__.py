"""`python -m porous.demo` prints the demo logins (no database or Django setup needed)."""

from .logins import logins_table

print(logins_table())
