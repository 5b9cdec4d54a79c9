"""The admin for payment methods. The model is the money's (``repayment``), but what borrowers
read of it must pass the tone and plain-language checks that reminders pass, and the money may
not import reminders: so its admin lives here, where both can be imported."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from portal.notifications.message_texts.compose import check_plain_language, check_tone
from repayment.models import PaymentMethod

# Each field borrowers read, and the language the checks read it in.
WORDING = {"instructions": "en", "instructions_zh_hans": "zh-hans"}


class PaymentMethodForm(forms.ModelForm):
    class Meta:
        model = PaymentMethod
        fields = [
            "lender",
            "product",
            "kind",
            "order",
            "active",
            "account_name",
            "account_number",
            "bank_name",
            "bank_name_zh_hans",
            "link_template",
            "instructions",
            "instructions_zh_hans",
        ]

    def clean(self):
        cleaned = super().clean()
        for field, language in WORDING.items():
            text = cleaned.get(field) or ""
            if not text.strip():
                continue
            for problem in [*check_tone(text, language), *check_plain_language(text, language)]:
                self.add_error(field, problem)
        return cleaned


@admin.register(PaymentMethod)
class PaymentMethodAdmin(admin.ModelAdmin):
    form = PaymentMethodForm
    list_display = ["__str__", "kind", "lender", "product", "order", "active"]
    list_filter = ["lender", "kind", "active"]
    list_select_related = ["lender", "product"]
    fieldsets = [
        (None, {"fields": ["lender", "product", "kind", "order", "active"]}),
        (
            _("Bank transfer"),
            {"fields": ["account_name", "account_number", "bank_name", "bank_name_zh_hans"]},
        ),
        (_("Pay online"), {"fields": ["link_template"]}),
        (_("What borrowers read"), {"fields": ["instructions", "instructions_zh_hans"]}),
    ]
