"""No borrower form answers in Django's developer wording ("Ensure this value is greater than
or equal to 0.01.", "Enter a valid date.", "Select a valid choice."): every visible field of
every form a borrower fills in is given empty, wrong, negative, huge and overlong values."""

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import translation

from portal.accounts.forms import LinkByDetailsForm
from portal.notifications.forms import PreferencesForm
from repayment.hardship.forms import DisputeForm, PauseForm
from repayment.models import PauseReason
from repayment.plans.forms import (
    BudgetForm,
    ConfirmForm,
    MovePaymentForm,
    PaydayForm,
    ProposalForm,
)
from repayment.statements.forms import HistoryFilterForm

TODAY = dt.date(2026, 5, 20)
LOAN = SimpleNamespace(
    disbursed_on=dt.date(2026, 1, 10), borrower=SimpleNamespace(time_zone="Asia/Shanghai")
)
FORMS = {
    "budget": lambda data: BudgetForm(data, currency="CNY"),
    "proposal": lambda data: ProposalForm(
        data, today=TODAY, latest_start_days=30, balance=Decimal("1000"), currency="CNY"
    ),
    "confirm": lambda data: ConfirmForm(data),
    "move a payment": lambda data: MovePaymentForm(data, payments=[(1, "10 June")]),
    "payday": lambda data: PaydayForm(data, monthly=True),
    "pause": lambda data: PauseForm(data, max_days=60, reasons=PauseReason.choices),
    "dispute": lambda data: DisputeForm(data, entries=[(1, "A fee")]),
    "statement period": lambda data: HistoryFilterForm(data, loan=LOAN, today=TODAY),
    "contact preferences": lambda data: PreferencesForm(
        data,
        profiles=[],
        window=None,
        default_email="",
        default_phone="",
        current_time_zone="Asia/Shanghai",
    ),
    "link by details": lambda data: LinkByDetailsForm(data),
}
VALUES = ("", "abc", "-1", "0", "99999999999999", "x" * 3000, "2030-13-45", "1.2345")
# Django's own messages (its msgids), found in the page's language by their words before the
# first placeholder.
DJANGO_MESSAGES = (
    "This field is required.",
    "Enter a number.",
    "Enter a whole number.",
    "Enter a valid date.",
    "Enter a valid email address.",
    "Enter a valid value.",
    "Select a valid choice. %(value)s is not one of the available choices.",
    "Ensure this value is greater than or equal to %(limit_value)s.",
    "Ensure this value is less than or equal to %(limit_value)s.",
    "Ensure that there are no more than %(max)s decimal place.",
    "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
)
PLURAL = {
    "Ensure that there are no more than %(max)s decimal place.": (
        "Ensure that there are no more than %(max)s decimal places."
    ),
    "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).": (
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d)."
    ),
}


def djangos_words() -> list[str]:
    words = []
    for message in DJANGO_MESSAGES:
        if message in PLURAL:
            translated = translation.ngettext(message, PLURAL[message], 2)
        else:
            translated = translation.gettext(message)
        words.append(translated.split("%(")[0].strip())
    return words


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("name", list(FORMS))
def test_no_borrower_form_answers_in_djangos_wording(name, language):
    make = FORMS[name]
    fields = [field.name for field in make(None).visible_fields()]
    said = []
    with translation.override(language):
        django = djangos_words()
        for value in VALUES:
            form = make(dict.fromkeys(fields, value))
            form.is_valid()
            said += [str(message) for field in fields for message in form.errors.get(field, [])]
    assert said  # every form refused something
    for message in said:
        assert not any(words in message for words in django), (name, message)
