"""A borrower on a phone asks the help box, in Chinese, when their next payment is, and reads
their own amount and date: at 390 px, without sideways scrolling, with no serious axe finding,
and with no script needed."""

import pytest
from django.utils import formats, translation

from repayment.money import format_money
from repayment.statements.cache import statement_for
from tests.e2e.conftest import browser_context_args, browser_type_launch_args  # noqa: F401
from tests.e2e.helpers import check_page
from tests.e2e.test_borrower_statement import late_borrower  # noqa: F401 (a fixture)
from tests.factories import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _sign_in(page, live_server, user):
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/en/my/")


def test_asking_in_chinese_on_a_phone_gives_the_borrowers_own_amount_and_date(
    live_server,
    page,
    late_borrower,  # noqa: F811
):
    user, loan = late_borrower
    position = statement_for(loan=loan).position
    with translation.override("zh-hans"):
        due = format_money(position.amount_due, "CNY", "zh-hans")
        next_day = formats.date_format(position.next_payment.date, "DATE_FORMAT")
    visited: list[str] = []
    _sign_in(page, live_server, user)

    page.goto(f"{live_server.url}/zh-hans/my/")
    page.locator("#help-q").fill("我下次什么时候还款，要还多少")
    page.locator("#help-q").press("Enter")
    page.wait_for_url("**/zh-hans/my/help/?q=*")

    answer = page.locator("section[aria-labelledby=answer-title]")
    assert due in answer.inner_text()
    assert next_day in answer.inner_text()
    check_page(page, visited, "help answer")

    page.goto(f"{live_server.url}/zh-hans/my/loans/{loan.reference}/")
    page.locator("#help-q").fill("为什么收我滞纳金")
    page.locator("#help-q").press("Enter")
    page.wait_for_url(f"**/zh-hans/my/help/?q=*&loan={loan.reference}")
    assert page.locator(f"a[href*='/my/loans/{loan.reference}/dispute/']").count() >= 1
    check_page(page, visited, "fee answer on a statement")


def test_the_help_page_works_without_javascript(live_server, browser, late_borrower):  # noqa: F811
    user, _loan = late_borrower
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    _sign_in(page, live_server, user)

    page.goto(f"{live_server.url}/en/my/")
    page.locator("#help-q").fill("how do I pay")
    page.get_by_role("button", name="Ask").click()
    page.wait_for_url("**/en/my/help/?q=*")

    assert page.get_by_role("link", name="See the ways to pay").is_visible()
    context.close()
