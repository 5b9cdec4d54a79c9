"""Which ways to pay a loan shows, what it asks to be paid, and what staff cannot save."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError

from repayment.models import PaymentMethod, PaymentMethodKind
from repayment.paying.links import link_template_problems, payment_link
from repayment.paying.methods import methods_for, pay_request
from repayment.statements.cache import statement_for
from tests.factories import LenderFactory, LoanProductFactory
from tests.repayment import test_one_position as states

from .fixtures import bank_transfer, cash, pay_online

pytestmark = pytest.mark.django_db

D = Decimal


def _kinds(product):
    return [m.kind for m in methods_for(product_id=product.pk, lender_id=product.lender_id)]


def test_a_product_without_methods_of_its_own_shows_its_lenders_in_order():
    product = LoanProductFactory()
    cash(product.lender, order=2)
    bank_transfer(product.lender, order=1)
    bank_transfer(LenderFactory(name="Another lender"))  # not this loan's lender
    assert _kinds(product) == ["bank_transfer", "cash"]


def test_a_products_own_methods_replace_the_lenders():
    product = LoanProductFactory()
    other = LoanProductFactory(lender=product.lender)
    bank_transfer(product.lender)
    pay_online(product.lender, product=product)
    assert _kinds(product) == ["payment_link"]
    assert _kinds(other) == ["bank_transfer"]


def test_methods_not_shown_to_borrowers_are_left_out():
    product = LoanProductFactory()
    bank_transfer(product.lender)
    pay_online(product.lender, product=product, active=False)
    assert _kinds(product) == ["bank_transfer"]


@time_machine.travel(states.NOON_SHANGHAI, tick=False)
@pytest.mark.parametrize(
    ("make", "amount", "day", "due_now"),
    [
        (states.late, "1130.00", dt.date(2026, 5, 20), True),
        (states.plan_behind, "400.00", dt.date(2026, 5, 20), True),
        (states.up_to_date, "550.00", dt.date(2026, 6, 10), False),
        (states.on_plan, "400.00", dt.date(2026, 6, 15), False),
    ],
)
def test_what_to_pay_is_what_the_position_asks(make, amount, day, due_now):
    asked = pay_request(statement_for(loan=make()).position)
    assert (asked.amount, asked.date, asked.due_now) == (D(amount), day, due_now)


@time_machine.travel(states.NOON_SHANGHAI, tick=False)
@pytest.mark.parametrize("make", [states.paid_off, states.paused])
def test_nothing_is_asked_of_a_loan_paid_off_or_paused(make):
    assert pay_request(statement_for(loan=make()).position) is None


def test_the_payment_link_carries_the_reference_and_amount_quoted():
    link = payment_link(
        "https://pay.example/?ref={reference}&amount={amount}",
        reference="LN0042&X",
        amount=D("1130"),
    )
    assert link == "https://pay.example/?ref=LN0042%26X&amount=1130.00"


@pytest.mark.parametrize(
    ("template", "problem"),
    [
        ("http://pay.example/?ref={reference}", "https://"),
        ("javascript:alert(1)//{reference}", "https://"),
        ("https://pay.example/?ref={ref}", "Unknown placeholder: {ref}"),
        ("https://pay.example/?amount={amount}", "Add {reference}"),
        ("https://pay.example/?ref={reference", "is not closed"),
        ("https://pay.example/?ref={reference!r}", "with nothing else"),
    ],
)
def test_a_payment_page_address_that_would_not_work_is_refused(template, problem):
    assert any(problem in text for text in link_template_problems(template))


def test_a_good_payment_page_address_passes():
    assert link_template_problems("https://pay.example/?ref={reference}&amount={amount}") == []


def _unsaved(**fields):
    product = fields.pop("product", None)
    lender = fields.pop("lender", None) or (product.lender if product else LenderFactory())
    return PaymentMethod(lender=lender, product=product, **fields)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"kind": PaymentMethodKind.BANK_TRANSFER, "account_name": "Harbour"}, "account_number"),
        ({"kind": PaymentMethodKind.PAYMENT_LINK}, "link_template"),
        ({"kind": PaymentMethodKind.CASH}, "instructions"),
        (
            {"kind": PaymentMethodKind.AUTO_DEBIT, "instructions": "We take it on the due date."},
            "instructions_zh_hans",
        ),
    ],
)
def test_a_method_missing_what_borrowers_need_is_refused(fields, field):
    with pytest.raises(ValidationError) as refused:
        _unsaved(**fields).full_clean()
    assert field in refused.value.message_dict


def test_a_product_of_another_lender_is_refused():
    method = _unsaved(
        lender=LenderFactory(name="Another lender"),
        product=LoanProductFactory(),
        kind=PaymentMethodKind.PAYMENT_LINK,
        link_template="https://pay.example/?ref={reference}",
    )
    with pytest.raises(ValidationError) as refused:
        method.full_clean()
    assert "product" in refused.value.message_dict
