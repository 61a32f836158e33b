"""The Redis cache (portal/cache_backends.py) shares one client per connection pool, across
threads, where Django's own builds one per call. On PostgreSQL + Redis runs (REDIS_URL)."""

import os
import threading

import pytest

from django.core.cache import caches

from portal.cache_backends import SharedClientRedisCache

pytestmark = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"), reason="needs Redis (REDIS_URL), as production has"
)


def test_the_portal_cache_is_redis_with_one_client_per_pool():
    backend = caches["default"]
    assert isinstance(backend, SharedClientRedisCache)
    assert backend._cache.get_client() is backend._cache.get_client()
    assert isinstance(caches["renditions"], SharedClientRedisCache)


def test_threads_sharing_the_client_each_read_back_what_they_wrote():
    backend = caches["default"]
    failures = []

    def worker(number):
        for round_number in range(50):
            key = f"portal-test:thread-{number}"
            value = {"thread": number, "round": round_number, "متن": "بهزیستی"}
            backend.set(key, value, 30)
            if backend.get(key) != value:
                failures.append((number, round_number))
        backend.delete(f"portal-test:thread-{number}")

    threads = [threading.Thread(target=worker, args=(number,)) for number in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
