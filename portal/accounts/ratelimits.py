"""Limits on guessing a borrower's details, on top of allauth's rate limiter.

The rates live in ``settings.ACCOUNT_RATE_LIMITS["link_borrower"]`` and are counted in the
cache, so production needs a cache that every web process shares (``CACHE_URL``).
"""

import datetime as dt
import math
import time

from allauth.core import ratelimit
from django.core.cache import cache
from django.http import HttpRequest

LINK_BORROWER = "link_borrower"


def consume_link_attempt(request: HttpRequest) -> dt.timedelta | None:
    """Count one attempt at linking by details. ``None`` when it may go ahead, otherwise how
    long until the next attempt will be allowed."""
    if ratelimit.consume(request, action=LINK_BORROWER):
        return None
    return _retry_after(request, action=LINK_BORROWER)


def minutes_to_wait(wait: dt.timedelta) -> int:
    """Whole minutes, rounded up, and never zero: "try again in 0 minutes" reads as broken."""
    return max(1, math.ceil(wait.total_seconds() / 60))


def _retry_after(request: HttpRequest, *, action: str) -> dt.timedelta:
    # allauth's public API says only yes or no; the wait is read from the same cache entries
    # its (pinned) internal helpers write: for each exhausted rate, the moment the oldest
    # attempt that still counts falls out of its window.
    from allauth.core.internal import ratelimit as internal

    rates = internal.get_rates(app="allauth.account", action=action)
    now = time.time()
    waits = []
    for rate in rates:
        key = internal.get_cache_key(request, app="allauth.account", action=action, rate=rate)
        counted = sorted(
            (ts for ts in cache.get(key, []) if ts > now - rate.duration), reverse=True
        )
        if len(counted) >= rate.amount:
            waits.append(counted[rate.amount - 1] + rate.duration - now)
    if not waits:
        # Refused without a full window we can see (e.g. the cache lock timed out): the
        # longest window is a safe upper bound.
        waits.append(max((rate.duration for rate in rates), default=60))
    return dt.timedelta(seconds=max(waits))
