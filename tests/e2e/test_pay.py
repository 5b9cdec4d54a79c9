"""A borrower on a phone, in either language, sees "Pay" without scrolling, copies the payment
reference with one tap, says when they will pay or that they have paid, and sees that the
reminders wait."""

import datetime as dt

import pytest

from repayment.models import PaymentReport, Promise
from repayment.paying.reference import payment_reference
from tests.e2e.helpers import check_page
from tests.e2e.test_borrower_statement import late_borrower  # noqa: F401 (a fixture)
from tests.factories import PASSWORD
from tests.repayment.paying.fixtures import bank_transfer

pytestmark = pytest.mark.django_db(transaction=True)

WORDS = {
    "en": {
        "pay": "Pay CN¥1,100.00",
        "copy": "Copy",
        "copied": "Copied",
        "promise_link": "Tell us when you will pay",
        "amount": "How much will you pay?",
        "pay_by": "By which day?",
        "send": "Send my promise",
        "held": "We will not send payment reminders until",
        "paid_link": "Paid already? Tell us",
        "paid_amount": "How much did you pay?",
        "paid_on": "On which day?",
        "tell": "Tell us",
        "reported": "so we will not send payment reminders until",
    },
    "zh-hans": {
        "pay": "还款 ¥1,100.00",
        "copy": "复制",
        "copied": "已复制",
        "promise_link": "告诉我们您什么时候还款",
        "amount": "您会还多少？",
        "pay_by": "在哪一天之前？",
        "send": "提交我的承诺",
        "held": "之前，我们不会发送还款提醒",
        "paid_link": "已经还款了？告诉我们",
        "paid_amount": "您还了多少？",
        "paid_on": "哪一天还的？",
        "tell": "告诉我们",
        "reported": "之前我们不会发送还款提醒",
    },
}


def _on_first_screen(page, locator) -> bool:
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


def _sign_in(page, live_server, user):
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/en/my/")


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_pay_copy_the_reference_and_promise_on_a_phone(
    live_server,
    page,
    context,
    late_borrower,  # noqa: F811
    language,
):
    user, loan = late_borrower
    words = WORDS[language]
    bank_transfer(loan.product.lender)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    visited: list[str] = []
    mine = f"{live_server.url}/{language}/my/"
    _sign_in(page, live_server, user)

    page.goto(mine)
    assert _on_first_screen(page, page.get_by_role("link", name=words["pay"]))
    page.goto(f"{mine}loans/{loan.reference}/")
    pay = page.get_by_role("link", name=words["pay"])
    assert _on_first_screen(page, pay)

    pay.click()
    page.wait_for_url(f"**/{language}/my/loans/{loan.reference}/pay/")
    check_page(page, visited, "pay page")
    page.get_by_role("button", name=words["copy"], exact=True).click()
    page.get_by_role("status").filter(has_text=words["copied"]).wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == payment_reference(loan.reference)

    page.goto(f"{mine}loans/{loan.reference}/help/")
    page.get_by_role("link", name=words["promise_link"]).click()
    page.wait_for_url(f"**/{language}/my/loans/{loan.reference}/promise/")
    check_page(page, visited, "promise page")
    pay_by = dt.date.today() + dt.timedelta(days=5)
    page.get_by_label(words["amount"]).fill("300")
    page.get_by_label(words["pay_by"]).fill(pay_by.isoformat())
    page.get_by_role("button", name=words["send"]).click()
    page.get_by_text(words["held"]).first.wait_for()
    check_page(page, visited, "after the promise")
    promise = Promise.objects.get(loan=loan)
    assert (promise.amount, promise.pay_by) == (300, pay_by)

    page.goto(f"{mine}loans/{loan.reference}/")
    card = page.locator("section", has=page.locator("#promise-title"))
    assert words["held"] in card.inner_text()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_tell_us_you_have_paid_on_a_phone(
    live_server,
    page,
    late_borrower,  # noqa: F811
    language,
):
    user, loan = late_borrower
    words = WORDS[language]
    visited: list[str] = []
    _sign_in(page, live_server, user)

    page.goto(f"{live_server.url}/{language}/my/loans/{loan.reference}/")
    page.get_by_role("link", name=words["paid_link"], exact=True).click()
    page.wait_for_url(f"**/{language}/my/loans/{loan.reference}/paid/")
    check_page(page, visited, "paid page")
    yesterday = dt.date.today() - dt.timedelta(days=1)
    page.get_by_label(words["paid_amount"]).fill("550")
    page.get_by_label(words["paid_on"]).fill(yesterday.isoformat())
    page.get_by_role("button", name=words["tell"], exact=True).click()
    page.wait_for_url(f"**/{language}/my/loans/{loan.reference}/")
    card = page.locator("section", has=page.locator("#report-title"))
    assert words["reported"] in card.inner_text()
    check_page(page, visited, "statement after telling us")
    report = PaymentReport.objects.get(loan=loan)
    assert (report.amount, report.paid_on) == (550, yesterday)
