"""Loans and their statement: the ``repayment.statements.build.Statement`` value the statement page
renders, as JSON. Context: ``currency``, ``language`` and, for a statement, ``debt_advice``."""

import datetime

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from repayment import position
from repayment.models import EntryKind, Frequency
from repayment.statements.step_labels import step_label

from ..fields import LabelField, MoneyField
from .paying import PaymentReportSerializer
from .promises import PromiseSerializer

STATUSES = (
    position.UP_TO_DATE,
    position.DUE_TODAY,
    position.LATE,
    position.DISPUTED,
    position.ON_PLAN,
    position.PLAN_BEHIND,
    position.PAUSED,
    position.PAID_OFF,
    position.IN_CREDIT,
)


STEP_KINDS = (position.LATE_FEE, position.LENDER_STEP, position.PLAN_ENDS)


class NextDueSerializer(serializers.Serializer):
    date = serializers.DateField()
    amount = MoneyField()


def _product_label(serializer, statement) -> str:
    return statement.product_label(serializer.context["language"])


class LoanSummarySerializer(serializers.Serializer):
    reference = serializers.CharField()
    product_name = serializers.SerializerMethodField(help_text="In the language asked for.")
    currency = serializers.CharField()
    principal = MoneyField()
    balance = MoneyField(source="balance.total", help_text="Everything owed today.")
    amount_due = MoneyField(help_text="What is due now, overdue amounts included.")
    days_past_due = serializers.IntegerField()
    # The statement's status; one enum in the schema, there.
    status = serializers.CharField(help_text=", ".join(STATUSES) + ".")
    next_due = NextDueSerializer(allow_null=True)
    has_active_plan = serializers.SerializerMethodField()
    reminders_held_until = serializers.SerializerMethodField(
        help_text="The borrower has promised to pay, or told us of a payment on its way: no "
        "payment reminders until this day. Null when nothing holds them."
    )

    get_product_name = _product_label

    def get_has_active_plan(self, statement) -> bool:
        return self.context["has_active_plan"]

    def get_reminders_held_until(self, statement) -> datetime.date | None:
        return self.context["word"].held_until


class LenderSerializer(serializers.Serializer):
    name = serializers.CharField()
    phone = serializers.CharField()
    email = serializers.CharField()
    website = serializers.CharField()
    address = serializers.CharField()
    # The first free help service for the borrower's country (``repayment.debt_advice``), in
    # the language asked for: context ``debt_advice``.
    debt_advice_name = serializers.SerializerMethodField(
        help_text="Free, independent help for the borrower's country: the first service."
    )
    debt_advice_url = serializers.SerializerMethodField()
    debt_advice_phone = serializers.SerializerMethodField()

    def get_debt_advice_name(self, lender) -> str:
        return self.context["debt_advice"].debt_advice_name

    def get_debt_advice_url(self, lender) -> str:
        return self.context["debt_advice"].debt_advice_url

    def get_debt_advice_phone(self, lender) -> str:
        return self.context["debt_advice"].debt_advice_phone


class ComponentsSerializer(serializers.Serializer):
    principal = MoneyField()
    interest = MoneyField()
    fees = MoneyField()
    total = MoneyField()


class ItemisationSerializer(serializers.Serializer):
    since = serializers.DateField()
    balance_at_start = MoneyField()
    borrowed = MoneyField()
    interest = MoneyField()
    fees = MoneyField()
    payments = MoneyField()
    credits = MoneyField()
    balance_now = MoneyField()


class HistoryLineSerializer(serializers.Serializer):
    entry_id = serializers.IntegerField(help_text="The ledger entry: what a dispute names.")
    date = serializers.DateField()
    kind = serializers.ChoiceField(choices=EntryKind.choices)
    kind_label = LabelField(EntryKind, source="kind")
    reversed_kind = serializers.CharField(
        help_text="For a correction, the kind of the entry it cancels; empty otherwise."
    )
    description = serializers.CharField()
    change = MoneyField(help_text="Signed change to what is owed: positive raises it.")
    became_due = MoneyField(help_text="For an installment falling due, how much became due.")
    balance = MoneyField(help_text="What is owed after this entry.")
    reversed = serializers.BooleanField(help_text="A later correction cancelled this entry.")


class MilestoneSerializer(serializers.Serializer):
    date = serializers.DateField()
    days_past_due = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=STEP_KINDS)
    explanation = serializers.SerializerMethodField()
    fee = MoneyField(help_text="For a late fee, its amount.")
    happened = serializers.BooleanField()

    def get_explanation(self, milestone) -> str:
        return milestone.explanation(self.context["language"])


class NextPaymentSerializer(serializers.Serializer):
    amount = MoneyField()
    date = serializers.DateField()
    source = serializers.ChoiceField(
        choices=(position.PLAN, position.CONTRACT),
        help_text="plan: the active plan's next payment; contract: the loan's own schedule.",
    )


class NextStepSerializer(serializers.Serializer):
    date = serializers.DateField()
    kind = serializers.ChoiceField(choices=STEP_KINDS)
    label = serializers.SerializerMethodField(help_text="In the language asked for.")

    def get_label(self, step) -> str:
        return step_label(step, self.context["currency"])


class PositionSerializer(serializers.Serializer):
    """What the borrower owes, is asked for now and faces next: the figures every page,
    letter and message shows."""

    status = serializers.ChoiceField(choices=STATUSES)
    amount_due_now = MoneyField(
        source="amount_due",
        help_text="What the borrower is asked to pay now: questioned amounts are held out, on "
        "a plan it is the plan's payments due, during a pause nothing.",
    )
    disputed_amount = MoneyField(help_text="Overdue amounts held out while questioned.")
    days_past_due = serializers.IntegerField(help_text="Paused days are not counted.")
    next_payment = NextPaymentSerializer(allow_null=True)
    plan_state = serializers.ChoiceField(
        choices=("", position.GOOD, position.BEHIND, position.BROKEN),
        help_text="good, behind, broken (the last plan ended unpaid), or empty without a plan.",
    )
    paused_until = serializers.DateField(allow_null=True)
    paid_off_on = serializers.DateField(allow_null=True)
    next_step = NextStepSerializer(
        allow_null=True, help_text="The next consequence step if nothing is paid, or null."
    )


class StatementSerializer(serializers.Serializer):
    reference = serializers.CharField()
    product_name = serializers.SerializerMethodField(help_text="In the language asked for.")
    lender = LenderSerializer()
    currency = serializers.CharField()
    principal = MoneyField()
    opened_on = serializers.DateField()
    installment_amount = MoneyField()
    installment_count = serializers.IntegerField()
    frequency = serializers.ChoiceField(choices=Frequency.values)
    frequency_label = LabelField(Frequency, source="frequency")
    as_of = serializers.DateTimeField()
    today = serializers.DateField(help_text="Today in the borrower's time zone.")
    time_zone = serializers.CharField()
    status = serializers.ChoiceField(choices=STATUSES)
    position = PositionSerializer()
    balance = ComponentsSerializer()
    amount_due = MoneyField()
    days_past_due = serializers.IntegerField()
    oldest_unpaid_due_date = serializers.DateField(allow_null=True)
    next_due = NextDueSerializer(allow_null=True)
    itemisation = ItemisationSerializer()
    history = HistoryLineSerializer(many=True, help_text="Newest first.")
    timeline = MilestoneSerializer(
        many=True, help_text="What happens, and when, if the overdue amount stays unpaid."
    )
    timeline_is_hypothetical = serializers.BooleanField(
        help_text="Nothing is overdue: the timeline shows what would follow a missed payment."
    )
    timeline_steps_passed = serializers.IntegerField()
    promise = serializers.SerializerMethodField(
        help_text="The open promise to pay, as /promises/ gives it, or null."
    )
    payment_report = serializers.SerializerMethodField(
        help_text="The payment the borrower told us of that is on its way, as /payment-reports/ "
        "gives it, or null."
    )

    get_product_name = _product_label

    @extend_schema_field(PromiseSerializer(allow_null=True))
    def get_promise(self, statement):
        promise = self.context["word"].promise
        return None if promise is None else PromiseSerializer(promise, context=self.context).data

    @extend_schema_field(PaymentReportSerializer(allow_null=True))
    def get_payment_report(self, statement):
        report = self.context["word"].report
        return (
            None if report is None else PaymentReportSerializer(report, context=self.context).data
        )
