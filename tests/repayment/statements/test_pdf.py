import datetime as dt
import re
import subprocess
import zlib
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from repayment.money import format_money
from repayment.statements.cache import statement_for
from repayment.statements.pdf import css_string, page_number_content, render_statement_pdf
from tests.factories import (
    BorrowerFactory,
    EntryFactory,
    LoanFactory,
    MilestoneFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# 10:00 in Shanghai on 1 March: the 10 February installment is 19 days late.
NOW = dt.datetime(2026, 3, 1, 2, 0, tzinfo=dt.UTC)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def late_loan():
    user = UserFactory()
    loan = LoanFactory(borrower=BorrowerFactory(user=user), reference="HCF-000042")
    MilestoneFactory(product=loan.product)
    EntryFactory(
        loan=loan, kind="disbursement", amount=Decimal("6000.00"), effective_date=loan.disbursed_on
    )
    EntryFactory(
        loan=loan,
        kind="installment_due",
        amount=Decimal("550.00"),
        effective_date=dt.date(2026, 2, 10),
    )
    EntryFactory(
        loan=loan, kind="interest", amount=Decimal("88.77"), effective_date=dt.date(2026, 2, 10)
    )
    return user, loan


def _url(loan, language="en"):
    with translation.override(language):
        return reverse("loan_statement_pdf", args=[loan.reference])


def _text(pdf: bytes) -> str:
    """The PDF's text as pdftotext reads it."""
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def _tool(tmp_path, pdf: bytes, *command: str) -> str:
    path = tmp_path / "statement.pdf"
    path.write_bytes(pdf)
    return subprocess.run([*command, str(path)], capture_output=True, check=True, text=True).stdout


def _info(tmp_path, pdf: bytes) -> dict[str, str]:
    lines = _tool(tmp_path, pdf, "pdfinfo").splitlines()
    return dict((part.strip() for part in line.split(":", 1)) for line in lines if ":" in line)


def _objects(pdf: bytes) -> bytes:
    """The PDF with its streams inflated: WeasyPrint packs the catalog and the structure tree
    into compressed object streams."""
    chunks = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.DOTALL):
        try:
            chunks.append(zlib.decompressobj().decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(chunks)


def test_owner_downloads_statement_pdf(client, frozen, late_loan):
    user, loan = late_loan
    client.force_login(user)

    response = client.get(_url(loan))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="statement-HCF-000042-2026-03-01.pdf"'
    )
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith(b"%PDF-1.7")


def test_pdf_shows_the_figures_a_borrower_needs(client, frozen, late_loan):
    user, loan = late_loan
    client.force_login(user)

    text = _text(client.get(_url(loan)).content)

    assert "HCF-000042" in text
    assert "Harbour Community Finance" in text
    assert format_money(Decimal("550.00"), "CNY", "en") in text  # amount due, as on the page
    assert "CN¥6,088.77" in text  # total to pay off
    assert "CN¥6,000.00" in text  # amount borrowed
    assert "Jan. 10, 2026" in text  # started on
    assert "We report the missed payment to the credit bureau." in text
    assert "China Standard Time" in text  # the time zone by name, not Asia/Shanghai
    assert "Asia/Shanghai" not in text


@pytest.mark.parametrize("since", ["2030-01-01", "2019-01-01"])
def test_pdf_of_a_period_outside_the_loans_life_has_the_usual_period(
    client, frozen, late_loan, since
):
    user, loan = late_loan
    client.force_login(user)

    text = _text(client.get(_url(loan), {"since": since}).content)

    assert "Since Jan. 10, 2026" in text
    assert "2030" not in text and "2019" not in text


def test_statement_pdf_of_other_borrower_is_404(client, frozen, late_loan):
    _, loan = late_loan
    stranger = UserFactory()
    BorrowerFactory(user=stranger)
    client.force_login(stranger)

    assert client.get(_url(loan)).status_code == 404


def test_signed_out_visitor_is_sent_to_sign_in(client, late_loan):
    _, loan = late_loan

    response = client.get(_url(loan))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_chinese_pdf_has_chinese_text_in_an_embedded_cjk_font(client, frozen, late_loan, tmp_path):
    user, loan = late_loan
    client.force_login(user)

    response = client.get(_url(loan, "zh-hans"))

    assert response.status_code == 200
    text = _text(response.content)
    assert "小微经营贷" in text  # the product's Chinese name
    assert "我们会将逾期记录报送征信机构。" in text  # the lender's own Chinese wording
    assert "2026年1月10日" in text  # a date in the Chinese format
    assert format_money(Decimal("550.00"), "CNY", "zh-hans") in text
    fonts = _tool(tmp_path, response.content, "pdffonts").splitlines()[2:]
    cjk = [line.split() for line in fonts if "Noto-Sans-CJK-SC" in line]
    assert cjk
    assert all(columns[-5] == "yes" for columns in cjk)  # the "emb" column
    assert b"/Lang (zh-hans)" in _objects(response.content)


def test_pdf_is_tagged_pdf_ua_with_a_title_and_language(frozen, late_loan, tmp_path):
    _, loan = late_loan

    pdf = render_statement_pdf(
        statement=statement_for(loan=loan), borrower_name="Li Mei", language="en"
    )

    info = _info(tmp_path, pdf)
    assert info["Tagged"] == "yes"
    assert info["Title"] == "Statement for loan HCF-000042 · Harbour Community Finance"
    assert info["Author"] == "Harbour Community Finance"
    assert info["Page size"].endswith("(A4)")
    assert 'pdfuaid:part="1"' in _tool(tmp_path, pdf, "pdfinfo", "-meta")
    objects = _objects(pdf)
    assert b"/Lang (en)" in objects
    assert b"/DisplayDocTitle true" in objects
    assert b"/S /Table" in objects
    assert b"/S /TH" in objects  # tables have header cells


def test_pdf_lists_every_transaction_not_one_page(frozen, late_loan):
    _, loan = late_loan
    for day in range(1, 61):
        EntryFactory(
            loan=loan,
            kind="payment",
            amount=Decimal("1.00"),
            effective_date=dt.date(2026, 1, 10) + dt.timedelta(days=day % 40),
            description=f"Payment ref P{day:03d}",
        )

    text = _text(
        render_statement_pdf(
            statement=statement_for(loan=loan), borrower_name="Li Mei", language="en"
        )
    )

    assert all(f"P{day:03d}" in text for day in range(1, 61))


def test_pdf_itemises_from_the_date_the_borrower_chose(client, frozen, late_loan):
    user, loan = late_loan
    client.force_login(user)

    text = _text(client.get(_url(loan), {"since": "2026-02-01"}).content)

    assert "Since Feb. 1, 2026" in text
    assert "Loan paid out to you" not in text  # 10 January, before the chosen date


def test_page_numbers_follow_the_translation_and_cannot_break_the_css():
    with translation.override("en"):
        assert page_number_content() == '"Page " counter(page) " of " counter(pages)'
    assert css_string('a"b\\</style>') == '"a\\22 b\\5c \\3c /style\\3e "'
