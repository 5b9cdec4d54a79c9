"""The "Pay" action and the page it leads to: the borrower's own loans only, the amount the
position asks for, the methods the lender set, and no demand on a loan paid off or paused."""

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import translation

from repayment.paying.reference import payment_reference
from tests.repayment import test_one_position as states

from .fixtures import bank_transfer, cash, pay_online

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _noon_in_shanghai():
    with time_machine.travel(states.NOON_SHANGHAI, tick=False):
        yield


def _client(loan) -> Client:
    client = Client()
    client.force_login(loan.borrower.user)
    return client


def _page(loan, name, language="en", client=None):
    with translation.override(language):
        address = reverse(name, args=[loan.reference]) if name != "borrower_home" else reverse(name)
    response = (client or _client(loan)).get(address)
    assert response.status_code == 200
    return response.content.decode()


def _pay_address(loan):
    with translation.override("en"):
        return reverse("loan_pay", args=[loan.reference])


@pytest.mark.parametrize("name", ["borrower_home", "loan_statement"])
def test_a_late_loan_shows_pay_with_the_amount_due_near_the_top(name):
    loan = states.late()
    html = _page(loan, name)
    assert f'href="{_pay_address(loan)}"' in html
    assert "Pay CN¥1,130.00" in html
    # Right after the amount due, before the loan's details: on a phone, in the first screen.
    # Before the loans' details: on a phone, in the first screen (tests/e2e/test_pay.py).
    first_detail = 'class="loan-list"' if name == "borrower_home" else "days past due"
    assert html.index("Pay CN¥1,130.00") < html.index(first_detail)


@pytest.mark.parametrize("name", ["borrower_home", "loan_statement"])
def test_a_loan_up_to_date_offers_how_to_pay_its_next_payment_without_a_demand(name):
    loan = states.up_to_date()
    html = _page(loan, name)
    assert f'href="{_pay_address(loan)}"' in html
    assert ">How to pay</a>" in html


def test_with_two_loans_each_pay_button_names_its_loan():
    loan = states.late()
    other = states.up_to_date()
    other.borrower = loan.borrower
    other.save()
    html = _page(loan, "borrower_home")
    assert f"Pay CN¥1,130.00 for loan {loan.reference}" in html
    assert f"How to pay loan {other.reference}" in html
    assert f'href="{_pay_address(other)}"' in html


@pytest.mark.parametrize("make", [states.paid_off, states.paused])
@pytest.mark.parametrize("name", ["borrower_home", "loan_statement"])
def test_no_pay_on_a_loan_paid_off_or_paused(make, name):
    loan = make()
    html = _page(loan, name)
    assert _pay_address(loan) not in html


def test_the_pay_page_lists_the_lenders_methods_with_the_amount_and_reference():
    loan = states.late()
    bank_transfer(loan.product.lender, order=1)
    pay_online(loan.product.lender, order=2)
    html = _page(loan, "loan_pay")
    reference = payment_reference(loan.reference)
    assert "Amount to pay now: CN¥1,130.00" in html
    assert f'id="payment-reference">{reference}</strong>' in html
    assert "6222 0000 1234 5678" in html
    assert f"https://pay.example/?ref={reference}&amp;amount=1130.00" in html
    assert html.index("Bank transfer") < html.index("Pay online")
    # The copy button waits for the script: without it, the reference is text to select.
    assert 'data-copy="payment-reference"' in html
    assert "js/copy-reference" in html


def test_the_pay_page_in_chinese_shows_the_chinese_wording():
    loan = states.late()
    cash(loan.product.lender)
    bank_transfer(loan.product.lender)
    html = _page(loan, "loan_pay", language="zh-hans")
    assert "可在任何一家港城超市用现金还款。" in html
    assert "港城储蓄银行" in html


def test_the_pay_page_shows_the_products_own_methods_instead_of_the_lenders():
    loan = states.late()
    bank_transfer(loan.product.lender)
    pay_online(loan.product.lender, product=loan.product)
    html = _page(loan, "loan_pay")
    assert "pay.example" in html
    assert "6222 0000 1234 5678" not in html


def test_without_methods_the_pay_page_says_to_call():
    loan = states.late()
    html = _page(loan, "loan_pay")
    assert "Call us and we will tell you how to pay." in html
    assert 'href="tel:' in html


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (states.paid_off, "There is nothing to pay on this loan."),
        (states.paused, "Payments are paused until"),
    ],
)
def test_the_pay_page_asks_nothing_of_a_loan_paid_off_or_paused(make, words):
    loan = make()
    bank_transfer(loan.product.lender)
    html = _page(loan, "loan_pay")
    assert words in html
    assert payment_reference(loan.reference) not in html
    assert "6222 0000 1234 5678" not in html


def test_another_borrowers_loan_is_not_found():
    loan = states.late()
    stranger = states.up_to_date()
    response = _client(stranger).get(_pay_address(loan))
    assert response.status_code == 404


def test_signed_out_the_pay_page_asks_to_sign_in():
    loan = states.late()
    response = Client().get(_pay_address(loan))
    assert response.status_code == 302
    assert payment_reference(loan.reference) not in response.content.decode()


def test_the_plan_page_shows_how_to_pay_the_plan_payment():
    loan = states.plan_behind()
    bank_transfer(loan.product.lender)
    html = _page(loan, "loan_plan")
    assert "Amount to pay now: CN¥400.00" in html
    assert payment_reference(loan.reference) in html


def test_the_statement_pdf_shows_how_to_pay(tmp_path):
    from tests.repayment.statements.test_pdf import _text

    loan = states.late()
    bank_transfer(loan.product.lender)
    pay_online(loan.product.lender)
    with translation.override("en"):
        address = reverse("loan_statement_pdf", args=[loan.reference])
    text = _text(_client(loan).get(address).content)
    reference = payment_reference(loan.reference)
    assert "How to pay" in text
    assert reference in text
    assert "6222 0000 1234 5678" in text
    assert f"https://pay.example/?ref={reference}&amount=1130.00" in text
    assert "Copy" not in text
