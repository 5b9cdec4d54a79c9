"""Offers, proposals and plans. Context: ``currency``."""

from rest_framework import serializers

from repayment.models import (
    Decision,
    Frequency,
    PlanKind,
    PlanStatus,
    ProposalStatus,
    StaffDecision,
)
from repayment.plans import payments_matched as progress

from ..fields import LabelField, MoneyField

INSTALLMENT_STATES = (
    progress.PAID,
    progress.PART_PAID,
    progress.DUE,
    progress.LATE,
    progress.MISSED,
)


class InstallmentSerializer(serializers.Serializer):
    due_date = serializers.DateField()
    amount = MoneyField()


class PlanTermsSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=PlanKind.choices)
    kind_label = LabelField(PlanKind, source="kind")
    frequency = serializers.ChoiceField(choices=Frequency.values)
    frequency_label = LabelField(Frequency, source="frequency")
    installments = InstallmentSerializer(many=True)
    count = serializers.IntegerField()
    total = MoneyField()
    covers_overdue = MoneyField(help_text="How much of what is overdue today the plan pays off.")
    discount = MoneyField(help_text="Settlement only: written off when the plan is kept.")
    extra_interest = MoneyField(
        help_text="Roughly, the extra interest the loan charges because the overdue amount is "
        "paid later. Not part of the installments: it is added to the loan's balance."
    )


class OfferSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Stable for the day; accept the offer by it.")
    name = serializers.CharField(
        help_text="The offer's name, saying how it differs from the others (how many "
        "payments, over how long)."
    )
    terms = PlanTermsSerializer()


class UnavailableSerializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=("active_plan", "plan_limit", "none_fits"))
    message = serializers.CharField()


class OffersSerializer(serializers.Serializer):
    reference = serializers.CharField()
    currency = serializers.CharField()
    amount_due = MoneyField()
    offers = OfferSerializer(many=True)
    unavailable = UnavailableSerializer(
        allow_null=True, help_text="Why there are no offers; null when there are some."
    )
    active_plan = serializers.IntegerField(allow_null=True, help_text="The plan in place, if any.")
    can_propose = serializers.BooleanField(
        help_text="The borrower may propose their own plan: no plan is in place, and no "
        "proposal is waiting for a person's answer."
    )


class ProposalSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="proposal.pk")
    reference = serializers.CharField()
    amount = MoneyField(source="proposal.amount")
    frequency = serializers.ChoiceField(choices=Frequency.values, source="proposal.frequency")
    start_date = serializers.DateField(source="proposal.start_date")
    decision = serializers.ChoiceField(
        choices=Decision.choices,
        source="proposal.decision",
        help_text=(
            "accepted: agreed as proposed; countered: the nearest plan we can agree; review: "
            "a person answers by review_due_at."
        ),
    )
    decision_label = LabelField(Decision, source="proposal.decision")
    reasons = serializers.ListField(child=serializers.CharField(), help_text="In plain words.")
    status = serializers.ChoiceField(choices=ProposalStatus.choices, source="proposal.status")
    status_label = LabelField(ProposalStatus, source="proposal.status")
    staff_decision = serializers.ChoiceField(
        choices=[("", ""), *StaffDecision.choices], source="proposal.staff_decision"
    )
    staff_note = serializers.CharField(source="proposal.staff_note")
    review_due_at = serializers.DateTimeField(source="proposal.review_due_at", allow_null=True)
    terms = PlanTermsSerializer(
        allow_null=True, help_text="The plan to confirm; null while a person looks at it."
    )
    can_accept = serializers.BooleanField(
        help_text="POST .../proposals/{id}/accept/ would set this plan up now."
    )
    plan = serializers.IntegerField(allow_null=True, help_text="The plan it became, if any.")
    created_at = serializers.DateTimeField(source="proposal.created_at")


class InstallmentProgressSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    due_date = serializers.DateField()
    amount = MoneyField()
    paid = MoneyField()
    left = MoneyField()
    state = serializers.ChoiceField(choices=INSTALLMENT_STATES)


class ProgressSerializer(serializers.Serializer):
    paid_total = MoneyField()
    paid_count = serializers.IntegerField()
    count = serializers.IntegerField()
    percent = serializers.IntegerField()
    complete = serializers.BooleanField()
    next_payment = InstallmentProgressSerializer(allow_null=True)
    installments = InstallmentProgressSerializer(many=True)


class PlanSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="plan.pk")
    reference = serializers.CharField(help_text="The loan's reference.")
    currency = serializers.CharField()
    # A plan's kinds are its terms' kinds; one enum in the schema, there.
    kind = serializers.CharField(source="plan.kind", help_text="As in PlanTerms.")
    kind_label = LabelField(PlanKind, source="plan.kind")
    status = serializers.ChoiceField(choices=PlanStatus.choices, source="plan.status")
    status_label = LabelField(PlanStatus, source="plan.status")
    frequency = serializers.ChoiceField(choices=Frequency.values, source="plan.frequency")
    total = MoneyField(source="plan.total")
    covers_overdue = MoneyField(source="plan.covers_overdue")
    discount = MoneyField(source="plan.discount")
    starts_on = serializers.DateField(source="plan.starts_on")
    ended_on = serializers.DateField(source="plan.ended_on", allow_null=True)
    accepted_at = serializers.DateTimeField(source="plan.accepted_at")
    progress = ProgressSerializer()
