"""Income and expenditure, in the groups of the UK Standard Financial Statement (SFS), the
budget format UK lenders and free debt advisers share, so a borrower who has done one with an
adviser can copy it across.

Amounts are entered for the period the borrower thinks in (week, fortnight or month) and kept
as monthly figures. What is left each month after essential spending and other debt payments is
what a plan can afford.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from ..models import Frequency
from ..money import ZERO, round_money

INCOME, FIXED, FLEXIBLE, DEBTS = "income", "fixed", "flexible", "debts"

PERIODS_PER_YEAR = {Frequency.WEEKLY: 52, Frequency.FORTNIGHTLY: 26, Frequency.MONTHLY: 12}


@dataclass(frozen=True, slots=True)
class Category:
    code: str
    group: str
    label: str
    hint: str


CATEGORIES: tuple[Category, ...] = (
    Category("earnings", INCOME, _("Pay from work"), _("After tax, for you and a partner")),
    Category("benefits", INCOME, _("Benefits and allowances"), _("Any government support")),
    Category("pensions", INCOME, _("Pensions"), ""),
    Category("other_income", INCOME, _("Other income"), _("Family help, lodgers, maintenance")),
    Category("home", FIXED, _("Home"), _("Rent or mortgage, property taxes, contents")),
    Category("utilities", FIXED, _("Utilities"), _("Electricity, gas, water, heating")),
    Category("care_health", FIXED, _("Care and health"), _("Medicine, childcare, adult care")),
    Category("transport", FIXED, _("Transport and travel"), _("Fares, fuel, car costs")),
    Category("school", FIXED, _("School costs"), _("Fees, uniforms, meals, trips")),
    Category("insurance", FIXED, _("Pensions and insurance"), _("Payments you make into them")),
    Category("food", FLEXIBLE, _("Food and housekeeping"), _("Groceries, toiletries, cleaning")),
    Category("communications", FLEXIBLE, _("Phone and internet"), _("Phone, internet, TV")),
    Category("personal", FLEXIBLE, _("Personal costs"), _("Clothes, haircuts, gifts")),
    Category("other_essential", FLEXIBLE, _("Other essential costs"), ""),
    Category(
        "other_debts",
        DEBTS,
        _("Payments to other debts"),
        _("Other loans, cards, money owed to family"),
    ),
)

GROUP_LABELS = {
    INCOME: _("Money coming in"),
    FIXED: _("Fixed costs"),
    FLEXIBLE: _("Day-to-day costs"),
    DEBTS: _("Other debts"),
}


@dataclass(frozen=True, slots=True)
class Summary:
    income: Decimal
    spending: Decimal
    other_debts: Decimal

    @property
    def available(self) -> Decimal:
        """What is left each month; negative when essentials cost more than comes in."""
        return self.income - self.spending - self.other_debts


def to_monthly(amount: Decimal, period: str, currency: str) -> Decimal:
    return round_money(amount * PERIODS_PER_YEAR[period] / 12, currency)


def from_monthly(amount: Decimal, period: str, currency: str) -> Decimal:
    return round_money(amount * 12 / PERIODS_PER_YEAR[period], currency)


def monthly_answers(
    answers: Mapping[str, Decimal], period: str, currency: str
) -> dict[str, Decimal]:
    return {
        category.code: to_monthly(answers.get(category.code) or ZERO, period, currency)
        for category in CATEGORIES
    }


def summarise(monthly: Mapping[str, Decimal]) -> Summary:
    def group_total(group: str) -> Decimal:
        return sum((monthly.get(c.code, ZERO) for c in CATEGORIES if c.group == group), ZERO)

    return Summary(
        income=group_total(INCOME),
        spending=group_total(FIXED) + group_total(FLEXIBLE),
        other_debts=group_total(DEBTS),
    )
