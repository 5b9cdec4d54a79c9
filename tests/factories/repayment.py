import datetime as dt
from decimal import Decimal

import factory

from repayment.models import (
    Borrower,
    Budget,
    ConsequenceMilestone,
    LedgerEntry,
    Lender,
    Loan,
    LoanProduct,
    Plan,
    Proposal,
)

from .base import ModelFactory


class LenderFactory(ModelFactory):
    class Meta:
        model = Lender

    name = "Harbour Community Finance"
    phone = "+86 400 800 1234"
    email = "help@harbour.example"


class LoanProductFactory(ModelFactory):
    class Meta:
        model = LoanProduct

    lender = factory.SubFactory(LenderFactory)
    code = factory.Sequence(lambda n: f"product-{n}")
    name = "Small business loan"
    name_zh_hans = "小微经营贷"
    currency = "CNY"
    installment_frequency = "monthly"
    annual_interest_rate = Decimal("18.0")
    interest_method = "declining"
    day_count_basis = "actual/365"
    grace_days = 5
    late_fee_fixed = Decimal("30.00")
    late_fee_percent = Decimal("0")


class MilestoneFactory(ModelFactory):
    class Meta:
        model = ConsequenceMilestone

    product = factory.SubFactory(LoanProductFactory)
    days_past_due = 30
    explanation = "We report the missed payment to the credit bureau."
    explanation_zh_hans = "我们会将逾期记录报送征信机构。"


class BorrowerFactory(ModelFactory):
    class Meta:
        model = Borrower

    external_id = factory.Sequence(lambda n: f"B-{n:05d}")
    full_name = factory.Sequence(lambda n: f"Borrower {n}")
    email = factory.Sequence(lambda n: f"borrower{n}@example.com")
    phone = "+86 138 0000 0000"
    date_of_birth = dt.date(1985, 4, 12)
    preferred_language = "en"
    time_zone = "Asia/Shanghai"


class LoanFactory(ModelFactory):
    class Meta:
        model = Loan

    borrower = factory.SubFactory(BorrowerFactory)
    product = factory.SubFactory(LoanProductFactory)
    external_id = factory.Sequence(lambda n: f"L-{n:06d}")
    reference = factory.Sequence(lambda n: f"HCF-{n:06d}")
    principal = Decimal("6000.00")
    disbursed_on = dt.date(2026, 1, 10)
    first_due_date = dt.date(2026, 2, 10)
    installment_count = 12
    installment_amount = Decimal("550.00")


class EntryFactory(ModelFactory):
    class Meta:
        model = LedgerEntry

    loan = factory.SubFactory(LoanFactory)
    external_id = factory.Sequence(lambda n: f"E-{n:07d}")
    kind = "payment"
    effective_date = dt.date(2026, 2, 10)
    amount = Decimal("100.00")
    source = "lender"


class BudgetFactory(ModelFactory):
    class Meta:
        model = Budget

    loan = factory.SubFactory(LoanFactory)
    answers = factory.LazyFunction(dict)
    income = Decimal("2400.00")
    spending = Decimal("1450.00")
    other_debts = Decimal("250.00")
    available = Decimal("700.00")


class ProposalFactory(ModelFactory):
    """A proposal waiting for staff."""

    class Meta:
        model = Proposal

    loan = factory.SubFactory(LoanFactory)
    budget = factory.SubFactory(BudgetFactory, loan=factory.SelfAttribute("..loan"))
    amount = Decimal("300.00")
    frequency = "monthly"
    start_date = dt.date(2026, 3, 1)
    segment = "arrears"
    decision = "review"
    status = "in_review"


class PlanFactory(ModelFactory):
    class Meta:
        model = Plan

    loan = factory.SubFactory(LoanFactory)
    kind = "spread"
    segment = "arrears"
    frequency = "monthly"
    total = Decimal("660.00")
    covers_overdue = Decimal("660.00")
    starts_on = dt.date(2026, 3, 1)
    idempotency_key = factory.Sequence(lambda n: f"plan-{n}")
