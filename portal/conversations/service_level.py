"""When support must answer a borrower's message: the lender's service level, counted in
working hours. Saturdays and Sundays, in the borrower's own time zone, do not count, so a
message sent on Friday evening with 48 working hours is due on Tuesday evening, as "two working
days" reads to the borrower."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_HOURS = 48
WEEKEND = (5, 6)  # Saturday, Sunday (date.weekday())


def hours_for(*, lender) -> int:
    """The lender's hours to answer, or the default when the lender has set none."""
    from .models import ServiceLevel

    if lender is None:
        return DEFAULT_HOURS
    level = ServiceLevel.objects.filter(lender=lender).values_list("answer_within_hours", flat=True)
    return level.first() or DEFAULT_HOURS


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


def answer_by(*, lender, written_at: datetime, time_zone: str) -> datetime:
    return add_working_hours(written_at, hours_for(lender=lender), time_zone=time_zone)
