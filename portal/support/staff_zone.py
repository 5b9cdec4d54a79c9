"""Each staff member's own time zone: the console shows times in it, named, and reads the times
staff type (a contact just made) as its clock. A staff member chooses it on the console's
settings page; until then it is the office's, ``settings.TIME_ZONE``."""

from __future__ import annotations

import zoneinfo
from functools import lru_cache

from django.conf import settings
from django.utils import timezone

from .models import StaffSettings

# The console's pages: the support app's and the console side of conversations.
CONSOLE_NAMESPACES = ("support", "console_conversations")


@lru_cache(maxsize=1)
def known_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def zone_of(user) -> str:
    """The staff member's time zone (an IANA id): their own choice, or the office's."""
    if user is None or not user.is_authenticated:
        return settings.TIME_ZONE
    chosen = StaffSettings.objects.filter(user=user).values_list("time_zone", flat=True).first()
    return chosen if chosen in known_zones() else settings.TIME_ZONE


def set_zone(user, zone: str) -> StaffSettings:
    """Raises ValueError, changing nothing, for a zone the time zone database does not know."""
    if zone not in known_zones():
        raise ValueError(zone)
    found, _created = StaffSettings.objects.update_or_create(
        user=user, defaults={"time_zone": zone}
    )
    return found


class ConsoleTimeZoneMiddleware:
    """On console pages, times are shown in the signed-in staff member's own zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "_console_zone", False):
            timezone.deactivate()
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        user = getattr(request, "user", None)
        if (
            match is not None
            and set(match.namespaces) & set(CONSOLE_NAMESPACES)
            and user is not None
            and user.is_authenticated
        ):
            timezone.activate(zoneinfo.ZoneInfo(zone_of(user)))
            request._console_zone = True
        return None
