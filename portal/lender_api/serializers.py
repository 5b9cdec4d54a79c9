"""The shapes of the lender API's requests and responses.

The request serializers describe the batches for the schema and its readers; they do not
validate them. Batches are checked by the import (``repayment.importing.validate``), so the API
and ``manage.py import_loans`` accept and refuse exactly the same records, with the same
messages (docs/import-format.md).
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from repayment.importing.validate import (
    DESCRIPTION_LENGTH,
    EMAIL_LENGTH,
    ID_LENGTH,
    NAME_LENGTH,
    PHONE_LENGTH,
    REFERENCE_LENGTH,
    TIME_ZONE_LENGTH,
)
from repayment.models import Component, EntryKind, Frequency, Language, PlanKind, PlanStatus

from .plans_feed import DEFAULT_LIMIT, MAX_LIMIT

# An amount as the lender sends it: digits, a dot, no more decimals than the currency has.
AMOUNT_PATTERN = r"^[0-9]+(\.[0-9]+)?$"
# An optional field: empty and null both mean "not given", as in the file import.
OPTIONAL = {"required": False, "allow_null": True}
OPTIONAL_TEXT = {**OPTIONAL, "allow_blank": True}


def amount_field(help_text):
    return serializers.RegexField(AMOUNT_PATTERN, max_length=20, help_text=help_text)


class LenderBorrowerIn(serializers.Serializer):
    external_id = serializers.CharField(max_length=ID_LENGTH, help_text=_("Your borrower id."))
    full_name = serializers.CharField(max_length=NAME_LENGTH)
    email = serializers.EmailField(max_length=EMAIL_LENGTH, **OPTIONAL_TEXT)
    phone = serializers.CharField(max_length=PHONE_LENGTH, **OPTIONAL_TEXT)
    date_of_birth = serializers.DateField(help_text=_("YYYY-MM-DD, not in the future."))
    preferred_language = serializers.ChoiceField(
        Language.values, **OPTIONAL_TEXT, help_text=_("Default en.")
    )
    time_zone = serializers.CharField(
        max_length=TIME_ZONE_LENGTH,
        **OPTIONAL_TEXT,
        help_text=_("An IANA name such as Asia/Shanghai; default UTC."),
    )


class LenderLoanIn(serializers.Serializer):
    external_id = serializers.CharField(max_length=ID_LENGTH, help_text=_("Your loan id."))
    borrower_external_id = serializers.CharField(
        max_length=ID_LENGTH,
        help_text=_("A borrower sent before or in the same batch (POST /batches/)."),
    )
    product_code = serializers.CharField(
        max_length=50, help_text=_("One of your loan products; it fixes currency and terms.")
    )
    reference = serializers.CharField(
        max_length=REFERENCE_LENGTH, help_text=_("The reference on the agreement; unique.")
    )
    principal = amount_field(_("The amount borrowed, in the product's currency."))
    disbursed_on = serializers.DateField()
    first_due_date = serializers.DateField(help_text=_("After disbursed_on."))
    installment_count = serializers.IntegerField(min_value=1, max_value=32767)
    installment_amount = amount_field(_("The regular installment."))


class LenderEntryIn(serializers.Serializer):
    loan_external_id = serializers.CharField(
        max_length=ID_LENGTH, help_text=_("One of your loans, sent before or in the same batch.")
    )
    external_id = serializers.CharField(
        max_length=ID_LENGTH, help_text=_("Your id for the transaction, unique within its loan.")
    )
    kind = serializers.ChoiceField(EntryKind.values)
    effective_date = serializers.DateField()
    amount = amount_field(_("Positive, in the loan's currency."))
    component = serializers.ChoiceField(
        Component.values, **OPTIONAL_TEXT, help_text=_("Waivers only: what the waiver reduces.")
    )
    reverses_external_id = serializers.CharField(
        max_length=ID_LENGTH,
        **OPTIONAL_TEXT,
        help_text=_("Reversals only: the entry the reversal cancels."),
    )
    description = serializers.CharField(max_length=DESCRIPTION_LENGTH, **OPTIONAL_TEXT)


class LenderBorrowerBatchIn(serializers.Serializer):
    borrowers = LenderBorrowerIn(many=True)


class LenderLoanBatchIn(serializers.Serializer):
    loans = LenderLoanIn(many=True)


class LenderEntryBatchIn(serializers.Serializer):
    entries = LenderEntryIn(many=True)


class LenderMixedBatchIn(serializers.Serializer):
    borrowers = LenderBorrowerIn(many=True, required=False)
    loans = LenderLoanIn(many=True, required=False)
    entries = LenderEntryIn(many=True, required=False)


class LenderBatchQuery(serializers.Serializer):
    dry_run = serializers.BooleanField(
        default=False,
        help_text=_("Check the batch and answer what it would do, writing nothing."),
    )


class LenderImportResultOut(serializers.Serializer):
    dry_run = serializers.BooleanField(help_text=_("True when nothing was written."))
    changed = serializers.BooleanField(help_text=_("False when the batch changed nothing."))
    borrowers_created = serializers.IntegerField()
    borrowers_updated = serializers.IntegerField()
    borrowers_unchanged = serializers.IntegerField()
    loans_created = serializers.IntegerField()
    loans_updated = serializers.IntegerField()
    loans_unchanged = serializers.IntegerField()
    entries_created = serializers.IntegerField()
    entries_skipped = serializers.IntegerField(help_text=_("Already imported with these values."))


class LenderErrorItemOut(serializers.Serializer):
    item = serializers.CharField(
        help_text=_('The record ("entries[3]"), the list, or "the request" for the whole body.')
    )
    field = serializers.CharField(help_text=_("The field, or empty for the whole item."))
    message = serializers.CharField()


class LenderErrorOut(serializers.Serializer):
    detail = serializers.CharField()


class LenderRejectionOut(serializers.Serializer):
    detail = serializers.CharField()
    errors = LenderErrorItemOut(many=True)


class LenderPlansQuery(serializers.Serializer):
    cursor = serializers.CharField(
        required=False,
        max_length=200,
        help_text=_("next_cursor from the previous page; leave out to start at the first plan."),
    )
    limit = serializers.IntegerField(
        required=False, default=DEFAULT_LIMIT, min_value=1, max_value=MAX_LIMIT
    )


class LenderMoneyOut(serializers.CharField):
    """An amount as a string with the currency's decimal places, e.g. "110.00"."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)


class LenderInstallmentOut(serializers.Serializer):
    number = serializers.IntegerField()
    date = serializers.DateField()
    amount = LenderMoneyOut()


class LenderPlanOut(serializers.Serializer):
    id = serializers.IntegerField(help_text=_("The portal's plan id, as in plan webhooks."))
    loan_external_id = serializers.CharField()
    loan_reference = serializers.CharField()
    currency = serializers.CharField()
    kind = serializers.ChoiceField(PlanKind.values)
    status = serializers.ChoiceField(
        PlanStatus.values,
        help_text=_("As it is when read; later changes arrive by webhook."),
    )
    frequency = serializers.ChoiceField(Frequency.values)
    total = LenderMoneyOut(help_text=_("What the borrower agreed to pay under the plan."))
    discount = LenderMoneyOut(help_text=_("Settlement discount; 0 for other kinds."))
    covers_overdue = LenderMoneyOut(help_text=_("The overdue amount the plan covers."))
    accepted_at = serializers.DateTimeField()
    starts_on = serializers.DateField()
    ended_on = serializers.DateField(allow_null=True)
    installments = LenderInstallmentOut(many=True)


class LenderPlanPageOut(serializers.Serializer):
    plans = LenderPlanOut(many=True)
    next_cursor = serializers.CharField(
        help_text=_("Send it as cursor next time, even when this page is empty.")
    )
    has_more = serializers.BooleanField(help_text=_("True when the next page is ready now."))
