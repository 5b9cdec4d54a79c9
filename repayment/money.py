"""Money: parsing, rounding and formatting, in one place.

Amounts are ``Decimal`` in the loan's ISO 4217 currency, never ``float``. Rounding happens only
here, with one rule: to the currency's minor unit (CNY and USD 0.01, JPY 1) using banker's
rounding (ROUND_HALF_EVEN), so that rounding many accrued amounts has no upward bias.
"""

from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from functools import lru_cache

from babel import Locale
from babel.numbers import get_currency_precision
from django.utils.translation import gettext as _

ROUNDING = ROUND_HALF_EVEN
ZERO = Decimal("0")

# Django language codes to the CLDR locales Babel formats with.
_BABEL_LOCALES = {"en": "en_US", "zh-hans": "zh_Hans_CN"}


@lru_cache(maxsize=64)
def minor_unit(currency: str) -> Decimal:
    return Decimal(1).scaleb(-get_currency_precision(currency))


def round_money(amount: Decimal, currency: str) -> Decimal:
    return amount.quantize(minor_unit(currency), rounding=ROUNDING)


def parse_money(text: str, currency: str) -> Decimal:
    """Parse an amount the lender sent: plain digits, a dot for decimals, no more decimals than
    the currency has. Raises ValueError with a reason a person can act on."""
    try:
        amount = Decimal(str(text).strip())
    except InvalidOperation:
        raise ValueError(_("not a number")) from None
    if not amount.is_finite():
        raise ValueError(_("not a number"))
    try:
        rounded = round_money(amount, currency)
    except InvalidOperation:  # an exponent such as 1E+999 has more digits than any balance
        raise ValueError(_("too large")) from None
    if amount != rounded:
        raise ValueError(_("more decimal places than %(currency)s has") % {"currency": currency})
    return rounded


@lru_cache(maxsize=8)
def _currency_format(language: str):
    locale = Locale.parse(_BABEL_LOCALES.get(language, "en_US"))
    return locale, locale.currency_formats["standard"]


def format_money(amount: Decimal, currency: str, language: str = "en") -> str:
    """The amount as the language writes money: CN¥1,234.50 in English, ¥1,234.50 in Chinese.
    (What babel.numbers.format_currency does, without parsing the locale on every call.)"""
    locale, pattern = _currency_format(language)
    return pattern.apply(amount, locale, currency=currency)
