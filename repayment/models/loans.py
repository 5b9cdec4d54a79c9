"""Loans and their ledger.

The ledger is append-only: an entry is never updated or deleted, a correction is a reversal
entry that points at the entry it cancels. Amounts are positive; the kind says which way an
entry moves the balance (see ``repayment.ledger``). The lender's own id for an entry is unique
per loan, so a batch sent twice posts nothing twice. On PostgreSQL a trigger refuses UPDATE and
DELETE on the table as well (migration 0002).
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.core.append_only import AppendOnly

CURRENCY_CODE = RegexValidator(r"^[A-Z]{3}$", _("Use a three-letter ISO 4217 code, e.g. CNY."))


class ContactRules(models.TextChoices):
    """The rulebook a lender's reminders follow. The rules themselves, each number with its
    source, are ``portal.notifications.contact_rules.presets``, keyed by these values."""

    US_REG_F = "US Regulation F", "US Regulation F"
    CHINA_NIFA = "China NIFA", "China NIFA"
    UK_FCA = "UK FCA", "UK FCA"


# The country each rulebook belongs to (ISO 3166-1): whose free help, rights and schemes a
# loan's pages and messages name. ``education.models.Jurisdiction`` keys the help editors
# write by the same codes.
JURISDICTIONS = {
    ContactRules.US_REG_F: "US",
    ContactRules.CHINA_NIFA: "CN",
    ContactRules.UK_FCA: "GB",
}
UNITED_KINGDOM = "GB"


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("Weekly")
    FORTNIGHTLY = "fortnightly", _("Every two weeks")
    MONTHLY = "monthly", _("Monthly")


class InterestMethod(models.TextChoices):
    DECLINING = "declining", _("On the principal still owed (declining balance)")
    FLAT = "flat", _("On the original principal (flat rate)")


class DayCountBasis(models.TextChoices):
    ACTUAL_365 = "actual/365", _("Actual days / 365")
    ACTUAL_360 = "actual/360", _("Actual days / 360")
    THIRTY_360 = "30/360", _("30-day months / 360")


class Lender(models.Model):
    name = models.CharField(_("name"), max_length=200)
    legal_name = models.CharField(_("legal name"), max_length=300, blank=True)
    phone = models.CharField(
        _("phone"), max_length=40, help_text=_("Shown to borrowers as a tap-to-call link.")
    )
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    address = models.TextField(_("postal address"), blank=True)
    debt_advice_name = models.CharField(
        _("own free help service: name"),
        max_length=200,
        blank=True,
        help_text=_(
            "Leave these three empty: borrowers then see the free help services that editors "
            "publish for their country (in Wagtail, under Free help and rights). Fill them in "
            "only to show one service of your own instead, e.g. an advice charity you work "
            "with. It is shown only on loans that follow this lender's own contact rules: "
            "loans of a product with other contact rules show their own country's services."
        ),
    )
    debt_advice_url = models.URLField(
        _("own free help service: website"),
        blank=True,
        help_text=_("Part of your own service, above. Leave empty unless you fill in its name."),
    )
    debt_advice_phone = models.CharField(
        _("own free help service: phone"),
        max_length=40,
        blank=True,
        help_text=_("Part of your own service, above. Leave empty unless you fill in its name."),
    )
    contact_rules = models.CharField(
        _("contact rules"),
        max_length=40,
        choices=ContactRules.choices,
        default=ContactRules.US_REG_F,
        help_text=_("The rulebook reminders follow: contact hours, caps and holds."),
    )

    class Meta:
        verbose_name = _("lender")
        verbose_name_plural = _("lenders")

    def __str__(self):
        return self.name


class LoanProduct(models.Model):
    lender = models.ForeignKey(Lender, on_delete=models.PROTECT, related_name="products")
    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200)
    name_zh_hans = models.CharField(_("name in Chinese"), max_length=200, blank=True)
    currency = models.CharField(
        _("currency"), max_length=3, validators=[CURRENCY_CODE], help_text=_("ISO 4217, e.g. CNY.")
    )
    installment_frequency = models.CharField(
        _("installment frequency"), max_length=12, choices=Frequency.choices
    )
    annual_interest_rate = models.DecimalField(
        _("annual interest rate (%)"),
        max_digits=7,
        decimal_places=4,
        validators=[MinValueValidator(Decimal("0"))],
    )
    interest_method = models.CharField(
        _("interest method"),
        max_length=12,
        choices=InterestMethod.choices,
        default=InterestMethod.DECLINING,
    )
    day_count_basis = models.CharField(
        _("day count basis"),
        max_length=12,
        choices=DayCountBasis.choices,
        default=DayCountBasis.ACTUAL_365,
    )
    grace_days = models.PositiveSmallIntegerField(
        _("grace days"),
        default=0,
        help_text=_("Days after a due date before a payment counts as late and a fee applies."),
    )
    late_fee_fixed = models.DecimalField(
        _("late fee: fixed amount"),
        max_digits=12,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    late_fee_percent = models.DecimalField(
        _("late fee: percent of the overdue installment"),
        max_digits=6,
        decimal_places=3,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    late_fee_cap = models.DecimalField(
        _("late fee: most charged for one installment"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    servicing_enabled = models.BooleanField(
        _("portal posts installments, interest and late fees"),
        default=True,
        help_text=_("Switch off when the lender's own system posts these entries."),
    )
    restructuring_allowed = models.BooleanField(
        _("lender may restructure loans after payout"),
        default=False,
        help_text=_(
            "Leave off unless this product's loan agreements allow changing a loan's terms "
            "after the money is paid out. While off, a batch from the lender that changes the "
            "amount borrowed, the start date, the first due date, the number of installments or "
            "the installment amount of a loan that already has ledger entries is refused. While "
            "on, such a change is accepted only if the ledger agrees with it (the amount paid "
            "out must equal the new amount borrowed), and the audit trail records it with the "
            "batch it came in."
        ),
    )
    contact_rules = models.CharField(
        _("contact rules"),
        max_length=40,
        choices=ContactRules.choices,
        blank=True,
        help_text=_("Leave empty to follow the lender's contact rules."),
    )

    class Meta:
        verbose_name = _("loan product")
        verbose_name_plural = _("loan products")

    def __str__(self):
        return f"{self.name} ({self.code})"

    @property
    def contact_rules_in_force(self) -> str:
        """The contact rules reminders about this product's loans follow: its own, or its
        lender's. Reads the lender: select it with the product."""
        return self.contact_rules or self.lender.contact_rules

    @property
    def jurisdiction(self) -> str:
        """The country of the contact rules in force (``JURISDICTIONS``). Reads the lender."""
        return JURISDICTIONS[self.contact_rules_in_force]


class ConsequenceMilestone(models.Model):
    """What the lender does when a payment stays unpaid, as the lender's own terms say."""

    product = models.ForeignKey(LoanProduct, on_delete=models.CASCADE, related_name="milestones")
    days_past_due = models.PositiveSmallIntegerField(
        _("days past due"), help_text=_("How many days after the missed due date this happens.")
    )
    explanation = models.CharField(
        _("what happens (English)"),
        max_length=300,
        help_text=_(
            "One plain sentence, calm and factual, e.g. 'We report the missed payment to the "
            "credit bureau. This can make it harder to borrow.' No threats."
        ),
    )
    explanation_zh_hans = models.CharField(_("what happens (Chinese)"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("consequence milestone")
        verbose_name_plural = _("consequence milestones")
        ordering = ["days_past_due"]
        constraints = [
            models.UniqueConstraint(
                fields=["product", "days_past_due"], name="one_milestone_per_day"
            )
        ]

    def __str__(self):
        return f"{self.days_past_due}: {self.explanation}"


class Language(models.TextChoices):
    ENGLISH = "en", "English"
    CHINESE = "zh-hans", "简体中文"


class Borrower(models.Model):
    external_id = models.CharField(_("lender's borrower id"), max_length=100, unique=True)
    full_name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    date_of_birth = models.DateField(_("date of birth"))
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=Language.choices, default=Language.ENGLISH
    )
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC")
    # The pinyin of the Chinese characters in the name, for the console's search
    # (portal.core.pinyin.name_key): kept by a signal on save and by the import's upsert.
    name_key = models.CharField(max_length=400, blank=True, default="", editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="borrower",
        verbose_name=_("linked login"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Which lender's batch created the borrower: with the lenders of its loans, who may
    # change its details through the lender API (repayment.importing.lookups).
    origin_lender = models.ForeignKey(
        Lender,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="originated_borrowers",
        verbose_name=_("created by lender"),
        help_text=_(
            "The lender whose system sent this borrower first. Empty for borrowers that staff "
            "imported without naming a lender, and for those that had no loans, or loans with "
            "several lenders, when the portal began recording this."
        ),
    )

    class Meta:
        verbose_name = _("borrower")
        verbose_name_plural = _("borrowers")

    def __str__(self):
        return self.full_name


class Loan(models.Model):
    # What the borrower owes and when: fixed once the loan has ledger entries, unless its
    # product allows restructuring (repayment.importing.validate; the admin never changes them).
    MONEY_TERMS = (
        "principal",
        "disbursed_on",
        "first_due_date",
        "installment_count",
        "installment_amount",
    )

    borrower = models.ForeignKey(Borrower, on_delete=models.PROTECT, related_name="loans")
    product = models.ForeignKey(LoanProduct, on_delete=models.PROTECT, related_name="loans")
    external_id = models.CharField(_("lender's loan id"), max_length=100, unique=True)
    reference = models.CharField(
        _("loan reference"),
        max_length=40,
        unique=True,
        help_text=_("The reference printed on the borrower's agreement."),
    )
    principal = models.DecimalField(_("amount borrowed"), max_digits=14, decimal_places=2)
    disbursed_on = models.DateField(_("start date"))
    first_due_date = models.DateField(_("first due date"))
    installment_count = models.PositiveSmallIntegerField(_("number of installments"))
    installment_amount = models.DecimalField(
        _("installment amount"), max_digits=14, decimal_places=2
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("loan")
        verbose_name_plural = _("loans")
        constraints = [
            models.CheckConstraint(condition=Q(principal__gt=0), name="loan_principal_positive"),
            models.CheckConstraint(
                condition=Q(installment_amount__gt=0), name="loan_installment_positive"
            ),
            models.CheckConstraint(
                condition=Q(first_due_date__gt=models.F("disbursed_on")),
                name="loan_first_due_after_start",
            ),
        ]

    def __str__(self):
        return self.reference

    @property
    def currency(self) -> str:
        return self.product.currency


class EntryKind(models.TextChoices):
    DISBURSEMENT = "disbursement", _("Loan paid out")
    INSTALLMENT_DUE = "installment_due", _("Installment due")
    INTEREST = "interest", _("Interest")
    FEE = "fee", _("Fee")
    PAYMENT = "payment", _("Payment")
    WAIVER = "waiver", _("Waiver")
    REVERSAL = "reversal", _("Correction")


class Component(models.TextChoices):
    PRINCIPAL = "principal", _("Principal")
    INTEREST = "interest", _("Interest")
    FEES = "fees", _("Fees")


class EntrySource(models.TextChoices):
    LENDER = "lender", _("Lender's system")
    SERVICING = "servicing", _("Portal servicing")
    SUPPORT = "support", _("Correction by our staff")


class LedgerEntry(AppendOnly):
    append_only_message = "The ledger is append-only: post a reversal instead."

    loan = models.ForeignKey(Loan, on_delete=models.PROTECT, related_name="entries")
    external_id = models.CharField(_("lender's entry id"), max_length=100)
    kind = models.CharField(_("kind"), max_length=20, choices=EntryKind.choices)
    effective_date = models.DateField(_("date"))
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    component = models.CharField(
        _("applies to"),
        max_length=10,
        choices=Component.choices,
        blank=True,
        help_text=_("Which part of the balance a waiver reduces."),
    )
    reverses = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reversed_by",
        verbose_name=_("reverses"),
    )
    description = models.CharField(_("description"), max_length=200, blank=True)
    source = models.CharField(max_length=10, choices=EntrySource.choices)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        constraints = [
            models.UniqueConstraint(
                fields=["loan", "external_id"], name="entry_id_unique_per_loan"
            ),
            models.CheckConstraint(condition=Q(amount__gt=0), name="entry_amount_positive"),
            models.CheckConstraint(
                condition=Q(kind="reversal", reverses__isnull=False)
                | (~Q(kind="reversal") & Q(reverses__isnull=True)),
                name="entry_reversal_points_at_entry",
            ),
            models.CheckConstraint(
                condition=~Q(kind="waiver") | ~Q(component=""),
                name="entry_waiver_names_component",
            ),
        ]
        indexes = [
            models.Index(fields=["loan", "effective_date", "id"]),
            # The reminder planner's questions across the book: which obligations fell due
            # on these days, which payments arrived this week (notifications' outbox selection).
            models.Index(fields=["kind", "effective_date"], name="ledger_kind_day"),
        ]

    def __str__(self):
        return f"{self.loan_id}:{self.external_id} {self.kind} {self.amount}"
