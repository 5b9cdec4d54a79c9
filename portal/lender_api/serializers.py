"""The shapes of the lender API's requests and responses.

The request serializers describe the batches for the schema and its readers; they do not
validate them. Batches are checked by the import (``repayment.importing.validate``), so the API
and ``manage.py import_loans`` accept and refuse exactly the same records, with the same
messages (docs/import-format.md). The schema says what the import takes, no less (``schema``):
no field a record does not have, ids and other text as a string or a whole number, amounts as
text or a JSON number, at most ``batches.MAX_ITEMS`` items in a list.

The query serializers do validate, exactly as the schema says: ``dry_run`` is true or false,
``limit`` a number.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.fields import empty

from repayment.importing.validate import (
    COUNT_LIMIT,
    DESCRIPTION_LENGTH,
    EMAIL_LENGTH,
    ID_LENGTH,
    NAME_LENGTH,
    PAYMENT_REFERENCE_LENGTH,
    PHONE_LENGTH,
    REFERENCE_LENGTH,
    TIME_ZONE_LENGTH,
)
from repayment.models import (
    Component,
    EntryKind,
    Frequency,
    Language,
    PaymentMethodKind,
    PaymentReportStatus,
    PlanKind,
    PlanStatus,
    PromiseStatus,
)

from .cursor_feed import DEFAULT_LIMIT, MAX_LIMIT

# An amount as the lender sends it: digits, a dot, no more decimals than the currency has.
AMOUNT_PATTERN = r"^[0-9]+(\.[0-9]+)?$"
# An optional field: empty and null both mean "not given", as in the file import.
OPTIONAL = {"required": False, "allow_null": True}
OPTIONAL_TEXT = {**OPTIONAL, "allow_blank": True}


class LenderText(serializers.CharField):
    """Text, or a whole number: JSON may send an id (or a phone number) as one."""


class LenderAmount(serializers.RegexField):
    """An amount as text, or as a JSON number that is not floating point (``10.50``, read as a
    decimal)."""

    def __init__(self, **kwargs):
        super().__init__(AMOUNT_PATTERN, max_length=20, **kwargs)


class LenderCount(serializers.IntegerField):
    """A whole number, or its digits as text."""


# A batch or a record of one: no field besides those it declares (schema.LenderInScheme).
class LenderIn(serializers.Serializer):
    pass


def amount_field(help_text):
    return LenderAmount(help_text=help_text)


class LenderBorrowerIn(LenderIn):
    external_id = LenderText(max_length=ID_LENGTH, help_text=_("Your borrower id."))
    full_name = LenderText(max_length=NAME_LENGTH)
    email = serializers.EmailField(max_length=EMAIL_LENGTH, **OPTIONAL_TEXT)
    phone = LenderText(max_length=PHONE_LENGTH, **OPTIONAL_TEXT)
    date_of_birth = serializers.DateField(help_text=_("YYYY-MM-DD, not in the future."))
    preferred_language = serializers.ChoiceField(
        Language.values, **OPTIONAL_TEXT, help_text=_("Default en.")
    )
    time_zone = LenderText(
        max_length=TIME_ZONE_LENGTH,
        **OPTIONAL_TEXT,
        help_text=_("An IANA name such as Asia/Shanghai; default UTC."),
    )


class LenderLoanIn(LenderIn):
    external_id = LenderText(max_length=ID_LENGTH, help_text=_("Your loan id."))
    borrower_external_id = LenderText(
        max_length=ID_LENGTH,
        help_text=_("A borrower sent before or in the same batch (POST /batches/)."),
    )
    product_code = LenderText(
        max_length=50, help_text=_("One of your loan products; it fixes currency and terms.")
    )
    reference = LenderText(
        max_length=REFERENCE_LENGTH, help_text=_("The reference on the agreement; unique.")
    )
    principal = amount_field(_("The amount borrowed, in the product's currency."))
    disbursed_on = serializers.DateField()
    first_due_date = serializers.DateField(help_text=_("After disbursed_on."))
    installment_count = LenderCount(min_value=1, max_value=COUNT_LIMIT)
    installment_amount = amount_field(_("The regular installment."))


class LenderEntryIn(LenderIn):
    loan_external_id = LenderText(
        max_length=ID_LENGTH,
        **OPTIONAL_TEXT,
        help_text=_(
            "One of your loans, sent before or in the same batch. A payment may name its loan "
            "by payment_reference instead."
        ),
    )
    payment_reference = LenderText(
        max_length=PAYMENT_REFERENCE_LENGTH,
        **OPTIONAL_TEXT,
        help_text=_(
            "Payments only: the borrower's payment reference as the bank statement shows it, "
            "instead of loan_external_id."
        ),
    )
    external_id = LenderText(
        max_length=ID_LENGTH, help_text=_("Your id for the transaction, unique within its loan.")
    )
    kind = serializers.ChoiceField(EntryKind.values)
    effective_date = serializers.DateField()
    amount = amount_field(_("Positive, in the loan's currency."))
    component = serializers.ChoiceField(
        Component.values, **OPTIONAL_TEXT, help_text=_("Waivers only: what the waiver reduces.")
    )
    reverses_external_id = LenderText(
        max_length=ID_LENGTH,
        **OPTIONAL_TEXT,
        help_text=_("Reversals only: the entry the reversal cancels."),
    )
    description = LenderText(max_length=DESCRIPTION_LENGTH, **OPTIONAL_TEXT)


def items(record, **kwargs):
    return record(many=True, **kwargs)


class LenderBorrowerBatchIn(LenderIn):
    borrowers = items(LenderBorrowerIn)


class LenderLoanBatchIn(LenderIn):
    loans = items(LenderLoanIn)


class LenderEntryBatchIn(LenderIn):
    entries = items(LenderEntryIn)


class LenderMixedBatchIn(LenderIn):
    borrowers = items(LenderBorrowerIn, required=False)
    loans = items(LenderLoanIn, required=False)
    entries = items(LenderEntryIn, required=False)


class QueryField:
    """A query parameter read as sent: present but empty is not "absent" (DRF's reading of an
    empty form field), it is refused."""

    def get_value(self, dictionary):
        return dictionary.get(self.field_name, empty)


class TrueOrFalse(QueryField, serializers.BooleanField):
    """``true`` or ``false``, as the schema's boolean is written in a query; no other spelling."""

    default_error_messages = {"invalid": _("must be true or false")}

    def to_internal_value(self, data):
        if data in ("true", "false"):
            return data == "true"
        self.fail("invalid")


class LenderBatchQuery(serializers.Serializer):
    dry_run = TrueOrFalse(
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


class QueryInteger(QueryField, serializers.IntegerField):
    pass


class LenderFeedQuery(serializers.Serializer):
    """The query of every feed (plans, promises, payment reports)."""

    cursor = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=200,
        help_text=_(
            "next_cursor from the previous page of this feed; leave out (or empty) to start at "
            "the oldest."
        ),
    )
    limit = QueryInteger(required=False, default=DEFAULT_LIMIT, min_value=1, max_value=MAX_LIMIT)


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


def next_cursor_field():
    return serializers.CharField(
        help_text=_("Send it as cursor next time, even when this page is empty.")
    )


def has_more_field():
    return serializers.BooleanField(help_text=_("True when the next page is ready now."))


class LenderPlanPageOut(serializers.Serializer):
    plans = LenderPlanOut(many=True, source="items")
    next_cursor = next_cursor_field()
    has_more = has_more_field()


class LenderPromiseOut(serializers.Serializer):
    id = serializers.IntegerField(
        help_text=_("The portal's id of the promise, as promise in promise webhooks.")
    )
    loan_external_id = serializers.CharField()
    loan_reference = serializers.CharField()
    currency = serializers.CharField()
    amount = LenderMoneyOut(help_text=_("What the borrower promised to pay."))
    pay_by = serializers.DateField(help_text=_("The day the borrower promised to pay by."))
    reminders_held_until = serializers.DateField(
        help_text=_(
            "pay_by and the grace days: payments up to this day count towards the promise, and "
            "until then the portal sends no arrears reminders about the loan."
        )
    )
    made_on = serializers.DateField(help_text=_("The day the borrower made the promise."))
    status = serializers.ChoiceField(
        PromiseStatus.values,
        help_text=_(
            "As it is when read; later changes arrive by webhook (promise.kept, promise.broken)."
        ),
    )
    paid = LenderMoneyOut(
        allow_null=True,
        help_text=_("What was paid towards the promise; null while it is open."),
    )
    settled_on = serializers.DateField(
        allow_null=True, help_text=_("The day the promise was found kept or not; null while open.")
    )
    created_at = serializers.DateTimeField()


class LenderPromisePageOut(serializers.Serializer):
    promises = LenderPromiseOut(many=True, source="items")
    next_cursor = next_cursor_field()
    has_more = has_more_field()


class LenderPaymentReportOut(serializers.Serializer):
    id = serializers.IntegerField(
        help_text=_("The portal's id of the report, as report in payment webhooks.")
    )
    loan_external_id = serializers.CharField()
    loan_reference = serializers.CharField()
    currency = serializers.CharField()
    amount = LenderMoneyOut(help_text=_("What the borrower says they paid."))
    paid_on = serializers.DateField(help_text=_("The day the borrower says they paid."))
    how = serializers.ChoiceField(
        PaymentMethodKind.choices,
        allow_blank=True,
        help_text=_("How the borrower says they paid; empty when they were not sure."),
    )
    details = serializers.CharField(
        allow_blank=True,
        help_text=_(
            "The borrower's own words to help find the payment (the bank it came from, a "
            "receipt number); often empty."
        ),
    )
    reported_on = serializers.DateField(help_text=_("The day the borrower told us."))
    reminders_held_until = serializers.DateField(
        help_text=_(
            "Until this day the portal sends no payment reminders about the loan, while the "
            "payment reaches your ledger and you send it to us."
        )
    )
    status = serializers.ChoiceField(
        PaymentReportStatus.values,
        help_text=_(
            "As it is when read; later changes arrive by webhook (payment.report_arrived, "
            "payment.report_not_found)."
        ),
    )
    found = LenderMoneyOut(
        allow_null=True,
        help_text=_("The payments found towards the report; null while it is open."),
    )
    settled_on = serializers.DateField(
        allow_null=True,
        help_text=_("The day the payment was found or given up on; null while open."),
    )
    created_at = serializers.DateTimeField()


class LenderPaymentReportPageOut(serializers.Serializer):
    payment_reports = LenderPaymentReportOut(many=True, source="items")
    next_cursor = next_cursor_field()
    has_more = has_more_field()
