"""The dispute page shows the ledger around the disputed entry (every entry 30 days either
side, payments among them) and, for a disputed fee, the product's rule that produced it."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from repayment.hardship.disputes import open_dispute
from repayment.money import format_money
from repayment.statements.cache import statement_for
from tests.factories import EntryFactory, LoanProductFactory
from tests.repayment.plan_fixtures import late_loan

pytestmark = pytest.mark.django_db
D = Decimal


def page(client, dispute) -> str:
    return client.get(reverse("support:dispute", args=[dispute.pk])).content.decode()


def test_payments_within_thirty_days_either_side_are_shown(supervisor_client):
    loan = late_loan(paid=3, late_days=45)
    entry = loan.entries.filter(kind="installment_due").order_by("effective_date")[3]
    EntryFactory(
        loan=loan,
        kind="payment",
        amount=D("123.45"),
        effective_date=entry.effective_date - dt.timedelta(days=29),
        description="Cash at the branch",
    )
    EntryFactory(
        loan=loan,
        kind="payment",
        amount=D("67.89"),
        effective_date=entry.effective_date + dt.timedelta(days=30),
    )
    EntryFactory(
        loan=loan,
        kind="payment",
        amount=D("98.76"),
        effective_date=entry.effective_date - dt.timedelta(days=31),
    )
    dispute = open_dispute(loan=loan, entry=entry, message="I paid on the due date.")

    html = page(supervisor_client, dispute)

    assert "The ledger around the entry" in html
    section = html[html.index("The ledger around the entry") :]
    assert "123.45" in section and "Cash at the branch" in section
    assert "67.89" in section
    assert "98.76" not in section  # 31 days before: outside the window
    assert "Disputed" in section
    assert section.index("123.45") < section.index("Disputed") < section.index("67.89")


def test_no_payment_in_the_window_is_said_plainly(supervisor_client):
    loan = late_loan(paid=0, late_days=45)
    entry = loan.entries.filter(kind="installment_due").order_by("effective_date").first()
    dispute = open_dispute(loan=loan, entry=entry, message="I paid on the due date.")
    assert ": 0 payments." in page(supervisor_client, dispute)


def test_a_disputed_fee_shows_the_rule_that_produced_it(supervisor_client):
    product = LoanProductFactory(
        grace_days=5, late_fee_fixed=D("20.00"), late_fee_percent=D("2.5"), late_fee_cap=D("40")
    )
    loan = late_loan(product=product)
    due = loan.entries.filter(kind="installment_due").order_by("effective_date")[3]
    EntryFactory(
        loan=loan,
        kind="installment_due",
        amount=D("550.00"),
        effective_date=due.effective_date,
        external_id="svc:installment:4",
    )
    fee = EntryFactory(
        loan=loan,
        kind="fee",
        amount=D("33.75"),
        effective_date=due.effective_date + dt.timedelta(days=6),
        external_id="svc:late-fee:4",
    )
    dispute = open_dispute(loan=loan, entry=fee, message="Why this fee?")

    html = page(supervisor_client, dispute)

    assert "The fee rule that produced this fee" in html
    assert "2.5% of the missed installment" in html
    assert "40.00" in html  # the most for one installment
    assert "5 days after the due date" in html
    assert "Number 4" in html
    assert "The portal&#x27;s servicing" in html or "The portal's servicing" in html


def test_an_installment_dispute_shows_no_fee_rule(supervisor_client):
    loan = late_loan()
    entry = loan.entries.filter(kind="installment_due").first()
    dispute = open_dispute(loan=loan, entry=entry, message="Wrong amount")
    assert "The fee rule that produced this fee" not in page(supervisor_client, dispute)


def test_the_lines_read_as_the_borrowers_statement_reads_them(supervisor_client):
    """Signed as the borrower sees them (a payment lowers what is owed), with the balance after
    each line, from the same statement."""
    loan = late_loan(paid=3, late_days=45)
    entry = loan.entries.filter(kind="installment_due").order_by("effective_date")[3]
    payment = EntryFactory(
        loan=loan, kind="payment", amount=D("123.45"), effective_date=entry.effective_date
    )
    dispute = open_dispute(loan=loan, entry=entry, message="I paid on the due date.")
    line = next(h for h in statement_for(loan=loan).history if h.entry_id == payment.pk)

    section = page(supervisor_client, dispute).split("The ledger around the entry", 1)[1]

    assert f"− {format_money(D('123.45'), loan.currency, 'en')}" in section
    assert f"owed: {format_money(line.balance, loan.currency, 'en')}" in section
