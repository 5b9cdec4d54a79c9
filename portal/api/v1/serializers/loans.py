"""Loans and their statement: the ``repayment.statements.build.Statement`` value the statement page
renders, as JSON. Context: ``currency`` and ``language``."""

from rest_framework import serializers

from repayment.models import EntryKind, Frequency

from ..fields import LabelField, MoneyField

STATUSES = ("up_to_date", "due_today", "late", "paid_off", "in_credit")


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
    status = serializers.CharField(help_text="up_to_date, due_today, late, paid_off or in_credit.")
    next_due = NextDueSerializer(allow_null=True)
    has_active_plan = serializers.SerializerMethodField()

    get_product_name = _product_label

    def get_has_active_plan(self, statement) -> bool:
        return self.context["has_active_plan"]


class LenderSerializer(serializers.Serializer):
    name = serializers.CharField()
    phone = serializers.CharField()
    email = serializers.CharField()
    website = serializers.CharField()
    address = serializers.CharField()
    debt_advice_name = serializers.CharField()
    debt_advice_url = serializers.CharField()
    debt_advice_phone = serializers.CharField()


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
    kind = serializers.ChoiceField(choices=("late_fee", "lender"))
    explanation = serializers.SerializerMethodField()
    fee = MoneyField(help_text="For a late fee, its amount.")
    happened = serializers.BooleanField()

    def get_explanation(self, milestone) -> str:
        return milestone.explanation(self.context["language"])


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

    get_product_name = _product_label
