"""Admin for plan policies (staff with the change-plan-policy permission edit them) and a
read-only view of plans and proposals."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from portal.core.admin import ReadOnlyAdmin
from repayment.models import (
    Plan,
    PlanInstallment,
    PlanPolicy,
    Proposal,
    Segment,
)
from repayment.position_table.keeping import terms_changed

SEGMENT_FIELDS = [
    "spread_segments",
    "reduced_segments",
    "settle_segments",
    "holiday_segments",
    "auto_accept_segments",
]


class PlanPolicyForm(forms.ModelForm):
    class Meta:
        model = PlanPolicy
        fields = [f.name for f in PlanPolicy._meta.fields if not f.primary_key]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in SEGMENT_FIELDS:
            self.fields[name] = forms.MultipleChoiceField(
                label=self.fields[name].label,
                choices=Segment.choices,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                initial=self.initial.get(name),
            )


@admin.register(PlanPolicy)
class PlanPolicyAdmin(admin.ModelAdmin):
    form = PlanPolicyForm

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Grace days and fee freezes during a plan bear on the product's loans' rows.
        terms_changed(obj.product_id)

    list_display = ["product", "min_installment", "max_plans_per_year", "auto_accept_max_months"]
    fieldsets = [
        (None, {"fields": ["product", "min_installment", "max_plans_per_year"]}),
        (
            _("Offers"),
            {
                "fields": [
                    "spread_enabled",
                    "spread_max_installments",
                    "spread_segments",
                    "holiday_enabled",
                    "holiday_spread_installments",
                    "holiday_segments",
                    "reduced_enabled",
                    "reduced_max_periods",
                    "reduced_min_percent",
                    "reduced_segments",
                    "settle_enabled",
                    "settle_max_discount_percent",
                    "settle_pay_within_days",
                    "settle_segments",
                ]
            },
        ),
        (
            _("Borrowers' own plans"),
            {
                "fields": [
                    "auto_accept_max_months",
                    "auto_accept_segments",
                    "latest_start_days",
                    "review_hours",
                ]
            },
        ),
        (
            _("Keeping a plan"),
            {
                "fields": [
                    "plan_grace_days",
                    "freeze_fees_during_plan",
                    "moves_allowed",
                    "move_max_days",
                    "payday_change_allowed",
                    "missed_to_end_allowed",
                ]
            },
        ),
        (
            _("Pauses"),
            {
                "fields": [
                    "pause_max_days",
                    "pause_auto_grant_days",
                    "pause_freezes_interest",
                    "pause_freezes_fees",
                ]
            },
        ),
        (
            _("Promises to pay"),
            {"fields": ["promise_max_days", "promise_grace_days"]},
        ),
    ]


class InstallmentInline(admin.TabularInline):
    model = PlanInstallment
    fields = ["number", "due_date", "original_due_date", "amount"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Plan)
class PlanAdmin(ReadOnlyAdmin):
    list_display = ["loan", "kind", "status", "total", "starts_on", "segment"]
    list_filter = ["status", "kind", "segment"]
    search_fields = ["loan__reference"]
    inlines = [InstallmentInline]


@admin.register(Proposal)
class ProposalAdmin(ReadOnlyAdmin):
    list_display = ["loan", "amount", "frequency", "decision", "status", "created_at"]
    list_filter = ["decision", "status"]
    search_fields = ["loan__reference"]
