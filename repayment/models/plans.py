"""Repayment plans and what leads to them: the lender's policy, a borrower's budget and
proposal, the plan with its schedule, hardship pauses and disputes, and the events the lender
hears about.

A plan is not part of the ledger: it is a promise about future payments. Payments still arrive
in the ledger, and ``repayment.plans.progress`` matches them to the plan's installments.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .loans import Borrower, Frequency, LedgerEntry, Lender, Loan, LoanProduct


class Segment(models.TextChoices):
    """Risk segments, from the loan's repayment history (``repayment.plans.segments``)."""

    ON_TRACK = "on_track", _("On track")
    EARLY_ARREARS = "early_arrears", _("Recently behind (1–30 days)")
    ARREARS = "arrears", _("Behind (31–90 days)")
    SERIOUS_ARREARS = "serious_arrears", _("Seriously behind (over 90 days)")
    REPEATED_DIFFICULTY = "repeated_difficulty", _("Repeated difficulty (broken plans)")


class PlanKind(models.TextChoices):
    SPREAD = "spread", _("Spread the overdue amount")
    REDUCED = "reduced", _("Smaller payments for a while")
    SETTLE = "settle", _("Settle in full with a discount")
    HOLIDAY = "holiday", _("Payment holiday")
    OWN = "own", _("Your own plan")


def behind_segments() -> list[str]:
    return [s for s in Segment.values if s != Segment.ON_TRACK]


def deep_arrears_segments() -> list[str]:
    return [Segment.SERIOUS_ARREARS.value, Segment.REPEATED_DIFFICULTY.value]


def early_segments() -> list[str]:
    return [Segment.ON_TRACK.value, Segment.EARLY_ARREARS.value]


def self_service_segments() -> list[str]:
    return [s for s in Segment.values if s != Segment.REPEATED_DIFFICULTY]


def percent(default: str, maximum: str = "100"):
    return {
        "max_digits": 5,
        "decimal_places": 2,
        "default": Decimal(default),
        "validators": [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal(maximum))],
    }


class PlanPolicy(models.Model):
    """What a loan product's lender lets a borrower arrange without a phone call.

    A product without a saved policy uses these defaults (``PlanPolicy(product=...)``)."""

    product = models.OneToOneField(
        LoanProduct, on_delete=models.CASCADE, related_name="plan_policy"
    )

    spread_enabled = models.BooleanField(_("offer: spread the overdue amount"), default=True)
    spread_max_installments = models.PositiveSmallIntegerField(
        _("spread: most installments"),
        default=6,
        validators=[MinValueValidator(2), MaxValueValidator(60)],
    )
    spread_segments = models.JSONField(_("spread: offered to"), default=behind_segments)

    reduced_enabled = models.BooleanField(_("offer: smaller payments for a while"), default=True)
    reduced_max_periods = models.PositiveSmallIntegerField(
        _("smaller payments: most periods"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
    )
    reduced_min_percent = models.DecimalField(
        _("smaller payments: least payment, in percent of the regular payment"), **percent("50")
    )
    reduced_segments = models.JSONField(_("smaller payments: offered to"), default=behind_segments)

    settle_enabled = models.BooleanField(_("offer: settle in full with a discount"), default=True)
    settle_max_discount_percent = models.DecimalField(
        _("settlement: largest discount (%)"), **percent("10", "90")
    )
    settle_pay_within_days = models.PositiveSmallIntegerField(
        _("settlement: days to pay"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
    )
    settle_segments = models.JSONField(
        _("settlement: offered to"),
        default=deep_arrears_segments,
    )

    holiday_enabled = models.BooleanField(_("offer: one payment holiday"), default=True)
    holiday_spread_installments = models.PositiveSmallIntegerField(
        _("payment holiday: installments to catch up over"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
    )
    holiday_segments = models.JSONField(
        _("payment holiday: offered to"),
        default=early_segments,
    )

    min_installment = models.DecimalField(
        _("smallest installment"),
        max_digits=12,
        decimal_places=2,
        default=Decimal("50.00"),
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("In the product's currency. No plan installment is smaller."),
    )
    max_plans_per_year = models.PositiveSmallIntegerField(
        _("most plans a year"), default=2, validators=[MinValueValidator(1)]
    )
    auto_accept_max_months = models.PositiveSmallIntegerField(
        _("own plan: accepted at once if it clears the overdue amount within (months)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    auto_accept_segments = models.JSONField(
        _("own plan: accepted at once for"),
        default=self_service_segments,
    )
    latest_start_days = models.PositiveSmallIntegerField(
        _("own plan: latest first payment (days from today)"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
    )
    review_hours = models.PositiveSmallIntegerField(
        _("staff review: answer within (hours)"), default=48, validators=[MinValueValidator(1)]
    )

    plan_grace_days = models.PositiveSmallIntegerField(
        _("plan: days after a plan payment's date before it counts as missed"), default=3
    )
    freeze_fees_during_plan = models.BooleanField(
        _("plan: no late fees while a plan is kept"), default=True
    )
    moves_allowed = models.PositiveSmallIntegerField(
        _("plan: payments the borrower may move"), default=1
    )
    move_max_days = models.PositiveSmallIntegerField(
        _("plan: most days a payment may move"),
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(14)],
    )
    payday_change_allowed = models.BooleanField(
        _("plan: borrower may change the payment day"), default=True
    )
    missed_to_end_allowed = models.BooleanField(
        _("plan: a missed payment may move to the end once"), default=True
    )

    pause_max_days = models.PositiveSmallIntegerField(
        _("pause: longest (days)"), default=60, validators=[MinValueValidator(1)]
    )
    pause_auto_grant_days = models.PositiveSmallIntegerField(
        _("pause: granted at once up to (days)"),
        default=30,
        help_text=_("Longer requests go to staff. 0 sends every request to staff."),
    )
    pause_freezes_interest = models.BooleanField(_("pause: no interest"), default=True)
    pause_freezes_fees = models.BooleanField(_("pause: no fees"), default=True)

    class Meta:
        verbose_name = _("plan policy")
        verbose_name_plural = _("plan policies")

    def __str__(self):
        return str(self.product)


class Budget(models.Model):
    """A borrower's income-and-expenditure answers, monthly, in the loan's currency."""

    loan = models.ForeignKey(Loan, on_delete=models.PROTECT, related_name="budgets")
    answers = models.JSONField(_("answers"))
    income = models.DecimalField(_("monthly income"), max_digits=14, decimal_places=2)
    spending = models.DecimalField(_("monthly essential spending"), max_digits=14, decimal_places=2)
    other_debts = models.DecimalField(
        _("monthly payments to other debts"), max_digits=14, decimal_places=2
    )
    available = models.DecimalField(_("monthly amount available"), max_digits=14, decimal_places=2)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("income and expenditure")
        verbose_name_plural = _("incomes and expenditures")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.loan}: {self.available} a month"


class Decision(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    COUNTERED = "countered", _("Counter-offer")
    REVIEW = "review", _("Sent to staff")


class ProposalStatus(models.TextChoices):
    AWAITING_BORROWER = "awaiting_borrower", _("Waiting for the borrower to confirm")
    IN_REVIEW = "in_review", _("Waiting for staff")
    APPROVED = "approved", _("Approved by staff")
    TAKEN_UP = "taken_up", _("Plan created")
    DECLINED = "declined", _("Declined by staff")
    LAPSED = "lapsed", _("Replaced or lapsed")


class StaffDecision(models.TextChoices):
    """What a person answered to a proposal sent to staff. Kept apart from the status, which
    moves on (a plan is taken up, a newer proposal replaces it) while the answer stays."""

    APPROVED = "approved", _("Approved")
    COUNTERED = "countered", _("Counter-offer")
    DECLINED = "declined", _("Declined")


class Proposal(models.Model):
    """A borrower's own plan proposal and the decision it got at once."""

    loan = models.ForeignKey(Loan, on_delete=models.PROTECT, related_name="proposals")
    budget = models.ForeignKey(Budget, on_delete=models.PROTECT, related_name="proposals")
    amount = models.DecimalField(_("amount each time"), max_digits=14, decimal_places=2)
    frequency = models.CharField(_("how often"), max_length=12, choices=Frequency.choices)
    start_date = models.DateField(_("first payment"))
    segment = models.CharField(_("risk segment"), max_length=24, choices=Segment.choices)
    decision = models.CharField(_("decision"), max_length=12, choices=Decision.choices)
    reasons = models.JSONField(_("reasons"), default=list)
    # The terms to confirm: the proposal's own when accepted, the nearest allowed when
    # countered. Stored, so the borrower confirms exactly what they were shown.
    terms = models.JSONField(_("terms offered"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ProposalStatus.choices)
    review_due_at = models.DateTimeField(_("staff answer due"), null=True, blank=True)
    staff_decision = models.CharField(
        _("staff answer"), max_length=10, choices=StaffDecision.choices, blank=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    decided_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    staff_note = models.TextField(
        _("note to the borrower"),
        blank=True,
        max_length=2000,
        help_text=_("Shown to the borrower with the answer."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("plan proposal")
        verbose_name_plural = _("plan proposals")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"{self.loan}: {self.amount} {self.frequency} ({self.decision})"


class PlanStatus(models.TextChoices):
    ACTIVE = "active", _("On track")
    COMPLETED = "completed", _("Completed")
    BROKEN = "broken", _("Ended: a payment was missed")
    CANCELLED = "cancelled", _("Cancelled")


class Plan(models.Model):
    loan = models.ForeignKey(Loan, on_delete=models.PROTECT, related_name="plans")
    kind = models.CharField(_("kind"), max_length=12, choices=PlanKind.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=PlanStatus.choices, default=PlanStatus.ACTIVE
    )
    proposal = models.OneToOneField(
        Proposal, on_delete=models.PROTECT, null=True, blank=True, related_name="plan"
    )
    segment = models.CharField(_("risk segment"), max_length=24, choices=Segment.choices)
    frequency = models.CharField(_("how often"), max_length=12, choices=Frequency.choices)
    total = models.DecimalField(_("total to pay under the plan"), max_digits=14, decimal_places=2)
    covers_overdue = models.DecimalField(
        _("overdue amount covered"), max_digits=14, decimal_places=2
    )
    discount = models.DecimalField(
        _("settlement discount"), max_digits=14, decimal_places=2, default=Decimal("0")
    )
    starts_on = models.DateField(_("accepted on"))
    idempotency_key = models.CharField(max_length=64, unique=True)
    moves_used = models.PositiveSmallIntegerField(default=0)
    moved_missed_to_end = models.BooleanField(default=False)
    accepted_at = models.DateTimeField(auto_now_add=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)

    class Meta:
        verbose_name = _("repayment plan")
        verbose_name_plural = _("repayment plans")
        ordering = ["-accepted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["loan"], condition=Q(status="active"), name="one_active_plan_per_loan"
            ),
            models.CheckConstraint(condition=Q(total__gt=0), name="plan_total_positive"),
        ]

    def __str__(self):
        return f"{self.loan} {self.kind} ({self.status})"


class PlanInstallment(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="installments")
    number = models.PositiveSmallIntegerField()
    due_date = models.DateField(_("date"))
    original_due_date = models.DateField(_("first agreed date"))
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("plan installment")
        verbose_name_plural = _("plan installments")
        ordering = ["due_date", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="installment_number_unique"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="installment_positive"),
        ]

    def __str__(self):
        return f"{self.due_date}: {self.amount}"


class PauseReason(models.TextChoices):
    INCOME_DROP = "income_drop", _("My income has dropped or stopped")
    ILLNESS = "illness", _("Illness or injury")
    MENTAL_HEALTH = "mental_health", _("Mental health crisis")
    BEREAVEMENT = "bereavement", _("A death in the family")
    CARING = "caring", _("Caring for someone")
    BREATHING_SPACE = "breathing_space", _("A debt adviser has arranged Breathing Space")
    OTHER = "other", _("Something else")


class PauseStatus(models.TextChoices):
    REQUESTED = "requested", _("Waiting for staff")
    GRANTED = "granted", _("Granted")
    DECLINED = "declined", _("Declined")
    ENDED = "ended", _("Ended early")


class Pause(models.Model):
    """A hardship pause: while granted, no collection reminders, and interest and fees are
    frozen as the policy says (Breathing Space always freezes both)."""

    loan = models.ForeignKey(Loan, on_delete=models.PROTECT, related_name="pauses")
    reason = models.CharField(_("reason"), max_length=20, choices=PauseReason.choices)
    note = models.TextField(_("note from the borrower"), blank=True, max_length=2000)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    status = models.CharField(_("status"), max_length=12, choices=PauseStatus.choices)
    freezes_interest = models.BooleanField(default=True)
    freezes_fees = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    # Staff who granted, declined or ended it; empty when it was granted at once.
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    staff_note = models.TextField(
        _("note to the borrower"),
        blank=True,
        max_length=2000,
        help_text=_("Shown to the borrower with the answer."),
    )

    class Meta:
        verbose_name = _("pause")
        verbose_name_plural = _("pauses")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="pause_ends_after_start"
            )
        ]

    def __str__(self):
        return f"{self.loan}: {self.starts_on} to {self.ends_on} ({self.status})"


class DisputeStatus(models.TextChoices):
    OPEN = "open", _("Being looked at")
    UPHELD = "upheld", _("Corrected")
    REJECTED = "rejected", _("Checked: the entry stands")


class Dispute(models.Model):
    loan = models.ForeignKey(Loan, on_delete=models.PROTECT, related_name="disputes")
    entry = models.ForeignKey(
        LedgerEntry, on_delete=models.PROTECT, related_name="disputes", verbose_name=_("entry")
    )
    message = models.TextField(_("what is wrong"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=10, choices=DisputeStatus.choices, default=DisputeStatus.OPEN
    )
    resolution = models.TextField(_("answer"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )

    class Meta:
        verbose_name = _("dispute")
        verbose_name_plural = _("disputes")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry"], condition=Q(status="open"), name="one_open_dispute_per_entry"
            )
        ]

    def __str__(self):
        return f"{self.loan}: {self.entry_id} ({self.status})"


class LenderTopic(models.TextChoices):
    """What the lender is told about (``plans.events.tell_lender``): each is a webhook topic,
    and the endpoint's topic filter offers exactly these."""

    PLAN_ACCEPTED = "plan.accepted", _("A plan was agreed")
    PLAN_BROKEN = "plan.broken", _("A plan was broken")
    PLAN_COMPLETED = "plan.completed", _("A plan was completed")
    PAUSE_GRANTED = "pause.granted", _("A pause was granted")
    PAUSE_ENDED = "pause.ended", _("A pause was ended early")
    DISPUTE_OPENED = "dispute.opened", _("A dispute was opened")
    DISPUTE_RESOLVED = "dispute.resolved", _("A dispute was resolved")


class EventStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting to be delivered")
    DELIVERED = "delivered", _("Delivered")
    GAVE_UP = "gave_up", _("Gave up: staff can try again")
    NOT_WANTED = "not_wanted", _("Not sent: the lender's webhook does not take this topic")


class LenderEvent(models.Model):
    """The outbox: what the lender must hear, written in the same transaction as the change.
    ``portal.webhooks.delivery`` sends waiting rows once ``next_attempt_at`` has come, and
    records the outcome here; the key makes writing one twice a no-op."""

    lender = models.ForeignKey(Lender, on_delete=models.PROTECT, related_name="events")
    borrower = models.ForeignKey(Borrower, on_delete=models.PROTECT, related_name="events")
    topic = models.CharField(max_length=40)
    key = models.CharField(max_length=120, unique=True)
    payload = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=12, choices=EventStatus.choices, default=EventStatus.WAITING
    )
    delivered_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(
        _("next attempt"),
        default=timezone.now,
        help_text=_("A waiting event is sent once this time has come."),
    )
    gave_up_at = models.DateTimeField(_("gave up at"), null=True, blank=True)

    class Meta:
        verbose_name = _("event for the lender")
        verbose_name_plural = _("events for the lender")
        ordering = ["created_at"]
        indexes = [
            # What the sender looks for: waiting rows that are due ...
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(status="waiting"),
                name="lender_event_due",
            ),
            # ... and whether a borrower has an older one still waiting (sent in order).
            models.Index(
                fields=["lender", "borrower", "id"],
                condition=Q(status="waiting"),
                name="lender_event_waiting_in_order",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="delivered", delivered_at__isnull=False)
                | (~Q(status="delivered") & Q(delivered_at__isnull=True)),
                name="lender_event_delivered_has_time",
            )
        ]

    def __str__(self):
        return self.key
