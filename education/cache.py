"""Cached lesson lists, glossaries and lesson bodies, "until something is republished".

Every key includes a generation number that publishing, unpublishing, moving or deleting a
lesson or glossary term increases (``education.signals``), so nothing cached survives a
change. Across processes this needs a shared cache (``CACHE_URL``, Redis in production); with
the per-process default, ``MAX_AGE`` bounds how long another process may serve the old text.
"""

from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache

T = TypeVar("T")
GENERATION_KEY = "education:generation"
MAX_AGE = 10 * 60


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = 1
        cache.add(GENERATION_KEY, value, timeout=None)
    return value


def bump() -> None:
    """Forget everything cached: content was published, unpublished, moved or deleted."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def cached(name: str, build: Callable[[], T]) -> T:
    key = f"education:{generation()}:{name}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout=MAX_AGE)
    return value


def get(name: str):
    return cache.get(f"education:{generation()}:{name}")


def put(name: str, value) -> None:
    cache.set(f"education:{generation()}:{name}", value, timeout=MAX_AGE)
