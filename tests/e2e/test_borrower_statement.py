"""A borrower on a phone signs in, reads their statement and downloads it as a PDF."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.e2e.helpers import scrolls_sideways, serious_accessibility_violations
from tests.factories import (
    PASSWORD,
    BorrowerFactory,
    EntryFactory,
    LoanFactory,
    MilestoneFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def late_borrower():
    user = UserFactory(email="ming@example.com")
    today = dt.date.today()
    loan = LoanFactory(
        borrower=BorrowerFactory(user=user, full_name="Wang Ming", time_zone="UTC"),
        reference="HCF-777001",
        disbursed_on=today - dt.timedelta(days=120),
        first_due_date=today - dt.timedelta(days=90),
    )
    MilestoneFactory(product=loan.product, days_past_due=30)
    EntryFactory(
        loan=loan, kind="disbursement", amount=Decimal("6000.00"), effective_date=loan.disbursed_on
    )
    for n, days_ago in enumerate((90, 60, 30)):
        EntryFactory(
            loan=loan,
            kind="installment_due",
            amount=Decimal("550.00"),
            effective_date=today - dt.timedelta(days=days_ago),
            external_id=f"i{n}",
        )
    EntryFactory(
        loan=loan,
        kind="payment",
        amount=Decimal("550.00"),
        effective_date=today - dt.timedelta(days=89),
    )
    return user, loan


def check_page(page, visited):
    assert not scrolls_sideways(page), f"{page.url} scrolls sideways at 390px"
    violations = serious_accessibility_violations(page)
    assert violations == [], f"{page.url}: {violations}"
    visited.append(page.url)


def test_borrower_signs_in_reads_statement_and_downloads_pdf(
    live_server, page, late_borrower, tmp_path
):
    user, loan = late_borrower
    visited: list[str] = []

    page.goto(f"{live_server.url}/en/accounts/login/")
    check_page(page, visited)
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    page.wait_for_url("**/en/my/")
    assert page.get_by_role("heading", name="Hello, Wang Ming").is_visible()
    check_page(page, visited)

    page.get_by_role("link", name="HCF-777001").first.click()
    page.wait_for_url(f"**/my/loans/{loan.reference}/")
    assert page.get_by_role("heading", name="Amount due now").is_visible()
    assert page.get_by_text("CN¥1,100.00").first.is_visible()
    check_page(page, visited)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download PDF statement").click()
    pdf = tmp_path / "statement.pdf"
    download_info.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")

    page.get_by_role("button", name="简体中文").click()
    page.wait_for_url(f"**/zh-hans/my/loans/{loan.reference}/")
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    check_page(page, visited)
    page.screenshot(path=str(tmp_path / "statement-zh.png"), full_page=True)

    assert len(visited) == 4
