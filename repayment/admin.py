from django.contrib import admin
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from portal.core.admin import ReadOnlyAdmin

# Django's admin looks for the app's admin module only: plans and hardship keep theirs apart.
from .hardship import admin as hardship_admin  # noqa: F401
from .models import (
    Borrower,
    ConsequenceMilestone,
    EngagementEvent,
    LedgerEntry,
    Lender,
    LenderEvent,
    Loan,
    LoanProduct,
    PaymentReport,
)
from .plans import admin as plans_admin  # noqa: F401
from .position_table.keeping import terms_changed


class MilestoneInline(admin.TabularInline):
    model = ConsequenceMilestone
    extra = 1


@admin.register(Lender)
class LenderAdmin(admin.ModelAdmin):
    list_display = ["name", "phone", "email", "contact_rules"]

    def get_readonly_fields(self, request, obj=None):
        # A lender's contact rules change only through a request a compliance reviewer
        # approves, with a reason and an effective date (the console's contact-rules page).
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "contact_rules"] if obj is not None else fields


@admin.register(LoanProduct)
class LoanProductAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "code",
        "lender",
        "currency",
        "installment_frequency",
        "annual_interest_rate",
        "servicing_enabled",
    ]
    list_filter = ["lender", "currency", "servicing_enabled", "restructuring_allowed"]
    inlines = [MilestoneInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if change:  # after the milestones: the rows read them too
            terms_changed(form.instance.pk)

    fieldsets = [
        (None, {"fields": ["lender", "code", "name", "name_zh_hans", "currency"]}),
        (
            _("Schedule and interest"),
            {
                "fields": [
                    "installment_frequency",
                    "annual_interest_rate",
                    "interest_method",
                    "day_count_basis",
                ]
            },
        ),
        (
            _("Late payments"),
            {
                "fields": [
                    "grace_days",
                    "late_fee_fixed",
                    "late_fee_percent",
                    "late_fee_cap",
                ]
            },
        ),
        (_("Servicing"), {"fields": ["servicing_enabled", "restructuring_allowed"]}),
    ]


@admin.register(Borrower)
class BorrowerAdmin(admin.ModelAdmin):
    list_display = ["full_name", "external_id", "preferred_language", "origin_lender", "user"]
    list_filter = ["origin_lender"]
    search_fields = ["full_name", "external_id", "email", "phone"]
    raw_id_fields = ["user"]


class LedgerEntryInline(admin.TabularInline):
    """Read-only: the ledger is append-only; corrections arrive as reversal entries."""

    model = LedgerEntry
    fk_name = "loan"
    fields = ["effective_date", "kind", "amount", "component", "external_id", "source"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    ordering = ["-effective_date", "-id"]
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Loan)
class LoanAdmin(admin.ModelAdmin):
    list_display = ["reference", "borrower", "product", "principal", "disbursed_on"]
    search_fields = ["reference", "external_id", "borrower__full_name"]
    list_select_related = ["borrower", "product"]
    raw_id_fields = ["borrower"]
    inlines = [LedgerEntryInline]
    readonly_fields = ["risk_segment"]

    def get_readonly_fields(self, request, obj=None):
        """Once a loan has ledger entries, its product (currency, rate) and money terms stay
        as they are here: the ledger would no longer agree with them. A lender whose product
        allows restructuring changes them by batch, where the ledger is checked."""
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.pk is not None and obj.entries.exists():
            fields += ["product", *Loan.MONEY_TERMS]
        return fields

    @admin.display(description=_("risk segment, and why"))
    def risk_segment(self, loan):
        if loan.pk is None:
            return "-"
        from repayment.plans.options import assess
        from repayment.statements.cache import statement_for

        from .models import Segment

        assessment = assess(loan=loan, statement=statement_for(loan=loan))
        return format_html_join(
            "",
            "<p>{}</p>",
            [(Segment(assessment.segment).label,), *((str(r),) for r in assessment.reasons)],
        )


from repayment.plans import admin as plan_admin  # noqa: E402,F401  (plans' admin lives in its own file)


# The outbox of events for the lender (delivered by portal.webhooks).
@admin.register(LenderEvent)
class LenderEventAdmin(ReadOnlyAdmin):
    list_display = [
        "topic",
        "key",
        "lender",
        "created_at",
        "status",
        "attempts",
        "next_attempt_at",
        "delivered_at",
    ]
    list_filter = ["status", "topic", "lender"]
    search_fields = ["key"]


# The borrower's word that they paid; the ledger settles it (repayment.paying.reports).
@admin.register(PaymentReport)
class PaymentReportAdmin(ReadOnlyAdmin):
    list_display = [
        "loan",
        "amount",
        "paid_on",
        "how",
        "reported_on",
        "hold_until",
        "status",
        "found",
        "settled_on",
    ]
    list_filter = ["status"]
    search_fields = ["loan__reference"]
    list_select_related = ["loan"]
    date_hierarchy = "reported_on"


@admin.register(EngagementEvent)
class EngagementEventAdmin(ReadOnlyAdmin):
    list_display = ["borrower", "loan", "kind", "at"]
    list_filter = ["kind"]
    date_hierarchy = "at"
    raw_id_fields = ["borrower", "loan"]
