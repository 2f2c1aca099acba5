"""The public privacy page: what is kept, why and how long, linked from every page."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
PRIVACY = reverse("privacy:privacy")


def test_everyone_can_read_it_and_every_page_links_to_it(client):
    assert PRIVACY in client.get(reverse("home")).text
    response = client.get(PRIVACY)
    assert response.status_code == 200
    assert client.post(PRIVACY).status_code == 405


def test_it_says_how_long_visit_notes_are_kept(client, settings):
    settings.VISIT_NOTES_RETENTION_MONTHS = 18
    client.cookies["django_language"] = "en"
    page = client.get(PRIVACY).text
    assert "We delete the notes after 18 months." in page
    assert "seven years for the tax office" in page
    assert reverse("privacy:my-data") in page
