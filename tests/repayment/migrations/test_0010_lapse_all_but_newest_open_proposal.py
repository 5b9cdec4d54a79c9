"""repayment 0010 and 0011: a loan that already has several open proposals keeps its newest
open and the older ones lapse, so the one-open-proposal constraint can be added to a database
that has such loans; loans with one open proposal, and closed proposals, are left alone."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction

from tests.repayment.migrations.migrating import migrate

BEFORE = [("repayment", "0009_backfill_borrower_origin_lender")]
AFTER = [("repayment", "0011_one_open_proposal_per_loan")]




@pytest.mark.django_db(transaction=True)
def test_older_open_proposals_lapse_and_the_newest_stays_open():
    apps = migrate(BEFORE)
    Lender = apps.get_model("repayment", "Lender")
    LoanProduct = apps.get_model("repayment", "LoanProduct")
    Borrower = apps.get_model("repayment", "Borrower")
    Loan = apps.get_model("repayment", "Loan")
    product = LoanProduct.objects.create(
        lender=Lender.objects.create(name="Harbour", phone="+86 400"),
        code="h-1",
        name="Loan",
        currency="CNY",
        installment_frequency="monthly",
        annual_interest_rate=Decimal("18"),
    )
    borrower = Borrower.objects.create(
        external_id="B-1", full_name="B", date_of_birth=dt.date(1985, 4, 12)
    )

    def loan(n):
        return Loan.objects.create(
            borrower=borrower,
            product=product,
            external_id=f"L-{n}",
            reference=f"R-{n}",
            principal=Decimal("100.00"),
            disbursed_on=dt.date(2026, 1, 10),
            first_due_date=dt.date(2026, 2, 10),
            installment_count=1,
            installment_amount=Decimal("100.00"),
        )

    def proposal(on, status, apps=apps):
        budget = apps.get_model("repayment", "Budget").objects.create(
            loan_id=on.pk, answers={}, income=1, spending=0, other_debts=0, available=1
        )
        return (
            apps.get_model("repayment", "Proposal")
            .objects.create(
                loan_id=on.pk,
                budget=budget,
                amount=Decimal("50.00"),
                frequency="monthly",
                start_date=dt.date(2026, 3, 1),
                segment="arrears",
                decision="review",
                status=status,
            )
            .pk
        )

    crowded, single = loan(1), loan(2)
    # Sent to staff, then a new one agreed at once, then an approved one answered later.
    older_in_review = proposal(crowded, "in_review")
    older_approved = proposal(crowded, "approved")
    newest = proposal(crowded, "awaiting_borrower")
    declined = proposal(crowded, "declined")
    only = proposal(single, "in_review")

    apps = migrate(AFTER)

    status = dict(apps.get_model("repayment", "Proposal").objects.values_list("pk", "status"))
    assert status == {
        older_in_review: "lapsed",
        older_approved: "lapsed",
        newest: "awaiting_borrower",
        declined: "declined",
        only: "in_review",
    }
    # And from now on the database holds the rule.
    with pytest.raises(IntegrityError), transaction.atomic():
        proposal(single, "approved", apps=apps)
