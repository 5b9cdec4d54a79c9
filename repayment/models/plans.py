"""Repayment plans and what leads to them: the lender's policy, a borrower's budget and
proposal, and the plan with its schedule.

A plan is not part of the ledger: it is a promise about future payments. Payments still arrive
in the ledger, and ``repayment.plans.payments_matched`` matches them to the plan's installments."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .loans import Frequency, Loan, LoanProduct


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

    promise_max_days = models.PositiveSmallIntegerField(
        _("promise to pay: latest date (days from today)"),
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    promise_grace_days = models.PositiveSmallIntegerField(
        _("promise to pay: days after its date before it counts as broken"),
        default=2,
        validators=[MaxValueValidator(14)],
    )
    reported_payment_hold_days = models.PositiveSmallIntegerField(
        _("payment the borrower says they made: days to wait for it"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(14)],
        help_text=_(
            "Payment reminders wait this many days after the borrower tells us they paid, "
            "while the payment reaches the account."
        ),
    )

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


# A proposal still waiting on someone: a person (in review), or the borrower's confirmation of
# the answer (agreed at once, countered, or approved by staff). A loan has one at most.
OPEN_PROPOSAL_STATUSES = (
    ProposalStatus.AWAITING_BORROWER.value,
    ProposalStatus.IN_REVIEW.value,
    ProposalStatus.APPROVED.value,
)


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
        constraints = [
            models.UniqueConstraint(
                fields=["loan"],
                condition=Q(status__in=OPEN_PROPOSAL_STATUSES),
                name="one_open_proposal_per_loan",
            ),
        ]

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
