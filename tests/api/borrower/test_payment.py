"""How to pay a loan through the API: what the pay page shows, the same amount, reference and
lender's methods, in the borrower's language, and no demand on a loan paid off or paused."""

import pytest
import time_machine
from rest_framework.test import APIClient

from repayment.paying.reference import payment_reference
from tests.repayment import test_one_position as states
from tests.repayment.paying.fixtures import bank_transfer, cash, pay_online

from .conftest import loan_url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _noon_in_shanghai():
    with time_machine.travel(states.NOON_SHANGHAI, tick=False):
        yield


def how_to_pay(loan, client=None, **headers):
    if client is None:
        client = APIClient()
        client.force_authenticate(loan.borrower.user)
    response = client.get(loan_url(loan, "payment/"), **headers)
    assert response.status_code == 200
    return response.json()


def test_the_amount_due_the_reference_and_the_lenders_methods_in_order():
    loan = states.late()
    bank_transfer(loan.product.lender, order=1)
    pay_online(loan.product.lender, order=2)

    answer = how_to_pay(loan)

    reference = payment_reference(loan.reference)
    assert answer["payment_reference"] == reference
    assert (answer["amount"], answer["date"], answer["due_now"]) == ("1130.00", "2026-05-20", True)
    assert (answer["currency"], answer["message"]) == ("CNY", None)
    bank, online = answer["methods"]
    assert bank == {
        "kind": "bank_transfer",
        "label": "Bank transfer",
        "account_name": "Harbour Community Finance Ltd.",
        "account_number": "6222 0000 1234 5678",
        "bank": "Harbour Town Savings Bank",
        "link": "",
        "instructions": "",
    }
    assert (online["kind"], online["label"]) == ("payment_link", "Pay online")
    assert online["link"] == f"https://pay.example/?ref={reference}&amount=1130.00"


def test_a_products_own_methods_replace_the_lenders():
    loan = states.late()
    bank_transfer(loan.product.lender)
    pay_online(loan.product.lender, product=loan.product)

    methods = how_to_pay(loan)["methods"]

    assert [method["kind"] for method in methods] == ["payment_link"]


def test_another_products_methods_are_not_shown():
    loan = states.late()
    other = states.late()
    other.product.lender = loan.product.lender
    other.product.save()
    cash(loan.product.lender, product=other.product)
    bank_transfer(loan.product.lender)

    methods = how_to_pay(loan)["methods"]

    assert [method["kind"] for method in methods] == ["bank_transfer"]


def test_a_loan_up_to_date_is_told_its_next_payment_not_a_demand():
    loan = states.up_to_date()
    bank_transfer(loan.product.lender)

    answer = how_to_pay(loan)

    assert (answer["amount"], answer["date"], answer["due_now"]) == ("550.00", "2026-06-10", False)
    assert len(answer["methods"]) == 1


def test_nothing_is_asked_of_a_paid_off_loan():
    loan = states.paid_off()
    bank_transfer(loan.product.lender)

    answer = how_to_pay(loan)

    assert (answer["amount"], answer["date"], answer["due_now"]) == (None, None, False)
    assert answer["message"] == "There is nothing to pay on this loan."
    assert answer["methods"] == []


def test_nothing_is_asked_during_a_pause_and_it_says_until_when():
    loan = states.paused()
    bank_transfer(loan.product.lender)

    answer = how_to_pay(loan)

    assert answer["amount"] is None
    assert answer["message"].startswith("Payments are paused until")
    assert "2026" in answer["message"]
    assert answer["methods"] == []


def test_in_chinese_the_lenders_chinese_words_are_shown():
    loan = states.late()
    bank_transfer(loan.product.lender)
    cash(loan.product.lender)

    bank, in_cash = how_to_pay(loan, HTTP_ACCEPT_LANGUAGE="zh-hans")["methods"]

    assert (bank["label"], bank["bank"]) == ("银行转账", "港城储蓄银行")
    assert in_cash["instructions"] == "可在任何一家港城超市用现金还款。"


def test_the_borrowers_preferred_language_is_used_without_accept_language():
    loan = states.paid_off()
    loan.borrower.preferred_language = "zh-hans"
    loan.borrower.save()

    assert how_to_pay(loan)["message"] == "这笔贷款没有需要还的钱。"


def test_another_borrowers_loan_is_not_found():
    loan = states.late()
    other = states.late()
    bank_transfer(other.product.lender)
    client = APIClient()
    client.force_authenticate(loan.borrower.user)

    response = client.get(loan_url(other, "payment/"))

    assert response.status_code == 404
    assert payment_reference(other.reference) not in response.content.decode()
