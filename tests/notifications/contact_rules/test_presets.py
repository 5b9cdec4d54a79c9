"""The lender chooses a rulebook by name (``repayment.models.ContactRules``); each name has
exactly one preset here, and a product follows its own choice or its lender's."""

import pytest

from portal.notifications.contact_rules.presets import PRESETS, profile_for
from repayment.models import ContactRules
from tests.factories import LenderFactory, LoanProductFactory


def test_every_choice_has_a_preset_and_every_preset_a_choice():
    assert set(PRESETS) == set(ContactRules.values)


def test_each_preset_is_named_as_its_choice_reads():
    for value, label in ContactRules.choices:
        assert PRESETS[value].name == label


@pytest.mark.django_db
def test_a_product_follows_its_own_rules_or_else_its_lenders():
    lender = LenderFactory(contact_rules=ContactRules.UK_FCA)
    own = LoanProductFactory(lender=lender, contact_rules=ContactRules.CHINA_NIFA)
    inherited = LoanProductFactory(lender=lender, contact_rules="")

    assert profile_for(own) is PRESETS[ContactRules.CHINA_NIFA]
    assert profile_for(inherited) is PRESETS[ContactRules.UK_FCA]
