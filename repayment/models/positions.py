"""Each loan's position kept in a table, so that selections across the book (the reminder
planner, arrears, the console's lists, outcome figures) read one row a loan instead of
replaying ledgers. The row is a copy of ``repayment.position.position`` for the borrower's
own day, written in the same transaction as every write the function reads
(``repayment.position_table``); ``manage.py check_positions`` compares the two."""

from datetime import date, timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _

from .loans import Loan

MONEY = {"max_digits": 16, "decimal_places": 2}


class PositionFields(models.Model):
    """What a position row and a day's history row both hold. Dates, not day counts: days
    past due grow by themselves, so they are worked out from ``late_counted_from``."""

    # The borrower's own day the values were worked out for.
    as_of = models.DateField()
    status = models.CharField(max_length=20)
    principal = models.DecimalField(**MONEY)
    interest = models.DecimalField(**MONEY)
    fees = models.DecimalField(**MONEY)
    balance = models.DecimalField(**MONEY)
    contract_due = models.DecimalField(**MONEY)
    amount_due = models.DecimalField(**MONEY)
    disputed_amount = models.DecimalField(**MONEY)
    oldest_unpaid_due_date = models.DateField(null=True)
    # Days past due on a later day are that day less this one (paused days already skipped).
    late_counted_from = models.DateField(null=True)
    next_due_date = models.DateField(null=True)
    next_due_amount = models.DecimalField(**MONEY, null=True)
    next_due_source = models.CharField(max_length=10, blank=True)
    plan_state = models.CharField(max_length=10, blank=True)
    plan_covers = models.DecimalField(**MONEY)
    paused_from = models.DateField(null=True)
    paused_until = models.DateField(null=True)
    open_disputes = models.PositiveIntegerField()
    promised_amount = models.DecimalField(**MONEY, null=True)
    promised_by = models.DateField(null=True)
    paid_off_on = models.DateField(null=True)

    class Meta:
        abstract = True

    def days_past_due(self, today: date) -> int:
        """As ``position.days_late`` counts them, for a day from ``as_of`` to ``changes_on``:
        within a pause the count stands still at the day before it (a paused row is worked
        out again when the pause ends)."""
        if self.late_counted_from is None:
            return 0
        counted_to = self.paused_from - timedelta(days=1) if self.paused_from else today
        return max(0, (counted_to - self.late_counted_from).days)


class LoanPosition(PositionFields):
    loan = models.OneToOneField(
        Loan, on_delete=models.CASCADE, primary_key=True, related_name="kept_position"
    )
    # The first day the row may change with no write at all (a due date comes, a pause ends,
    # a dated entry takes effect): the daily refresh works out again the rows due by then.
    changes_on = models.DateField(null=True)
    # The first day, in the borrower's own calendar, servicing may have something to post
    # (an installment, its interest, a late fee): the daily run services only the loans whose
    # day has come. None: nothing is left to post.
    services_on = models.DateField(null=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("loan position")
        verbose_name_plural = _("loan positions")
        indexes = [
            models.Index(fields=["changes_on"], name="position_changes_on"),
            models.Index(fields=["late_counted_from"], name="position_late_from"),
            models.Index(fields=["status"], name="position_status"),
            models.Index(fields=["services_on"], name="position_services_on"),
        ]

    def __str__(self):
        return f"{self.loan_id} {self.status} on {self.as_of}"


class LoanPositionDay(PositionFields):
    """Where a loan stood at the end of a day, kept only for days its position changed: the
    position on day D is the row of the latest day up to D."""

    loan = models.ForeignKey(Loan, on_delete=models.CASCADE, related_name="position_days")

    class Meta:
        verbose_name = _("loan position on a day")
        verbose_name_plural = _("loan positions by day")
        constraints = [
            models.UniqueConstraint(fields=["loan", "as_of"], name="one_position_a_day"),
        ]

    def __str__(self):
        return f"{self.loan_id} {self.status} on {self.as_of}"
