"""repayment 0009: existing borrowers get the lender of their loans as their origin lender,
only where their loans name exactly one lender."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection

from tests.repayment.migrations.migrating import migrate

BEFORE = [("repayment", "0008_borrower_origin_lender_product_restructuring")]
AFTER = [("repayment", "0009_backfill_borrower_origin_lender")]




@pytest.mark.django_db(transaction=True)
def test_backfill_sets_the_only_lender_of_a_borrowers_loans():
    apps = migrate(BEFORE)
    Lender = apps.get_model("repayment", "Lender")
    LoanProduct = apps.get_model("repayment", "LoanProduct")
    Borrower = apps.get_model("repayment", "Borrower")
    Loan = apps.get_model("repayment", "Loan")
    harbour, other = (Lender.objects.create(name=name, phone="+86 400") for name in "HO")

    def product(lender, code):
        return LoanProduct.objects.create(
            lender=lender,
            code=code,
            name="Loan",
            currency="CNY",
            installment_frequency="monthly",
            annual_interest_rate=Decimal("18"),
        )

    harbour_1, harbour_2, other_1 = (
        product(harbour, "h-1"),
        product(harbour, "h-2"),
        product(other, "o-1"),
    )

    def borrower(external_id, *loan_products):
        row = Borrower.objects.create(
            external_id=external_id, full_name=external_id, date_of_birth=dt.date(1985, 4, 12)
        )
        for n, loan_product in enumerate(loan_products):
            Loan.objects.create(
                borrower=row,
                product=loan_product,
                external_id=f"L-{external_id}-{n}",
                reference=f"R-{external_id}-{n}",
                principal=Decimal("100.00"),
                disbursed_on=dt.date(2026, 1, 10),
                first_due_date=dt.date(2026, 2, 10),
                installment_count=1,
                installment_amount=Decimal("100.00"),
            )
        return row.pk

    one_lender = borrower("B-ONE", harbour_1, harbour_2)
    other_only = borrower("B-OTHER", other_1)
    shared = borrower("B-SHARED", harbour_1, other_1)
    no_loans = borrower("B-NONE")

    apps = migrate(AFTER)

    origin = dict(
        apps.get_model("repayment", "Borrower").objects.values_list("pk", "origin_lender_id")
    )
    assert origin == {
        one_lender: harbour.pk,
        other_only: other.pk,
        shared: None,
        no_loans: None,
    }
