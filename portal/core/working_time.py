"""Working hours: a time plus so many hours that fall on working days in a time zone. Saturdays
and Sundays do not count, so 48 working hours from a Friday evening end on a Tuesday evening,
as "two working days" reads. Support's answer times (messages, pauses, disputes) count this
way."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

WEEKEND = (5, 6)  # Saturday, Sunday (date.weekday())


def add_working_hours(start: datetime, hours: int, *, time_zone: str) -> datetime:
    """``start`` plus ``hours`` hours that fall on working days in ``time_zone``. A start in a
    weekend counts from the Monday after it."""
    try:
        zone = ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    at = start.astimezone(zone)
    left = timedelta(hours=hours)
    while True:
        if at.weekday() in WEEKEND:
            at = datetime.combine(at.date() + timedelta(days=1), datetime.min.time(), zone)
            continue
        midnight = datetime.combine(at.date() + timedelta(days=1), datetime.min.time(), zone)
        if at + left <= midnight:
            return (at + left).astimezone(start.tzinfo)
        left -= midnight - at
        at = midnight
