"""When a person answers a pause request or a dispute: two working days after it came in, in the
borrower's own time zone. The borrower is told this time, and the console's queue counts down to
it, from this one rule."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from portal.core.working_time import add_working_hours

REPLY_WORKING_HOURS = 48


def reply_due(received_at: datetime, *, time_zone: str) -> datetime:
    return add_working_hours(received_at, REPLY_WORKING_HOURS, time_zone=time_zone)


def reply_day(asked) -> str:
    """The day a person answers ``asked`` (a pause request or a dispute), in the borrower's
    own time zone, as the borrower reads dates."""
    zone = asked.loan.borrower.time_zone
    due = timezone.localtime(reply_due(asked.created_at, time_zone=zone), ZoneInfo(zone))
    return date_format(due, "DATE_FORMAT")


def requested_message(pause) -> str:
    """What the borrower is told when a pause waits for a person: the day they will hear."""
    return _("We have your request. A person will reply by %(day)s.") % {"day": reply_day(pause)}


def dispute_message(dispute) -> str:
    """What the borrower is told when they question an entry: the day they will hear, and that
    the amount is not asked for meanwhile."""
    return _(
        "Thank you. A person will look at it and reply by %(day)s. Until then we will not ask "
        "you to pay the amount you questioned."
    ) % {"day": reply_day(dispute)}
