import pytest
from django.utils import translation

from tests.factories import StaffFactory
from tests.factories_school import run_with_sessions


@pytest.fixture
def teacher(db):
    return StaffFactory(full_name="Henk Jansen")


@pytest.fixture
def run(teacher):
    """A run of a course for residents and staff: three places, sessions in 7 and 14 days."""
    return run_with_sessions(days=(7, 14), places=3, teacher=teacher)


@pytest.fixture
def english(client):
    """Pages in English, so tests can read the messages before the Dutch catalogue has them."""
    client.cookies["django_language"] = "en"
    return client


@pytest.fixture(autouse=True)
def english_messages():
    """Service messages in English, the language these tests read them in."""
    with translation.override("en"):
        yield
