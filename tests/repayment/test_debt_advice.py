"""A borrower sees the free help, rights and schemes of their own loan's country, in their
language, on the statement and the help, pause and budget pages, and never another country's:
a Chinese borrower of a yuan loan under China's rules is never shown a US hotline or the UK's
Breathing Space; a UK borrower can choose Breathing Space."""

import pytest
from django.utils import translation

from education.models import Jurisdiction
from repayment.debt_advice import advice_for, advice_for_loan
from repayment.models import ContactRules, Pause, PauseStatus
from repayment.models.loans import JURISDICTIONS
from tests.education.free_help import ensure_free_help
from tests.factories import LenderFactory, LoanProductFactory
from tests.repayment.plan_fixtures import late_loan, url

pytestmark = pytest.mark.django_db

NFCC = "NFCC (National Foundation for Credit Counseling)"
# What only belongs to other countries, in both languages: their services and their schemes.
NOT_CHINA = (
    "NFCC",
    "800-388-2227",
    "MoneyHelper",
    "StepChange",
    "Breathing Space",
    "喘息期",
    "Standard Financial Statement",
    "标准财务报表",
    "Financial Ombudsman",
    "Consumer Financial Protection Bureau",
)
NOT_UNITED_STATES = (
    "MoneyHelper",
    "StepChange",
    "Breathing Space",
    "喘息期",
    "Standard Financial Statement",
    "12348",
    "12378",
)
PAGES = ("loan_statement", "loan_help", "loan_pause", "plan_budget")


@pytest.fixture(autouse=True)
def _published():
    ensure_free_help()


def signed_in_loan(client, *, lender_rules, product_rules="", currency="CNY", language="en"):
    product = LoanProductFactory(
        lender=LenderFactory(contact_rules=lender_rules),
        contact_rules=product_rules,
        currency=currency,
    )
    loan = late_loan(product=product)
    loan.borrower.preferred_language = language
    loan.borrower.save(update_fields=["preferred_language"])
    client.force_login(loan.borrower.user)
    return loan


def page(client, name, loan, language):
    with translation.override(language):
        address = url(name, loan)
    response = client.get(address)
    assert response.status_code == 200, address
    return response.content.decode()


def test_every_rulebook_has_a_country_editors_can_write_for():
    assert set(JURISDICTIONS) == set(ContactRules.values)
    assert set(JURISDICTIONS.values()) == set(Jurisdiction.values)


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_chinese_borrower_sees_chinas_free_help_and_nothing_of_other_countries(client, language):
    loan = signed_in_loan(client, lender_rules=ContactRules.CHINA_NIFA, language="zh-hans")
    service = "12348 公共法律服务热线" if language == "zh-hans" else "12348 public legal service"

    for name in PAGES:
        html = page(client, name, loan, language)
        if name != "plan_budget":
            assert service in html, name
            assert 'href="tel:12348"' in html, name
        for foreign in NOT_CHINA:
            assert foreign not in html, (name, foreign)
    rights = page(client, "loan_help", loan, language)
    assert "12378" in rights


def test_a_yuan_loan_of_a_us_lender_follows_its_products_china_rules_not_the_lenders_own_help(
    client,
):
    loan = signed_in_loan(
        client,
        lender_rules=ContactRules.US_REG_F,
        product_rules=ContactRules.CHINA_NIFA,
        language="zh-hans",
    )
    lender = loan.product.lender
    lender.debt_advice_name, lender.debt_advice_phone = NFCC, "+1 800 388 2227"
    lender.save()

    for name in PAGES:
        html = page(client, name, loan, "zh-hans")
        assert "NFCC" not in html and "800 388 2227" not in html, name
    assert "12348 公共法律服务热线" in page(client, "loan_help", loan, "zh-hans")


def test_a_us_borrower_sees_the_nfcc_and_no_uk_or_chinese_schemes(client):
    loan = signed_in_loan(client, lender_rules=ContactRules.US_REG_F, currency="USD")

    for name in PAGES:
        html = page(client, name, loan, "en")
        if name != "plan_budget":
            assert NFCC in html and 'href="tel:18003882227"' in html, name
        for foreign in NOT_UNITED_STATES:
            assert foreign not in html, (name, foreign)


def test_a_uk_borrower_sees_moneyhelper_and_the_uk_words(client):
    loan = signed_in_loan(client, lender_rules=ContactRules.UK_FCA, currency="GBP")

    help_page = page(client, "loan_help", loan, "en")
    assert "MoneyHelper" in help_page and "0800 138 7777" in help_page
    assert "StepChange Debt Charity" in help_page
    assert "Financial Ombudsman Service" in help_page
    assert "NFCC" not in help_page and "12348" not in help_page
    assert "Standard Financial Statement" in page(client, "plan_budget", loan, "en")
    pause_page = page(client, "loan_pause", loan, "en")
    assert "A debt adviser has arranged Breathing Space" in pause_page
    assert "Breathing Space is always 60 days." in pause_page


def test_a_uk_borrower_can_choose_breathing_space(client):
    loan = signed_in_loan(client, lender_rules=ContactRules.UK_FCA, currency="GBP")

    response = client.post(url("loan_pause", loan), {"reason": "breathing_space", "days": "5"})

    assert response.status_code == 302
    pause = Pause.objects.get(loan=loan)
    assert pause.status == PauseStatus.GRANTED
    assert (pause.ends_on - pause.starts_on).days == 59


@pytest.mark.parametrize("rules", [ContactRules.CHINA_NIFA, ContactRules.US_REG_F])
def test_breathing_space_cannot_be_chosen_outside_the_uk(client, rules):
    loan = signed_in_loan(client, lender_rules=rules)

    response = client.post(url("loan_pause", loan), {"reason": "breathing_space", "days": "5"})

    assert response.status_code == 200
    assert not Pause.objects.filter(loan=loan).exists()
    assert "Breathing Space" not in response.content.decode()


def test_the_statement_shows_the_help_when_a_payment_is_late_in_the_readers_language(client):
    loan = signed_in_loan(client, lender_rules=ContactRules.CHINA_NIFA, language="zh-hans")

    english = page(client, "loan_statement", loan, "en")
    chinese = page(client, "loan_statement", loan, "zh-hans")

    assert "12348 public legal service hotline" in english
    assert "12348 公共法律服务热线" in chinese
    assert "12378" in chinese  # the rights text: where to complain


def test_a_lenders_own_service_is_shown_on_its_own_rules_loans_only():
    lender = LenderFactory(
        contact_rules=ContactRules.UK_FCA,
        debt_advice_name="Harbour Money Advice",
        debt_advice_phone="0800 000 1234",
    )
    own_rules = LoanProductFactory(lender=lender, currency="GBP")
    chinese_rules = LoanProductFactory(lender=lender, contact_rules=ContactRules.CHINA_NIFA)

    own = advice_for(product=own_rules, language="en")
    other = advice_for(product=chinese_rules, language="en")

    assert [s.name for s in own.services] == ["Harbour Money Advice"]
    assert "Financial Ombudsman Service" in own.rights  # the country's rights still
    assert own.debt_advice_phone == "0800 000 1234"
    assert other.debt_advice_name == "12348 public legal service hotline"
    assert "Harbour" not in " ".join(s.name for s in other.services)


def test_a_statement_finds_its_loans_country_by_the_loans_id():
    loan = late_loan(product=LoanProductFactory(lender=LenderFactory(contact_rules="UK FCA")))

    advice = advice_for_loan(loan_id=loan.pk, language="zh-hans")

    assert advice.jurisdiction == "GB"
    assert advice.debt_advice_name == "MoneyHelper"
