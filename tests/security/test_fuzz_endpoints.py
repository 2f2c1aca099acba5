"""The downloads and feeds answer hostile query strings and codes without a server error:
the dashboard's CSV tables, the payout CSV, both calendar feeds and the certificate check."""

from urllib.parse import quote

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from porous.dashboard.blocks import TABLE_BLOCKS

from .fuzz import DATES, FUZZ_PAGES, HOSTILE, NUMBERS, rolled_back
from .fuzz_world import build_world

FILTER_NAMES = ["start", "end", "neighbourhood", "team", "category", "grade", "numbers"]
QUERY_VALUE = st.one_of(HOSTILE, DATES, NUMBERS, st.sampled_from(["plain", "nl", "techniek"]))
# Known parameter names and any others, each once or several times.
QUERY = st.dictionaries(
    st.one_of(st.sampled_from(FILTER_NAMES), st.text(min_size=1, max_size=10)),
    st.one_of(QUERY_VALUE, st.lists(QUERY_VALUE, max_size=3)),
    max_size=6,
)
# A path segment: a real code or token now and then, otherwise anything, percent-encoded.
SEGMENT = st.one_of(HOSTILE.filter(bool), st.from_regex(r"\A[A-Za-z0-9_-]{1,70}\Z"))


@pytest.fixture
def world(db, settings):
    return build_world()


def _never_fails(client, urls, query=QUERY):
    @FUZZ_PAGES
    @given(url=urls, query=query)
    def check(url, query):
        with rolled_back():
            response = client.get(url, query)
            assert response.status_code < 500

    check()


def test_dashboard_csv(client, world):
    client.force_login(world.manager)
    blocks = st.one_of(st.sampled_from(sorted(TABLE_BLOCKS)), SEGMENT.map(quote))
    _never_fails(client, blocks.map(lambda block: f"/dashboard/csv/{block}/"))


def test_payout_csv(client, world):
    client.force_login(world.manager)
    url = reverse("rewards:payout-download", args=[world.payout.pk])
    _never_fails(client, st.just(url))


@pytest.mark.parametrize("name", ["school:calendar-feed", "visits:calendar-feed"])
def test_calendar_feeds(client, world, name):
    real = reverse(name, args=[world.calendar_token])
    prefix = real.rsplit("/", 1)[0]
    tokens = st.one_of(st.just(world.calendar_token), SEGMENT)
    _never_fails(client, tokens.map(lambda token: f"{prefix}/{quote(token, safe='')}.ics"))
    assert client.get(real).status_code == 200


def test_certificate_check(client, world):
    real = reverse("certificates:certificate-verify", args=[world.certificate.code])
    codes = st.one_of(st.just(world.certificate.code), SEGMENT)
    _never_fails(client, codes.map(lambda code: f"/certificaat/{quote(code, safe='')}/"))
    lookup = reverse("certificates:certificate-lookup")
    _never_fails(
        client, st.just(lookup), st.fixed_dictionaries({"code": st.one_of(SEGMENT, HOSTILE)})
    )
    assert client.get(real).status_code == 200
