"""A reminder that asks for a payment says how to pay: the payment reference, the loan's own
ways to pay (its product's, else its lender's), the lender's payment page filled in with the
amount, and the portal's page with all of them. A confirmation that asks for nothing does not."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine

from portal.notifications.models import ContactPreferences, OutboundMessage
from portal.notifications.outbox.planner import plan
from repayment.paying.reference import payment_reference
from repayment.paying.reports import report_payment
from tests.factories import EntryFactory
from tests.repayment.paying.fixtures import bank_transfer, cash, pay_online
from tests.repayment.plan_fixtures import late_loan, today_in

pytestmark = pytest.mark.django_db

MORNING_IN_SHANGHAI = dt.datetime(2026, 6, 10, 2, 0, tzinfo=dt.UTC)


@pytest.fixture
def morning():
    with time_machine.travel(MORNING_IN_SHANGHAI, tick=False):
        yield MORNING_IN_SHANGHAI


def reminders(loan, event="payment_missed"):
    return {
        m.channel: m for m in OutboundMessage.objects.filter(borrower=loan.borrower, event=event)
    }


def test_an_arrears_reminder_carries_the_reference_and_the_lenders_ways_to_pay(morning):
    loan = late_loan(paid=3, late_days=3)
    lender = loan.product.lender
    bank_transfer(lender)
    pay_online(lender)
    ContactPreferences.objects.create(
        borrower=loan.borrower, sms_enabled=True, phone="+86 139 1111 2222"
    )
    plan(morning)
    found = reminders(loan)
    reference = payment_reference(loan.reference)
    email = found["email"].body
    assert f"Your payment reference: {reference}." in email
    assert "Bank transfer: Harbour Town Savings Bank, account name Harbour Community" in email
    # The lender's page, with the reference and the amount the reminder names (one payment late).
    assert f"https://pay.example/?ref={reference}&amount=550.00" in email
    assert f"/en/my/loans/{loan.reference}/pay/" in email
    assert email.index("How to pay") < email.index("Free, independent debt advice")
    # The message centre links within the site; a text message has room for the reference.
    assert f"All the ways to pay: /en/my/loans/{loan.reference}/pay/" in found["in_portal"].body
    assert f"Payment reference: {reference}." in found["sms"].body
    assert "Harbour Town Savings Bank" not in found["sms"].body


def test_a_products_own_ways_to_pay_replace_the_lenders(morning):
    loan = late_loan(paid=3, late_days=3)
    bank_transfer(loan.product.lender)
    cash(loan.product.lender, product=loan.product)
    plan(morning)
    email = reminders(loan)["email"].body
    assert "Pay in cash: Pay in cash at any Harbour Mart store." in email
    assert "Bank transfer" not in email


def test_in_chinese_the_details_are_in_chinese(morning):
    loan = late_loan(paid=3, late_days=3)
    loan.borrower.preferred_language = "zh-hans"
    loan.borrower.save()
    bank_transfer(loan.product.lender)
    cash(loan.product.lender)
    plan(morning)
    email = reminders(loan)["email"].body
    assert "港城储蓄银行" in email
    assert "可在任何一家港城超市用现金还款。" in email
    assert "/zh-hans/my/loans/" in email


def test_a_payment_receipt_asks_for_nothing_and_says_nothing_of_paying(morning):
    loan = late_loan(paid=3, late_days=40)
    bank_transfer(loan.product.lender)
    EntryFactory(loan=loan, kind="payment", amount=Decimal("100.00"), effective_date=today_in())
    plan(morning)
    receipt = reminders(loan, "payment_received")["email"].body
    assert "payment reference" not in receipt.lower()


def test_a_payment_the_borrower_told_us_of_holds_the_reminder(morning):
    loan = late_loan(paid=3, late_days=3)
    today = today_in()
    report_payment(loan=loan, amount="550.00", paid_on=today, today=today)
    plan(morning)
    assert {m.rule for m in reminders(loan).values()} == {"payment_reported"}
    # The confirmation of the report itself went out at once.
    assert reminders(loan, "payment_reported")["in_portal"].rule == "allowed"
