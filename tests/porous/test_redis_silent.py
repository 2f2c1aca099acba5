"""A Redis host that is down without refusing (nothing answers): each call would wait for the
whole socket timeout. After one failure each process leaves Redis alone for a pause
(CACHE_RETRY_SECONDS), so a page waits for at most one timeout, then Redis is tried again."""

import socket
import threading
import time

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.factories import PASSWORD, ResidentFactory


class SilentServer:
    """Takes connections and never answers, as a Redis host behind a dead link does."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.connections = []
        self.url = f"redis://127.0.0.1:{self.sock.getsockname()[1]}/0"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                connection, _ = self.sock.accept()
            except OSError:
                return
            self.connections.append(connection)

    def close(self):
        self.sock.close()
        for connection in self.connections:
            connection.close()


@pytest.fixture
def silent_redis(settings):
    server = SilentServer()
    settings.CACHES = {
        "default": {
            "BACKEND": "porous.cache.TolerantRedisCache",
            "LOCATION": server.url,
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    settings.CACHE_RETRY_SECONDS = 60
    yield server
    server.close()


def test_after_one_unanswered_call_redis_is_left_alone(silent_redis):
    cache.set("a", 1)  # waits for the timeout, once
    for _ in range(5):
        assert cache.get("a", "missing") == "missing"
        assert cache.add("lock", True) is True
    assert len(silent_redis.connections) == 1


def test_after_the_pause_redis_is_asked_again(silent_redis, settings):
    settings.CACHE_RETRY_SECONDS = 0.3
    cache.get("a")
    cache.get("a")
    assert len(silent_redis.connections) == 1  # the second call did not wait
    time.sleep(0.4)
    cache.get("a")
    assert len(silent_redis.connections) == 2


def log_in(client):
    user = ResidentFactory().user
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302


@pytest.mark.django_db
def test_a_login_waits_for_one_timeout_at_most(silent_redis, client):
    log_in(client)  # asks the cache several times (allauth's rate limits)
    assert len(silent_redis.connections) == 1


@pytest.mark.django_db
def test_without_the_pause_a_login_waits_for_a_timeout_per_call(silent_redis, settings, client):
    """What the pause saves: each cache call of the login waits for its own timeout."""
    settings.CACHE_RETRY_SECONDS = 0
    log_in(client)
    assert len(silent_redis.connections) > 1
