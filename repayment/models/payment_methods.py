"""How a borrower pays: the ways each lender (or one of its products) takes payments."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .loans import Lender, LoanProduct


class PaymentMethodKind(models.TextChoices):
    BANK_TRANSFER = "bank_transfer", _("Bank transfer")
    PAYMENT_LINK = "payment_link", _("Pay online")
    AUTO_DEBIT = "auto_debit", _("Automatic payment")
    CASH = "cash", _("Pay in cash")


class PaymentMethod(models.Model):
    """One way to pay. A product with active methods of its own shows only those; any other
    product shows its lender's methods (``repayment.paying.methods.methods_for``)."""

    lender = models.ForeignKey(
        Lender, on_delete=models.CASCADE, related_name="payment_methods", verbose_name=_("lender")
    )
    product = models.ForeignKey(
        LoanProduct,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="payment_methods",
        verbose_name=_("only for this product"),
        help_text=_(
            "Leave empty for a method every product of the lender shows. A product with methods "
            "of its own shows only those."
        ),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=PaymentMethodKind.choices)
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Smaller numbers are shown first.")
    )
    active = models.BooleanField(_("shown to borrowers"), default=True)
    account_name = models.CharField(_("account name"), max_length=200, blank=True)
    account_number = models.CharField(_("account number"), max_length=60, blank=True)
    bank_name = models.CharField(_("bank"), max_length=200, blank=True)
    bank_name_zh_hans = models.CharField(_("bank in Chinese"), max_length=200, blank=True)
    link_template = models.CharField(
        _("payment page address"),
        max_length=500,
        blank=True,
        help_text=_(
            "Your payment provider's page, starting with https://. {reference} becomes the "
            "borrower's payment reference and {amount} the amount to pay, e.g. "
            "https://pay.example/?ref={reference}&amount={amount}"
        ),
    )
    instructions = models.TextField(
        _("what borrowers read"),
        blank=True,
        help_text=_(
            "Plain, calm words on how to pay this way: for cash, where (stores, agents) and "
            "when; for automatic payment, when money is taken and how to change it."
        ),
    )
    instructions_zh_hans = models.TextField(_("what borrowers read, in Chinese"), blank=True)

    class Meta:
        verbose_name = _("payment method")
        verbose_name_plural = _("payment methods")
        ordering = ["lender", "product", "order", "id"]

    def __str__(self):
        owner = self.product or self.lender
        return f"{self.get_kind_display()} ({owner})"

    def clean(self):
        from repayment.paying.links import link_template_problems

        errors: dict[str, list] = {}
        if self.product_id and self.lender_id and self.product.lender_id != self.lender_id:
            errors["product"] = [_("This product belongs to another lender.")]
        required = {
            PaymentMethodKind.BANK_TRANSFER: ["account_name", "account_number", "bank_name"],
            PaymentMethodKind.PAYMENT_LINK: ["link_template"],
            PaymentMethodKind.AUTO_DEBIT: ["instructions"],
            PaymentMethodKind.CASH: ["instructions"],
        }.get(self.kind, [])
        for name in required:
            if not getattr(self, name).strip():
                errors.setdefault(name, []).append(_("Needed for this kind of payment method."))
        if self.instructions.strip() and not self.instructions_zh_hans.strip():
            errors.setdefault("instructions_zh_hans", []).append(
                _("Borrowers read this in both languages: write it in Chinese too.")
            )
        if self.bank_name.strip() and not self.bank_name_zh_hans.strip():
            errors.setdefault("bank_name_zh_hans", []).append(
                _("Borrowers read this in both languages: write it in Chinese too.")
            )
        if self.link_template:
            problems = link_template_problems(self.link_template)
            if problems:
                errors.setdefault("link_template", []).extend(problems)
        if errors:
            raise ValidationError(errors)

    def instructions_in(self, language: str) -> str:
        if language.lower().startswith("zh") and self.instructions_zh_hans:
            return self.instructions_zh_hans
        return self.instructions

    def bank_in(self, language: str) -> str:
        if language.lower().startswith("zh") and self.bank_name_zh_hans:
            return self.bank_name_zh_hans
        return self.bank_name
