"""When support must answer a borrower's message: the lender's service level, counted in
working hours. Saturdays and Sundays, in the borrower's own time zone, do not count, so a
message sent on Friday evening with 48 working hours is due on Tuesday evening, as "two working
days" reads to the borrower."""

from __future__ import annotations

from datetime import datetime

from portal.core.working_time import add_working_hours

DEFAULT_HOURS = 48


def hours_for(*, lender) -> int:
    """The lender's hours to answer, or the default when the lender has set none."""
    from .models import ServiceLevel

    if lender is None:
        return DEFAULT_HOURS
    level = ServiceLevel.objects.filter(lender=lender).values_list("answer_within_hours", flat=True)
    return level.first() or DEFAULT_HOURS


def answer_by(*, lender, written_at: datetime, time_zone: str) -> datetime:
    return add_working_hours(written_at, hours_for(lender=lender), time_zone=time_zone)
