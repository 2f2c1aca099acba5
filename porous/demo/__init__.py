"""Demo data for Mijn woningbouw: `manage.py seed_demo` builds a believable corporation.

Modules: `logins` (the fixed demo accounts, importable without Django set up), `names`,
`places` and `profiles` (the raw material), `catalogue` (extra roles and talents),
`people` and `register` (builders), `seed` (the whole run).
"""

from .logins import DEMO_LOGINS, DEMO_PASSWORD, logins_table

__all__ = ["DEMO_LOGINS", "DEMO_PASSWORD", "logins_table"]
