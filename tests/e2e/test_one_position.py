"""On a phone, in both languages, the portal tells a borrower one thing: a questioned fee leaves
"due now", a plan's payment is the one amount asked for, a pause moves what happens next, and
the language switch works whatever language the browser asks for."""

import datetime as dt
import re
from decimal import Decimal

import pytest

from repayment.models import Pause, PlanInstallment
from repayment.money import format_money
from tests.e2e.helpers import check_page
from tests.factories import (
    PASSWORD,
    BorrowerFactory,
    EntryFactory,
    LoanFactory,
    MilestoneFactory,
    PlanFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

D = Decimal
TEXT = {
    "en": {
        "send": "Send",
        "due_now": "Due now",
        "switch": "English",
        "clock": "clock stops",
        "paused": "Payments paused until",
    },
    "zh-hans": {
        "send": "发送",
        "due_now": "当前应还",
        "switch": "简体中文",
        "clock": "不计逾期天数",
        "paused": "还款暂停至",
    },
}


def late_loan(email: str, language: str):
    """Two installments of 550 unpaid (60 and 30 days ago), and a late fee of 30."""
    today = dt.date.today()
    user = UserFactory(email=email)
    loan = LoanFactory(
        borrower=BorrowerFactory(user=user, time_zone="UTC", preferred_language=language),
        disbursed_on=today - dt.timedelta(days=120),
        first_due_date=today - dt.timedelta(days=90),
    )
    MilestoneFactory(product=loan.product, days_past_due=45)
    EntryFactory(
        loan=loan,
        kind="disbursement",
        amount=D("6000.00"),
        effective_date=today - dt.timedelta(days=120),
    )
    for days_ago in (90, 60, 30):
        EntryFactory(
            loan=loan,
            kind="installment_due",
            amount=D("550.00"),
            effective_date=today - dt.timedelta(days=days_ago),
        )
    EntryFactory(
        loan=loan, kind="payment", amount=D("550.00"), effective_date=today - dt.timedelta(days=90)
    )
    EntryFactory(
        loan=loan, kind="fee", amount=D("30.00"), effective_date=today - dt.timedelta(days=54)
    )
    return user, loan


def sign_in(page, live_server, user, language):
    page.goto(f"{live_server.url}/{language}/accounts/login/")
    page.locator("input[name=login]").fill(user.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form:has(input[name=login]) button[type=submit]").first.click()
    page.wait_for_url(f"**/{language}/my/")


def money(amount: str, language: str) -> str:
    return format_money(D(amount), "CNY", language)


def facts_value(page, label: str) -> str:
    row = page.locator("table.facts--table tr", has=page.locator("th", has_text=label)).first
    return row.locator("td").inner_text()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_questioned_fee_leaves_due_now_at_once(live_server, page, language):
    user, loan = late_loan(f"fee-{language}@example.com", language)
    visited: list[str] = []
    sign_in(page, live_server, user, language)
    page.goto(f"{live_server.url}/{language}/my/loans/{loan.reference}/")
    assert money("1130.00", language) in facts_value(page, TEXT[language]["due_now"])

    fee = loan.entries.get(kind="fee")
    page.goto(f"{live_server.url}/{language}/my/loans/{loan.reference}/dispute/?entry={fee.pk}")
    check_page(page, visited, "dispute form")
    page.locator("textarea").first.fill("I paid on the due date.")
    page.get_by_role("button", name=TEXT[language]["send"]).click()

    page.goto(f"{live_server.url}/{language}/my/loans/{loan.reference}/")
    assert money("1100.00", language) in facts_value(page, TEXT[language]["due_now"])
    assert money("1130.00", language) not in page.locator("#next-action").inner_text()
    check_page(page, visited, "statement after the question")


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_on_a_plan_the_plan_payment_is_the_one_amount(live_server, page, language):
    user, loan = late_loan(f"plan-{language}@example.com", language)
    today = dt.date.today()
    plan = PlanFactory(loan=loan, total=D("1200.00"), covers_overdue=D("1130.00"), starts_on=today)
    for number in range(3):
        day = today + dt.timedelta(days=10 + 30 * number)
        PlanInstallment.objects.create(
            plan=plan, number=number + 1, due_date=day, original_due_date=day, amount=D("400.00")
        )
    visited: list[str] = []
    sign_in(page, live_server, user, language)
    home = page.locator("main").inner_text()
    assert money("400.00", language) in home
    assert money("1130.00", language) not in home  # the arrears are in the plan, not demanded
    check_page(page, visited, "home on a plan")

    page.goto(f"{live_server.url}/{language}/my/loans/{loan.reference}/")
    action = page.locator("#next-action").locator("..").inner_text()
    assert money("400.00", language) in action
    assert money("1130.00", language) in action  # explained as what the plan includes
    assert money("0.00", language) in facts_value(page, TEXT[language]["due_now"])
    check_page(page, visited, "statement on a plan")


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_pause_moves_the_timeline_past_it(live_server, page, language):
    user, loan = late_loan(f"pause-{language}@example.com", language)
    today = dt.date.today()
    visited: list[str] = []
    sign_in(page, live_server, user, language)
    page.goto(f"{live_server.url}/{language}/my/loans/{loan.reference}/")
    before = page.locator("ol.timeline").inner_text()

    # 60 days behind; a pause from 10 days ago to 20 days ahead stops the clock at 50.
    Pause.objects.create(
        loan=loan,
        reason="illness",
        starts_on=today - dt.timedelta(days=10),
        ends_on=today + dt.timedelta(days=20),
        status="granted",
    )
    page.reload()
    after = page.locator("ol.timeline").inner_text()
    assert after != before
    assert TEXT[language]["clock"] in page.locator("#next").locator("..").inner_text()
    heading = page.get_by_role("heading", name=re.compile(TEXT[language]["paused"]))
    assert heading.is_visible()
    check_page(page, visited, "paused statement")


@pytest.mark.parametrize(
    ("browser_language", "start", "target"),
    [("zh-CN", "en", "zh-hans"), ("en-GB", "zh-hans", "en")],
)
def test_the_language_switch_works_whatever_the_browser_asks_for(
    live_server, browser, browser_language, start, target
):
    user, loan = late_loan(f"switch-{target}@example.com", start)
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale=browser_language, is_mobile=True
    )
    page = context.new_page()
    sign_in(page, live_server, user, start)
    page.goto(f"{live_server.url}/{start}/my/loans/{loan.reference}/")
    page.get_by_role("button", name=TEXT[target]["switch"]).click()
    page.wait_for_url(f"**/{target}/my/loans/{loan.reference}/")
    assert page.locator("html").get_attribute("lang") == target
    assert TEXT[target]["due_now"] in page.locator("table.facts--table").inner_text()
    context.close()
