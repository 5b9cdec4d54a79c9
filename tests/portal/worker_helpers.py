"""What the tests that start a real Celery worker share: the broker, and the test database's
address for the worker process."""

import os

import redis
from django.db import connection

BROKER = os.environ.get("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0")


def redis_reachable() -> bool:
    if not BROKER.startswith("redis"):
        return False
    try:
        return redis.Redis.from_url(BROKER, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        return False


def database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
