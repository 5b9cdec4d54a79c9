"""Limits on guessing a borrower's details, on top of allauth's rate limiter.

The rates live in ``settings.ACCOUNT_RATE_LIMITS["link_borrower"]``: per login, per address and
per loan reference (so many logins from many addresses cannot take turns at one borrower's date
of birth). They are counted in the cache, so production needs a cache every web process shares
(``CACHE_URL``; the settings refuse to start without one).
"""

import datetime as dt
import math
import time

from allauth.core import ratelimit
from django.core.cache import cache
from django.http import HttpRequest

LINK_BORROWER = "link_borrower"


def reference_key(loan_reference: str) -> str:
    """References are matched ignoring case and surrounding spaces; so are their attempts."""
    return loan_reference.strip().upper()


def consume_link_attempt(request: HttpRequest, *, loan_reference: str) -> dt.timedelta | None:
    """Count one attempt at linking by details. ``None`` when it may go ahead, otherwise how
    long until the next attempt will be allowed."""
    key = reference_key(loan_reference)
    if ratelimit.consume(request, action=LINK_BORROWER, key=key):
        return None
    return _retry_after(request, key=key)


def tries_left(request: HttpRequest, *, loan_reference: str) -> int:
    """How many more attempts the tightest of the limits allows now."""
    now = time.time()
    key = reference_key(loan_reference)
    return min(
        (rate.amount - len(_counted(request, rate, key=key, now=now)) for rate in _rates()),
        default=0,
    )


def minutes_to_wait(wait: dt.timedelta) -> int:
    """Whole minutes, rounded up, and never zero: "try again in 0 minutes" reads as broken."""
    return max(1, math.ceil(wait.total_seconds() / 60))


# allauth's public API says only yes or no; how many attempts count, and until when, is read
# from the same cache entries its (pinned) internal helpers write.


def _rates():
    from allauth.core.internal import ratelimit as internal

    return internal.get_rates(app="allauth.account", action=LINK_BORROWER)


def _counted(request: HttpRequest, rate, *, key: str, now: float) -> list[float]:
    from allauth.core.internal import ratelimit as internal

    cache_key = internal.get_cache_key(
        request, app="allauth.account", action=LINK_BORROWER, rate=rate, key=key
    )
    return sorted((ts for ts in cache.get(cache_key, []) if ts > now - rate.duration), reverse=True)


def _retry_after(request: HttpRequest, *, key: str) -> dt.timedelta:
    # For each exhausted rate, the moment the oldest attempt that still counts falls out of
    # its window.
    now = time.time()
    waits = []
    for rate in _rates():
        counted = _counted(request, rate, key=key, now=now)
        if len(counted) >= rate.amount:
            waits.append(counted[rate.amount - 1] + rate.duration - now)
    if not waits:
        # Refused without a full window we can see (e.g. the cache lock timed out): the
        # longest window is a safe upper bound.
        waits.append(max((rate.duration for rate in _rates()), default=60))
    return dt.timedelta(seconds=max(waits))
