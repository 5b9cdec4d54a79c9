"""The supervisors' figures, in five queries whatever the size of the book: one aggregate each
over proposals waiting, plans, open disputes, active pauses and this month's reminders.

"This month" and "today" are in ``settings.TIME_ZONE`` (the lender's office), not in each
borrower's zone: the dashboard is one office's view of the whole book. Plan dates
(``starts_on``, ``ended_on``) are calendar dates and are compared as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_EVEN, Decimal

from django.db.models import Count, Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.notifications.contact_rules.rules import Kind, Rule
from portal.notifications.models import OutboundMessage, Status
from repayment.models import (
    Dispute,
    DisputeStatus,
    Pause,
    PauseStatus,
    Plan,
    PlanStatus,
    Proposal,
    ProposalStatus,
)
from repayment.servicing.product_terms import add_months

# Plans kept: of the plans that started in this month and the KEPT_MONTHS before it.
KEPT_MONTHS = 3
STARTED_MONTHS = 6
# Reminders are what the contact rules bind: arrears and courtesy messages, not confirmations.
REMINDER_KINDS = (Kind.COLLECTION.value, Kind.COURTESY.value)

# Waiting times, in hours: under a day, one to two days, two to seven, longer.
AGE_BANDS = (
    (0, 24, _("Under 1 day")),
    (24, 48, _("1 to 2 days")),
    (48, 168, _("2 to 7 days")),
    (168, None, _("Over 7 days")),
)

RULE_LABELS = {
    Rule.THIRD_PARTY: _("Not the borrower's own address"),
    Rule.OPTED_OUT: _("Borrower opted out"),
    Rule.BOUNCED: _("Address bounced"),
    Rule.OPT_OUT_NOTICE_MISSING: _("Opt-out notice missing"),
    Rule.DEBT_ADVICE_MISSING: _("Debt advice details missing"),
    Rule.BREATHING_SPACE: _("Breathing Space"),
    Rule.DISPUTE_OPEN: _("Dispute open"),
    Rule.PAUSE_ACTIVE: _("Pause active"),
    Rule.PLAN_IN_GOOD_STANDING: _("Plan in good standing"),
    Rule.PROMISE_OPEN: _("Promise to pay open"),
    Rule.PAYMENT_REPORTED: _("Borrower says they paid"),
    Rule.AFTER_CONVERSATION: _("Recent conversation"),
    Rule.CALL_ATTEMPTS: _("Call attempts limit"),
    Rule.CONNECTED_CALLS: _("Connected calls limit"),
    Rule.WEEKLY_CAP: _("Weekly limit"),
    Rule.DAILY_CAP: _("Daily limit"),
    Rule.QUIET_HOURS: _("Quiet hours"),
    Rule.ALLOWED: _("No rule held it back"),
}


@dataclass(frozen=True, slots=True)
class Waiting:
    count: int
    oldest: datetime | None
    past_due: int
    by_age: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class RuleCount:
    rule: str
    label: str
    sent: int
    suppressed: int


@dataclass(frozen=True, slots=True)
class Figures:
    now: datetime
    month_start: date
    kept_since: date
    waiting: Waiting
    plans_started: int
    plans_broken: int
    kept_of: int  # plans started since kept_since, not cancelled
    kept: int  # of those, still active or completed
    started_by_month: tuple[tuple[date, int], ...]
    disputes_open: int
    pauses_active: int
    reminders: tuple[RuleCount, ...]

    @property
    def kept_percent(self) -> Decimal | None:
        if not self.kept_of:
            return None
        return (Decimal(100) * self.kept / self.kept_of).quantize(
            Decimal(1), rounding=ROUND_HALF_EVEN
        )

    @property
    def reminders_sent(self) -> int:
        return sum(row.sent for row in self.reminders)

    @property
    def reminders_suppressed(self) -> int:
        return sum(row.suppressed for row in self.reminders)


def _local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time()))


def _waiting(now: datetime) -> Waiting:
    bands = {}
    for index, (low, high, _label) in enumerate(AGE_BANDS):
        since = Q(created_at__lte=now - timedelta(hours=low))
        if high is not None:
            since &= Q(created_at__gt=now - timedelta(hours=high))
        bands[f"band{index}"] = Count("pk", filter=since)
    row = Proposal.objects.filter(status=ProposalStatus.IN_REVIEW).aggregate(
        count=Count("pk"),
        oldest=Min("created_at"),
        past_due=Count("pk", filter=Q(review_due_at__lt=now)),
        **bands,
    )
    return Waiting(
        count=row["count"],
        oldest=row["oldest"],
        past_due=row["past_due"],
        by_age=tuple(
            (str(label), row[f"band{index}"]) for index, (_l, _h, label) in enumerate(AGE_BANDS)
        ),
    )


def figures(*, now: datetime | None = None) -> Figures:
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    month_start = today.replace(day=1)
    kept_since = add_months(month_start, -KEPT_MONTHS)
    months = [add_months(month_start, -n) for n in range(STARTED_MONTHS - 1, -1, -1)]

    by_month = {
        f"m{index}": Count(
            "pk",
            filter=Q(starts_on__gte=start, starts_on__lt=add_months(start, 1)),
        )
        for index, start in enumerate(months)
    }
    recent = Q(starts_on__gte=kept_since) & ~Q(status=PlanStatus.CANCELLED)
    plans = Plan.objects.aggregate(
        started=Count("pk", filter=Q(starts_on__gte=month_start)),
        broken=Count("pk", filter=Q(status=PlanStatus.BROKEN, ended_on__gte=month_start)),
        kept_of=Count("pk", filter=recent),
        kept=Count(
            "pk",
            filter=recent & Q(status__in=[PlanStatus.ACTIVE, PlanStatus.COMPLETED]),
        ),
        **by_month,
    )
    disputes_open = Dispute.objects.filter(status=DisputeStatus.OPEN).count()
    pauses_active = Pause.objects.filter(
        status=PauseStatus.GRANTED, starts_on__lte=today, ends_on__gte=today
    ).count()
    rows = (
        OutboundMessage.objects.filter(
            kind__in=REMINDER_KINDS,
            send_at__gte=_local_midnight(month_start),
            send_at__lt=_local_midnight(add_months(month_start, 1)),
            status__in=[Status.SENT, Status.SUPPRESSED],
        )
        .values("rule")
        .annotate(
            sent=Count("pk", filter=Q(status=Status.SENT)),
            suppressed=Count("pk", filter=Q(status=Status.SUPPRESSED)),
        )
        .order_by("rule")
    )
    return Figures(
        now=now,
        month_start=month_start,
        kept_since=kept_since,
        waiting=_waiting(now),
        plans_started=plans["started"],
        plans_broken=plans["broken"],
        kept_of=plans["kept_of"],
        kept=plans["kept"],
        started_by_month=tuple((start, plans[f"m{index}"]) for index, start in enumerate(months)),
        disputes_open=disputes_open,
        pauses_active=pauses_active,
        reminders=tuple(
            RuleCount(
                rule=row["rule"],
                label=str(RULE_LABELS.get(row["rule"], row["rule"])),
                sent=row["sent"],
                suppressed=row["suppressed"],
            )
            for row in rows
        ),
    )
