"""The statement PDF is complete on its own: whom it is for, what is asked and what comes next
on real dates, how to question an entry, the free help and rights of the borrower's own
country, and the balance chart; in English and in Chinese."""

import datetime as dt
import subprocess
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from repayment.models import ContactRules
from repayment.money import format_money
from tests.education.free_help import ensure_free_help
from tests.factories import (
    BorrowerFactory,
    EntryFactory,
    LenderFactory,
    LoanFactory,
    LoanProductFactory,
    MilestoneFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "zh-hans"]
# 10:00 in Shanghai on 1 March: the 10 February installment is 19 days late, and the lender's
# 30-day step comes on 12 March.
NOW = dt.datetime(2026, 3, 1, 2, 0, tzinfo=dt.UTC)
TODAY = {"en": "March 1, 2026", "zh-hans": "2026年3月1日"}
NEXT_STEP = {"en": "March 12, 2026", "zh-hans": "2026年3月12日"}
# The chart's heading, its first and last days (drawn as SVG text) and the line below it.
CHART = {
    "en": ("Your balance over time", "01/10/2026", "03/01/2026", "Highest:"),
    "zh-hans": ("您的欠款变化", "2026年1月10日", "2026年3月1日", "最高："),
}
CHINA_HELP = {"en": "12348 public legal service hotline", "zh-hans": "12348 公共法律服务热线"}
# The free help of the lender's own (US) rulebook, which this Chinese borrower must not see.
US_HELP = ("NFCC", "美国全国信用咨询基金会", "388-2227")
TODAY_WORD = {"en": "Today", "zh-hans": "今天"}


@pytest.fixture(autouse=True)
def frozen():
    ensure_free_help()
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def loan():
    """A Chinese borrower's late yuan loan under China's rules, from a lender whose own
    rulebook is the US one: the loan's country is China."""
    product = LoanProductFactory(
        lender=LenderFactory(contact_rules=ContactRules.US_REG_F),
        contact_rules=ContactRules.CHINA_NIFA,
    )
    borrower = BorrowerFactory(user=UserFactory(), full_name="李梅 Li Mei")
    loan = LoanFactory(borrower=borrower, product=product, reference="HCF-000042")
    MilestoneFactory(product=product)
    for kind, amount, day in (
        ("disbursement", "6000.00", dt.date(2026, 1, 10)),
        ("installment_due", "550.00", dt.date(2026, 2, 10)),
        ("interest", "88.77", dt.date(2026, 2, 10)),
    ):
        EntryFactory(loan=loan, kind=kind, amount=Decimal(amount), effective_date=day)
    return loan


def pdf_text(client, loan, language):
    client.force_login(loan.borrower.user)
    with translation.override(language):
        response = client.get(reverse("loan_statement_pdf", args=[loan.reference]))
    assert response.status_code == 200
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"],
        input=response.content,
        capture_output=True,
        check=True,
    ).stdout.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_statement_pdf_names_the_borrower_what_is_due_and_the_next_step(client, loan, language):
    text = pdf_text(client, loan, language)

    assert "李梅 Li Mei" in text
    assert "HCF-000042" in text
    assert "Harbour Community Finance" in text
    assert format_money(Decimal("550.00"), "CNY", language) in text  # due now
    assert NEXT_STEP[language] in text  # the lender's step if nothing is paid


@pytest.mark.parametrize("language", LANGUAGES)
def test_statement_pdf_dates_today_and_never_says_today(client, loan, language):
    text = pdf_text(client, loan, language)

    assert TODAY[language] in text
    assert TODAY_WORD[language] not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_statement_pdf_gives_free_help_of_the_borrowers_own_country_only(client, loan, language):
    text = pdf_text(client, loan, language)

    assert CHINA_HELP[language] in text
    assert "12378" in text  # the rights text: where to complain
    for foreign in US_HELP:
        assert foreign not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_statement_pdf_draws_the_balance_chart(client, loan, language):
    text = pdf_text(client, loan, language)

    heading, first, last, below = CHART[language]
    drawn = text[text.index(heading) + len(heading) : text.index(below)].split()
    assert drawn == [first, last]


def test_statement_pdf_says_how_to_question_an_entry(client, loan):
    text = " ".join(pdf_text(client, loan, "en").split())

    assert "If an entry looks wrong" in text
    assert 'open this loan\'s statement and choose "Question this" beside the entry.' in text
    assert "/en/my/loans/HCF-000042/dispute/" in text
    assert "While we look into it, we will not ask you to pay the amount you questioned." in text
    assert "Call us on +86 400 800 1234 or e-mail help@harbour.example." in text


def test_chinese_statement_pdf_says_how_to_question_an_entry(client, loan):
    text = "".join(pdf_text(client, loan, "zh-hans").split())

    assert "如果某笔记录看起来不对" in text
    assert "点击该记录旁边的“提出异议”" in text
    assert "在我们核查期间，不会要求您支付有异议的金额。" in text
    assert "请拨打+864008001234或发邮件至help@harbour.example联系我们。" in text
