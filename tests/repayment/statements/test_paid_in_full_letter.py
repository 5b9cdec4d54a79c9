"""A borrower whose loan is paid off can download a letter that says so: whose loan, which one,
how much was borrowed, the day it was paid in full and that nothing more is owed; never for a
loan that is not paid off, and never for another borrower's loan."""

import datetime as dt
import subprocess
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from repayment.statements.cache import statement_for
from repayment.statements.pdf import render_paid_in_full_pdf
from tests.factories import BorrowerFactory, EntryFactory, LoanFactory, UserFactory

pytestmark = pytest.mark.django_db

# 10:00 in Shanghai on 1 March 2026; the loan was paid off on 20 February.
NOW = dt.datetime(2026, 3, 1, 2, 0, tzinfo=dt.UTC)
PAID_OFF_ON = {"en": "Feb. 20, 2026", "zh-hans": "2026年2月20日"}
LETTER_DATE = {"en": "March 1, 2026", "zh-hans": "2026年3月1日"}


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def a_loan(*, paid: str):
    loan = LoanFactory(
        borrower=BorrowerFactory(user=UserFactory(), full_name="李梅 Li Mei"),
        reference="HCF-000042",
    )
    EntryFactory(
        loan=loan,
        kind="disbursement",
        amount=Decimal("6000.00"),
        effective_date=dt.date(2026, 1, 10),
    )
    EntryFactory(
        loan=loan, kind="payment", amount=Decimal(paid), effective_date=dt.date(2026, 2, 20)
    )
    return loan


@pytest.fixture
def paid_off_loan():
    return a_loan(paid="6000.00")


def letter_url(loan, language="en"):
    with translation.override(language):
        return reverse("loan_paid_in_full_pdf", args=[loan.reference])


def pdf_text(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_paid_off_borrower_downloads_a_letter_saying_the_loan_is_paid_in_full(
    client, paid_off_loan, language
):
    client.force_login(paid_off_loan.borrower.user)

    response = client.get(letter_url(paid_off_loan, language))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="paid-in-full-HCF-000042-2026-03-01.pdf"'
    )
    assert "no-store" in response["Cache-Control"]
    text = pdf_text(response.content)
    assert "Harbour Community Finance" in text  # the letterhead
    assert "+86 400 800 1234" in text  # and how to reach the lender
    assert "李梅 Li Mei" in text
    assert "HCF-000042" in text
    assert PAID_OFF_ON[language] in text
    assert LETTER_DATE[language] in text
    assert "6,000.00" in text  # the amount borrowed


def test_the_letter_says_nothing_more_is_owed(client, paid_off_loan):
    client.force_login(paid_off_loan.borrower.user)

    text = " ".join(pdf_text(client.get(letter_url(paid_off_loan)).content).split())

    assert "Loan HCF-000042 is paid in full" in text
    assert "Dear 李梅 Li Mei," in text
    assert "paid your loan HCF-000042 with Harbour Community Finance in full on Feb. 20" in text
    assert "You owe nothing more on this loan." in text
    assert "Call us on +86 400 800 1234 or e-mail help@harbour.example." in text


def test_the_chinese_letter_says_nothing_more_is_owed(client, paid_off_loan):
    client.force_login(paid_off_loan.borrower.user)

    text = "".join(pdf_text(client.get(letter_url(paid_off_loan, "zh-hans")).content).split())

    assert "贷款HCF-000042已全部还清" in text
    assert "这笔贷款您已无需再还任何款项。" in text


def test_letter_for_another_borrowers_loan_is_404(client, paid_off_loan):
    stranger = UserFactory()
    BorrowerFactory(user=stranger)
    client.force_login(stranger)

    assert client.get(letter_url(paid_off_loan)).status_code == 404


def test_no_letter_for_a_loan_not_paid_off(client):
    loan = a_loan(paid="5999.99")
    client.force_login(loan.borrower.user)

    assert client.get(letter_url(loan)).status_code == 404


def test_the_letter_cannot_be_made_for_a_loan_not_paid_off():
    loan = a_loan(paid="5999.99")

    with pytest.raises(ValueError, match="not paid off"):
        render_paid_in_full_pdf(
            statement=statement_for(loan=loan), borrower_name="Li Mei", language="en"
        )


@pytest.mark.parametrize(("paid", "offered"), [("6000.00", True), ("5999.99", False)])
def test_the_statement_page_offers_the_letter_only_once_the_loan_is_paid_off(client, paid, offered):
    loan = a_loan(paid=paid)
    client.force_login(loan.borrower.user)

    page = client.get(reverse("loan_statement", args=[loan.reference])).content.decode()

    assert (letter_url(loan) in page) is offered
    assert ("Download your paid-in-full letter (PDF)" in page) is offered
