"""A borrower on a phone sees "Pay" without scrolling, in both languages, and copies the
payment reference with one tap."""

import pytest

from repayment.paying.reference import payment_reference
from tests.e2e.helpers import check_page
from tests.e2e.test_borrower_statement import late_borrower  # noqa: F401 (a fixture)
from tests.factories import PASSWORD
from tests.repayment.paying.fixtures import bank_transfer

pytestmark = pytest.mark.django_db(transaction=True)


def _on_first_screen(page, locator) -> bool:
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


def test_pay_is_on_the_first_screen_and_the_reference_copies(
    live_server,
    page,
    context,
    late_borrower,  # noqa: F811
):
    user, loan = late_borrower
    bank_transfer(loan.product.lender)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    visited: list[str] = []

    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/en/my/")
    assert _on_first_screen(page, page.get_by_role("link", name="Pay CN¥1,100.00"))

    page.goto(f"{live_server.url}/en/my/loans/{loan.reference}/")
    pay = page.get_by_role("link", name="Pay CN¥1,100.00")
    assert _on_first_screen(page, pay)

    pay.click()
    page.wait_for_url(f"**/en/my/loans/{loan.reference}/pay/")
    check_page(page, visited, "pay page")
    page.get_by_role("button", name="Copy").click()
    page.get_by_role("status").filter(has_text="Copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == payment_reference(loan.reference)

    # Found by address: the Chinese words arrive with the translations.
    pay_in_chinese = f'a.button[href="/zh-hans/my/loans/{loan.reference}/pay/"]'
    page.goto(f"{live_server.url}/zh-hans/my/loans/{loan.reference}/")
    assert _on_first_screen(page, page.locator(pay_in_chinese))
    page.goto(f"{live_server.url}/zh-hans/my/")
    assert _on_first_screen(page, page.locator(pay_in_chinese))
    page.goto(f"{live_server.url}/zh-hans/my/loans/{loan.reference}/pay/")
    check_page(page, visited, "pay page in Chinese")
