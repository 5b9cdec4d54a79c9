"""Cached lesson lists, glossaries and lesson bodies, "until something is republished".

Every key includes a generation number that publishing, unpublishing, moving or deleting a
lesson or glossary term increases (``education.signals``), so nothing cached survives a
change. Across processes this needs a shared cache (``CACHE_URL``, Redis in production); with
the per-process default, ``MAX_AGE`` bounds how long another process may serve the old text.

Reading the shared cache costs a round trip, and a lesson page used to make about ten. Now a
request reads the generation once (``one_reading``, opened by ``education.middleware``), and
each process keeps the values it has read under their full key, which names the generation:
a change starts a new generation, so a value kept here is never served after it.
"""

import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

from django.core.cache import cache

T = TypeVar("T")
GENERATION_KEY = "education:generation"
MAX_AGE = 10 * 60
# How long this process trusts a value it read without asking the shared cache again: the
# generation already says whether it is current, this only bounds the time with a cache that
# is not shared (where another process's change is not seen).
LOCAL_MAX_AGE = 60
LOCAL_LIMIT = 512

_local: dict[str, tuple[float, object]] = {}
# [generation or None] while a request is being answered; None outside one.
_request_generation: ContextVar[list | None] = ContextVar("education_generation", default=None)


def _fresh_generation() -> int:
    # Random, not 1: a cache that is emptied starts a generation no process has kept values
    # of, so nothing kept in a process outlives it.
    return secrets.randbits(52)


def generation() -> int:
    memo = _request_generation.get()
    if memo is not None and memo[0] is not None:
        return memo[0]
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = _fresh_generation()
        if not cache.add(GENERATION_KEY, value, timeout=None):
            value = cache.get(GENERATION_KEY, value)  # another process started it first
    if memo is not None:
        memo[0] = value
    return value


@contextmanager
def one_reading() -> Iterator[None]:
    """Within the block (one request), the generation is read from the cache once."""
    token = _request_generation.set([None])
    try:
        yield
    finally:
        _request_generation.reset(token)


def bump() -> None:
    """Forget everything cached: content was published, unpublished, moved or deleted."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, _fresh_generation(), timeout=None)
    memo = _request_generation.get()
    if memo is not None:
        memo[0] = None


def cached(name: str, build: Callable[[], T]) -> T:
    """The value cached under ``name`` for the current generation, built if there is none.
    Callers share the value with other requests of this process: they must not change it."""
    key = f"education:{generation()}:{name}"

    def shared() -> T:
        value = cache.get(key)
        if value is None:
            value = build()
            cache.set(key, value, timeout=MAX_AGE)
        return value

    return _kept_here(key, shared)


def kept(name: str, build: Callable[[], T]) -> T:
    """Like ``cached``, but kept by this process alone: for values that are cheap to build
    and costly to send through the shared cache (a page object). ``None`` is never kept."""
    return _kept_here(f"education:{generation()}:{name}", build)


def _kept_here(key: str, build: Callable[[], T]) -> T:
    now = time.monotonic()
    found = _local.get(key)
    if found is not None and found[0] > now:
        return found[1]
    value = build()
    if value is not None:
        if len(_local) >= LOCAL_LIMIT:
            _local.clear()
        _local[key] = (now + LOCAL_MAX_AGE, value)
    return value


def get(name: str):
    return cache.get(f"education:{generation()}:{name}")


def put(name: str, value) -> None:
    cache.set(f"education:{generation()}:{name}", value, timeout=MAX_AGE)
