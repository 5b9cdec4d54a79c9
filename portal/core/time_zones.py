"""A time zone as people name it ("China Standard Time", "中国标准时间"), not as the IANA
database does ("Asia/Shanghai"), in the reader's language. Names come from CLDR through Babel.

Given the moment the times on a page are about, the name says whether summer time applies
("British Summer Time"); without one it is the zone's name now.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from functools import lru_cache

from babel import Locale
from babel.core import UnknownLocaleError, get_global
from babel.dates import get_timezone_name
from django.utils import timezone
from django.utils.translation import to_locale


@lru_cache(maxsize=8)
def _locale(language: str) -> Locale:
    try:
        return Locale.parse(to_locale(language))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def time_zone_name(zone: str, *, language: str, at: dt.datetime | None = None) -> str:
    """``zone`` (an IANA id) by its name in ``language``, as it stands at ``at`` (now if not
    given). A zone the time zone database does not know is shown as it was given."""
    try:
        tz = zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError):
        return str(zone or "")
    moment = (at if isinstance(at, dt.datetime) else timezone.now()).astimezone(tz)
    locale = _locale(language)
    metazone = _metazones_by_older_name().get(tz.key)
    if metazone is not None:
        variant = "daylight" if moment.dst() else "standard"
        name = locale.meta_zones.get(metazone, {}).get("long", {}).get(variant)
        if name:
            return name
    return get_timezone_name(moment, width="long", locale=locale)


@lru_cache(maxsize=1)
def _metazones_by_older_name() -> dict[str, str]:
    """The metazone of each zone Babel knows only by an older name. Babel's data keys
    metazones by the names CLDR used to keep (Asia/Calcutta, America/Buenos_Aires) but reads
    a zone under its newer IANA name (Asia/Kolkata): for those zones it finds no name and says
    "GMT+05:30" instead of "India Standard Time"."""
    metazones = get_global("meta_zones")
    return {
        new: metazones[old]
        for old, new in get_global("zone_aliases").items()
        if new not in metazones and old in metazones
    }
