"""What the tests that start a real Celery worker share: the broker, and the test database's
address for the worker process."""

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
import redis
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
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


@contextlib.contextmanager
def celery_worker(queue: str, *, env: dict | None = None, pool=("--pool=solo",), output=None):
    """A real worker process on the test database and ``BROKER``, taking tasks from ``queue``
    until the block ends. Skips the test without PostgreSQL (the worker must share the
    database) or without Redis. ``output``: a file for its log (an unread pipe could fill
    and stall the worker), else nowhere."""
    if connection.vendor != "postgresql":
        pytest.skip("the worker process needs a database it can share: run on PostgreSQL")
    if not redis_reachable():
        pytest.skip(f"no Redis broker at {BROKER}")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "portal",
            "worker",
            *pool,
            "--loglevel=INFO",
            "-Q",
            queue,
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "DATABASE_URL": database_url(),
            "CELERY_BROKER_URL": BROKER,
            "CELERY_TASK_ALWAYS_EAGER": "false",
            **(env or {}),
        },
        stdout=output or subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
