"""A borrower's word that they have paid: "I paid X on D", while the money is on its way."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .loans import Loan
from .payment_methods import PaymentMethodKind


class PaymentReportStatus(models.TextChoices):
    OPEN = "open", _("Waiting for the payment")
    ARRIVED = "arrived", _("Payment arrived")
    NOT_FOUND = "not_found", _("Payment not found")


class PaymentReport(models.Model):
    """While it is open, payment reminders about the loan wait until ``hold_until``, the
    lender's days for a payment to reach the ledger. The ledger then says whether it came
    (``repayment.paying.reports``); if not, the borrower is asked, gently, for details."""

    loan = models.ForeignKey(Loan, on_delete=models.PROTECT, related_name="payment_reports")
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    paid_on = models.DateField(_("paid on"))
    how = models.CharField(
        _("how it was paid"), max_length=20, choices=PaymentMethodKind.choices, blank=True
    )
    details = models.CharField(
        _("details that help find it"),
        max_length=300,
        blank=True,
        help_text=_("For example the bank it came from, or a receipt number."),
    )
    reported_on = models.DateField(_("told us on"))
    hold_until = models.DateField(_("reminders held until"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=PaymentReportStatus.choices,
        default=PaymentReportStatus.OPEN,
    )
    found = models.DecimalField(
        _("payments found"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    settled_on = models.DateField(_("settled on"), null=True, blank=True)

    class Meta:
        verbose_name = _("payment the borrower told us about")
        verbose_name_plural = _("payments borrowers told us about")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["loan"], condition=Q(status="open"), name="one_open_payment_report_per_loan"
            ),
            models.CheckConstraint(
                condition=Q(amount__gt=0), name="payment_report_amount_positive"
            ),
            models.CheckConstraint(
                condition=Q(paid_on__lte=models.F("reported_on"))
                & Q(hold_until__gte=models.F("reported_on")),
                name="payment_report_dates_in_order",
            ),
        ]

    def __str__(self):
        return f"{self.loan}: {self.amount} paid {self.paid_on} ({self.status})"
