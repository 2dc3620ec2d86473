"""PostgreSQL and Redis: the production path. Skipped without the servers, required in CI."""

import os
import uuid

import pytest
from django.db import connection

from tests.services import REQUIRE, need, reachable


def test_redis_cache_round_trip(settings):
    redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")
    need("Redis", reachable("127.0.0.1", 6379), "nothing listens on 127.0.0.1:6379")
    from django.core.cache.backends.redis import RedisCache

    cache = RedisCache(redis_url, {"KEY_PREFIX": "infolijn-test"})
    key = f"k-{uuid.uuid4()}"
    cache.set(key, {"groeipakket": 1}, timeout=30)
    assert cache.get(key) == {"groeipakket": 1}
    cache.delete(key)


@pytest.mark.django_db
def test_suite_runs_on_postgresql_in_ci():
    """In CI the PostgreSQL pass sets DATABASE_URL; this proves the whole suite really ran there."""
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        need(
            "PostgreSQL",
            not REQUIRE or reachable("127.0.0.1", 5432),
            "nothing listens on 127.0.0.1:5432",
        )
        pytest.skip(
            "this pass uses SQLite; .ci/run repeats the suite with DATABASE_URL=postgres://…"
        )
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('server_version_num')::int")
        assert cursor.fetchone()[0] >= 130000


@pytest.mark.django_db
def test_redis_is_the_cache_when_configured():
    if not os.environ.get("REDIS_URL"):
        pytest.skip("REDIS_URL not set in this pass")
    from django.core.cache import caches

    cache = caches["default"]
    cache.set("infolijn-probe", "ja", 10)
    assert cache.get("infolijn-probe") == "ja"
    assert type(cache).__name__ == "RedisCache"
