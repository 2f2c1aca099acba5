"""A Redis cache that lets the portal keep working while Redis is down.

While Redis cannot be reached, every call answers as Django's DummyCache does: reads miss,
writes are accepted and forgotten, `add` says it stored the value. Pages, login and forms then
work without a cache. The price: allauth's rate limits and its one-use check of TOTP codes keep
nothing during the outage, so they let everything through until Redis is back (see
docs/scaling.md). The short socket timeouts in settings keep each failed call short.

After a failure Redis is left alone for CACHE_RETRY_SECONDS: a Redis host that is down (no
refusal, nothing answers) costs a whole socket timeout per call, and one login makes several.
So each process waits for at most one timeout per pause, then tries again.
"""

import logging
import time

from django.conf import settings
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class TolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._without_redis = DummyCache(server, params)
        self._failing = False
        self._retry_at = 0.0  # while failing: when to ask Redis again

    def _call(self, name, *args, **kwargs):
        if self._failing and time.monotonic() < self._retry_at:
            return getattr(self._without_redis, name)(*args, **kwargs)
        try:
            result = getattr(RedisCache, name)(self, *args, **kwargs)
        except RedisError as error:
            self._retry_at = time.monotonic() + settings.CACHE_RETRY_SECONDS
            if not self._failing:  # log the change, not every call of an outage
                logger.warning("Redis cache unavailable, working without it: %s", error)
                self._failing = True
            return getattr(self._without_redis, name)(*args, **kwargs)
        if self._failing:
            logger.warning("Redis cache available again")
            self._failing = False
        return result

    def add(self, *args, **kwargs):
        return self._call("add", *args, **kwargs)

    def get(self, *args, **kwargs):
        return self._call("get", *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._call("set", *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._call("touch", *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call("delete", *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._call("get_many", *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._call("has_key", *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._call("incr", *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._call("set_many", *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._call("delete_many", *args, **kwargs)

    def clear(self):
        return self._call("clear")
