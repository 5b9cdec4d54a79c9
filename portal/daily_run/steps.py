"""The daily jobs, in the order they run. Each is ``work(first_id, last_id, as_of) -> count``
over the loans with ids first_id to last_id (both None: the whole book, for a step that cannot
be split yet). A later job joins the run with one line in ``STEPS``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

Work = Callable[[int | None, int | None, datetime], int]


@dataclass(frozen=True)
class Step:
    label: Promise
    work: Work
    # False: one chunk for the whole book (first_id and last_id None).
    by_loan: bool = True


def service(first_id: int | None, last_id: int | None, as_of: datetime) -> int:
    """Post what fell due for the chunk's loans whose day to be serviced has come, each up to
    its borrower's own today, in servicing's own chunks; returns the entries posted."""
    from repayment.servicing.in_bulk import due_loans, service_ids

    return service_ids(due_loans(now=as_of, first_id=first_id, last_id=last_id), now=as_of)


def refresh_positions(first_id: int | None, last_id: int | None, as_of: datetime) -> int:
    from repayment.position_table.keeping import refresh_due

    return refresh_due(now=as_of, first_id=first_id, last_id=last_id)


def plan_reminders(first_id: int | None, last_id: int | None, as_of: datetime) -> int:
    """The planner works on the whole book at once. It runs through its own task's body so
    that it takes the same lock as the hourly planner: two planners at once would each count
    only their own messages against the caps. Returns the messages planned (none when the
    hourly planner holds the lock: it plans the same messages)."""
    from portal.notifications.tasks import plan_reminders as planner

    counts = planner.run(now=as_of.isoformat())
    return sum(count for key, count in counts.items() if key.startswith("planned"))


STEPS: dict[str, Step] = {
    "servicing": Step(_("Servicing"), service),
    "positions": Step(_("Position refresh"), refresh_positions),
    "planning": Step(_("Reminder planning"), plan_reminders, by_loan=False),
}
