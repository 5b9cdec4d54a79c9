"""The borrower API names the free help of the loan's own country (the statement's
``lender.debt_advice_*``), and grants Breathing Space only where the UK rules apply."""

import pytest
from rest_framework.test import APIClient

from repayment.models import ContactRules, Pause
from tests.education.free_help import ensure_free_help
from tests.factories import LenderFactory, LoanProductFactory
from tests.repayment.plan_fixtures import late_loan

from .conftest import loan_url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _published():
    ensure_free_help()


def client_for(*, rules, **lender):
    loan = late_loan(
        product=LoanProductFactory(lender=LenderFactory(contact_rules=rules, **lender))
    )
    api = APIClient()
    api.force_authenticate(loan.borrower.user)
    return api, loan


def debt_advice(api, loan, language):
    statement = api.get(loan_url(loan, "statement/"), HTTP_ACCEPT_LANGUAGE=language).json()
    lender = statement["lender"]
    return {key: value for key, value in lender.items() if key.startswith("debt_advice")}


@pytest.mark.parametrize(
    ("rules", "language", "expected"),
    [
        (
            ContactRules.CHINA_NIFA,
            "zh-CN",
            {
                "debt_advice_name": "12348 公共法律服务热线",
                "debt_advice_phone": "12348",
                "debt_advice_url": "https://www.12348.gov.cn",
            },
        ),
        (
            ContactRules.CHINA_NIFA,
            "en",
            {
                "debt_advice_name": "12348 public legal service hotline",
                "debt_advice_phone": "12348",
                "debt_advice_url": "https://www.12348.gov.cn",
            },
        ),
        (
            ContactRules.US_REG_F,
            "en",
            {
                "debt_advice_name": "NFCC (National Foundation for Credit Counseling)",
                "debt_advice_phone": "1-800-388-2227",
                "debt_advice_url": "https://www.nfcc.org",
            },
        ),
        (
            ContactRules.UK_FCA,
            "en",
            {
                "debt_advice_name": "MoneyHelper",
                "debt_advice_phone": "0800 138 7777",
                "debt_advice_url": "https://www.moneyhelper.org.uk",
            },
        ),
    ],
)
def test_the_statements_debt_advice_is_the_loans_countrys_first_service(rules, language, expected):
    api, loan = client_for(rules=rules)

    assert debt_advice(api, loan, language) == expected


def test_a_lenders_own_service_is_named_for_loans_under_its_own_rules_only():
    own = {"debt_advice_name": "Harbour Advice", "debt_advice_phone": "0800 000 1234"}
    api, loan = client_for(rules=ContactRules.UK_FCA, **own)
    other = late_loan(
        product=LoanProductFactory(
            lender=loan.product.lender, contact_rules=ContactRules.CHINA_NIFA, currency="CNY"
        ),
    )
    other_api = APIClient()
    other_api.force_authenticate(other.borrower.user)

    assert debt_advice(api, loan, "en")["debt_advice_name"] == "Harbour Advice"
    assert debt_advice(other_api, other, "en")["debt_advice_name"] == (
        "12348 public legal service hotline"
    )


def ask_for_breathing_space(api, loan):
    return api.post(
        loan_url(loan, "pauses/"), {"reason": "breathing_space", "days": 5}, format="json"
    )


@pytest.mark.parametrize("rules", [ContactRules.CHINA_NIFA, ContactRules.US_REG_F])
def test_breathing_space_is_refused_outside_the_uk(rules):
    api, loan = client_for(rules=rules)

    response = ask_for_breathing_space(api, loan)

    # The schema names every reason; whether this loan offers it is the loan's state.
    assert response.status_code == 409
    assert response.json() == {
        "detail": "This reason does not apply to this loan. Choose another one.",
        "code": "refused",
    }
    assert not Pause.objects.exists()


def test_breathing_space_is_granted_for_sixty_days_under_the_uk_rules():
    api, loan = client_for(rules=ContactRules.UK_FCA)

    response = ask_for_breathing_space(api, loan)

    assert response.status_code == 201
    pause = Pause.objects.get(loan=loan)
    assert pause.status == "granted" and (pause.ends_on - pause.starts_on).days == 59
