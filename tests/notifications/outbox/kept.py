"""The planner's selections read the kept positions: tests that write with factories (which,
unlike the app's own writes, do not refresh them) keep them first, for the day they ask about."""

import datetime as dt
from zoneinfo import ZoneInfo

from repayment.models import Loan
from repayment.position_table.keeping import refresh


def keep_positions(today: dt.date, zone: str = "Asia/Shanghai", loans=None) -> None:
    """The rows of ``loans`` (every loan by default), worked out at noon of ``today`` in
    ``zone``."""
    now = dt.datetime.combine(today, dt.time(12), tzinfo=ZoneInfo(zone))
    ids = (
        [loan.pk for loan in loans]
        if loans is not None
        else Loan.objects.values_list("pk", flat=True)
    )
    refresh(ids, now=now)
