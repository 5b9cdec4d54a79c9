"""Amounts and dates on borrower forms: what is wrong is said in plain words, with money as the
site writes it in the loan's currency and a date as the reader's language writes one."""

import datetime as dt
from decimal import Decimal

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation

from repayment.form_fields import MoneyField, PlainDateField, choose_from_list, date_example


def refusal(field, value) -> str:
    with pytest.raises(ValidationError) as refused:
        field.clean(value)
    return " ".join(refused.value.messages)


@pytest.mark.parametrize(
    ("language", "value", "message"),
    [
        ("en", "0", "Enter an amount of at least CN¥0.01."),
        ("en", "-5", "Enter an amount of at least CN¥0.01."),
        ("en", "2000000000", "Enter an amount of no more than CN¥1,000,000,000.00."),
        ("en", "abc", "Enter an amount like CN¥550.50."),
        ("en", "NaN", "Enter an amount like CN¥550.50."),
        ("en", "10.005", "Enter an amount like CN¥550.50."),
        ("en", "", "Enter an amount like CN¥550.50."),
        ("zh-hans", "0", "¥0.01"),
    ],
)
def test_an_amount_is_refused_in_money_words(language, value, message):
    field = MoneyField(currency="CNY", min_value=Decimal("0.01"))
    with translation.override(language):
        assert message in refusal(field, value)


def test_an_amount_in_a_currency_without_cents_says_so():
    field = MoneyField(currency="JPY", min_value=Decimal("1"))

    assert refusal(field, "10.5") == "Enter an amount like ¥550."
    assert field.clean("10") == Decimal("10")


def test_a_good_amount_is_taken_as_written():
    assert MoneyField(currency="CNY").clean("550.50") == Decimal("550.50")


@pytest.mark.parametrize(
    ("language", "example", "asked"),
    [
        ("en", "01/31/2027", "Enter a date like 01/31/2027."),
        ("zh-hans", "2027/01/31", "请输入日期，例如 2027/01/31。"),
    ],
)
def test_a_date_is_asked_for_as_the_readers_language_writes_one_and_read_back(
    language, example, asked
):
    field = PlainDateField(example=dt.date(2027, 1, 31))
    with translation.override(language):
        assert date_example(dt.date(2027, 1, 31)) == example
        assert refusal(field, "31.01.2027 or so") == asked
        assert refusal(field, "") == asked
        assert field.clean(example) == dt.date(2027, 1, 31)


def test_a_choice_not_on_the_list_is_asked_for_again_in_the_forms_words():
    field = choose_from_list(forms.ChoiceField(choices=[("a", "A")]), "Choose how often.")

    assert refusal(field, "z") == "Choose how often."
    assert refusal(field, "") == "Choose how often."
