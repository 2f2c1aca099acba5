"""Shared helpers for the school's view tests."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

# The main menu's own checks (other apps' menu items, e.g. a permission lookup for staff):
# not the school's queries, but on every page.
MENU_QUERIES = 3


def count_queries(client, url):
    """How many queries one GET of `url` takes (and that it answers 200)."""
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)
