"""Risk segments from a loan's repayment history, with the reasons a person can read.

Rules first. Anything with a ``segment(features) -> Assessment`` method can replace them (a
trained model, say): name it in the ``PLAN_SEGMENTER`` setting. Offers and decisions only see
the segment and the reasons, never how they were reached.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import NamedTuple, Protocol

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from repayment.ledger import replay as ledger
from repayment.ledger.replay import Line

from ..models import Segment
from ..money import ZERO

IMPROVING, STEADY, WORSENING, NO_PAYMENTS = "improving", "steady", "worsening", "no_payments"
TREND_WINDOW = timedelta(days=90)
YEAR = timedelta(days=365)


class Features(NamedTuple):
    days_past_due: int
    missed_last_year: int
    broken_plans_last_year: int
    payment_trend: str


class Reason(NamedTuple):
    code: str
    count: int = 0

    def __str__(self) -> str:
        return describe(self)


class Assessment(NamedTuple):
    segment: str
    reasons: tuple[Reason, ...]


class Segmenter(Protocol):
    def segment(self, features: Features) -> Assessment: ...


class RuleSegmenter:
    def segment(self, features: Features) -> Assessment:
        reasons = [Reason("days_past_due", features.days_past_due)]
        if features.missed_last_year:
            reasons.append(Reason("missed", features.missed_last_year))
        if features.broken_plans_last_year:
            reasons.append(Reason("broken_plans", features.broken_plans_last_year))
        reasons.append(Reason(f"trend_{features.payment_trend}"))

        dpd = features.days_past_due
        if features.broken_plans_last_year >= 2:
            segment = Segment.REPEATED_DIFFICULTY
        elif dpd > 90:
            segment = Segment.SERIOUS_ARREARS
        elif dpd > 30 or (
            dpd > 0 and features.missed_last_year >= 3 and features.payment_trend == WORSENING
        ):
            segment = Segment.ARREARS
        elif dpd > 0 or features.missed_last_year >= 3:
            segment = Segment.EARLY_ARREARS
        else:
            segment = Segment.ON_TRACK
        return Assessment(segment.value, tuple(reasons))


def segmenter() -> Segmenter:
    return import_string(getattr(settings, "PLAN_SEGMENTER", f"{__name__}.RuleSegmenter"))()


def missed_installments(
    lines: Sequence[Line], *, today: date, grace_days: int, window: timedelta = YEAR
) -> int:
    """Installments in the window still not fully paid when their grace period ended."""
    grace = timedelta(days=grace_days)
    due_days = sorted(
        {
            line.effective_date
            for line in lines
            if line.kind == ledger.INSTALLMENT_DUE and today - window < line.effective_date
        }
    )
    missed = 0
    for due_on in due_days:
        checked_on = due_on + grace
        if checked_on >= today:
            continue
        state = ledger.replay(ledger.lines_until(lines, checked_on))
        oldest = ledger.oldest_unpaid_due_date(state)
        if oldest is not None and oldest <= due_on:
            missed += 1
    return missed


def payment_trend(lines: Sequence[Line], *, today: date) -> str:
    """Payments in the last 90 days against the 90 days before."""
    recent = earlier = ZERO
    for line in lines:
        if line.kind != ledger.PAYMENT:
            continue
        age = today - line.effective_date
        if timedelta(0) <= age < TREND_WINDOW:
            recent += line.amount
        elif TREND_WINDOW <= age < 2 * TREND_WINDOW:
            earlier += line.amount
    if recent == ZERO and earlier == ZERO:
        return NO_PAYMENTS
    if recent > earlier * Decimal("1.1"):
        return IMPROVING
    if recent < earlier * Decimal("0.9"):
        return WORSENING
    return STEADY


def features_of(
    lines: Sequence[Line],
    *,
    today: date,
    days_past_due: int,
    grace_days: int,
    broken_plans_last_year: int,
) -> Features:
    live = [line for line in lines if line.effective_date <= today]
    return Features(
        days_past_due=days_past_due,
        missed_last_year=missed_installments(live, today=today, grace_days=grace_days),
        broken_plans_last_year=broken_plans_last_year,
        payment_trend=payment_trend(live, today=today),
    )


_TRENDS = {
    f"trend_{IMPROVING}": _("Paying more in the last 90 days than in the 90 days before."),
    f"trend_{STEADY}": _("Paying about the same as in the 90 days before."),
    f"trend_{WORSENING}": _("Paying less in the last 90 days than in the 90 days before."),
    f"trend_{NO_PAYMENTS}": _("No payments in the last 180 days."),
}


def describe(reason: Reason) -> str:
    if reason.code == "days_past_due":
        if not reason.count:
            return str(_("Nothing is overdue."))
        return ngettext(
            "The oldest unpaid amount is %(count)d day overdue.",
            "The oldest unpaid amount is %(count)d days overdue.",
            reason.count,
        ) % {"count": reason.count}
    if reason.code == "missed":
        return ngettext(
            "%(count)d payment was missed in the last 12 months.",
            "%(count)d payments were missed in the last 12 months.",
            reason.count,
        ) % {"count": reason.count}
    if reason.code == "broken_plans":
        return ngettext(
            "%(count)d repayment plan ended early in the last 12 months.",
            "%(count)d repayment plans ended early in the last 12 months.",
            reason.count,
        ) % {"count": reason.count}
    return str(_TRENDS.get(reason.code, reason.code))
