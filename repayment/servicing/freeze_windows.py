"""Freeze windows: days on which the portal charges no interest, or no late fees, or neither.

A borrower in hardship must not see the debt grow while the lender has agreed to wait: an
accepted hardship pause or a UK Breathing Space moratorium freezes both, an active repayment
plan may freeze late fees only. Windows are plain values so servicing stays a pure calculation;
where they come from (pauses, plans) is another module's business. Windows may overlap, touch
or arrive in any order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Freeze:
    start: date  # first frozen day
    end: date  # last frozen day (inclusive); date.max for a window with no end yet
    interest: bool  # no interest accrues on these days
    fees: bool  # no late fee whose charge date falls on these days
    reason: str = ""  # e.g. "pause", "breathing_space", "plan"

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"freeze ends ({self.end}) before it starts ({self.start})")

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


def unfrozen_spans(start: date, end: date, freezes: Iterable[Freeze]) -> list[tuple[date, date]]:
    """The parts of the half-open period [start, end) on which interest accrues, as half-open
    (from, to) pairs in date order, none empty and no two touching."""
    if end <= start:
        return []
    # Each interest freeze, clipped to the period, as a half-open [from, to).
    frozen = sorted(
        (max(start, freeze.start), end if freeze.end >= end else freeze.end + ONE_DAY)
        for freeze in freezes
        if freeze.interest and freeze.start < end and freeze.end >= start
    )
    spans = []
    cursor = start
    for frozen_from, frozen_to in frozen:
        if frozen_from > cursor:
            spans.append((cursor, frozen_from))
        cursor = max(cursor, frozen_to)
    if cursor < end:
        spans.append((cursor, end))
    return spans


def fees_frozen_on(day: date, freezes: Iterable[Freeze]) -> bool:
    """Whether a late fee charged on ``day`` is waived by a freeze."""
    return any(freeze.fees and freeze.covers(day) for freeze in freezes)
