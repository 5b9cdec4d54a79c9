"""End to end, at 390x844: 李伟 asks the help box "下一次还款是什么时候" and gets his own
amount and date, then writes to support; an agent, signed in with an authenticator code,
replies from the console; he reads the reply on his phone and is told of it in his message
centre. Every page is axe-clean (no serious or critical violations); his fit 390 px."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.formats import date_format

from portal.audit.models import Record
from portal.conversations.models import Thread, ThreadStatus
from portal.notifications.models import OutboundMessage
from portal.support.demo import load_demo_staff
from repayment.demo import DEMO_PASSWORD, load_demo
from repayment.money import format_money
from repayment.statements.cache import statement_for
from tests.e2e.helpers import check_page, serious_accessibility_violations
from tests.support.staff import authenticator_code

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AGENT = "agent@demo.example"
BORROWER = "liwei@demo.example"
REFERENCE = "HCF-220417"
QUESTION = "下一次还款是什么时候"
SUBJECT = "关于下一次还款"
MESSAGE = "您好，我想把还款日改到每月16号，可以吗？"
REPLY = "Thank you for writing. We can move your payment day to the 16th from next month."
DESK = {"width": 1280, "height": 900}


@pytest.fixture
def agent_secret():
    load_demo()
    load_demo_staff()
    secret = generate_totp_secret()
    TOTP.activate(get_user_model().objects.get(email=AGENT), secret)
    return secret


def _own_figures(loan) -> tuple[str, set[str]]:
    """The amount the help answer must show, and the dates it may give with it."""
    position = statement_for(loan=loan).position
    amount = position.amount_due or position.next_payment.amount
    with translation.override("zh-hans"):
        dates = {
            date_format(day, "DATE_FORMAT")
            for day in (
                getattr(position, "oldest_unpaid_due_date", None),
                position.next_payment.date if position.next_payment else None,
            )
            if day is not None
        }
    return format_money(amount, loan.currency, "zh-hans"), dates


def test_help_then_a_person_answers(live_server, browser, page, agent_secret):
    visited: list[str] = []
    site = live_server.url
    thread_count = Thread.objects.count()

    # 李伟 signs in on his phone.
    page.goto(f"{site}/en/accounts/login/")
    page.get_by_label("Email").fill(BORROWER)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/my/")

    # He asks in Chinese and gets his own figures.
    loan = get_user_model().objects.get(email=BORROWER).borrower.loans.get()
    amount, dates = _own_figures(loan)
    page.goto(f"{site}/zh-hans/my/help/")
    page.locator("#help-question").fill(QUESTION)
    page.locator("form[role=search] button[type=submit]").click()
    answer = page.locator("section[aria-labelledby=answer-title]")
    answer.wait_for()
    text = answer.inner_text()
    assert amount in text, (amount, text)
    assert any(day in text for day in dates), (dates, text)
    check_page(page, visited, "help answer")
    # Not enough: he writes to a person, about this loan.
    page.locator("a[href*='/my/conversations/new/']").first.click()

    page.wait_for_url("**/my/conversations/new/**")
    check_page(page, visited, "new message")
    assert page.locator("#id_loan").input_value() == REFERENCE
    page.locator("#id_about_0").check()
    page.locator("#id_subject").fill(SUBJECT)
    page.locator("#id_text").fill(MESSAGE)
    page.locator("form.card button[type=submit]").click()
    page.wait_for_url("**/my/conversations/*/")
    check_page(page, visited, "thread waiting")
    assert Thread.objects.count() == thread_count + 1
    thread = Thread.objects.latest("pk")
    assert (thread.subject, thread.status) == (SUBJECT, ThreadStatus.WAITING)

    # The agent, at a desk: password, then the authenticator's code.
    desk = browser.new_context(viewport=DESK, locale="en-GB")
    console = desk.new_page()
    console.goto(f"{site}/en/accounts/login/?next=/en/support/conversations/")
    console.get_by_label("Email").fill(AGENT)
    console.get_by_label("Password").fill(DEMO_PASSWORD)
    console.get_by_role("button", name="Sign in").click()
    console.wait_for_url("**/2fa/authenticate/**")
    console.get_by_label("Code").fill(authenticator_code(agent_secret))
    console.get_by_role("button", name="Sign in").click()
    console.wait_for_url("**/en/support/conversations/")
    assert serious_accessibility_violations(console) == []
    console.get_by_role("link", name=SUBJECT).click()
    console.wait_for_url(f"**/en/support/conversations/{thread.pk}/")
    assert console.get_by_text(MESSAGE).is_visible()
    assert serious_accessibility_violations(console) == []
    console.get_by_label("Reply to the borrower").fill(REPLY)
    console.get_by_role("button", name="Send reply").click()
    console.wait_for_url("**/en/support/conversations/")
    assert console.get_by_text("Reply sent. The borrower is being told.").is_visible()
    desk.close()

    thread.refresh_from_db()
    assert thread.status == ThreadStatus.ANSWERED
    agent = get_user_model().objects.get(email=AGENT)
    assert Record.objects.filter(
        actor=agent, kind="view", action="conversation", object_id=str(thread.pk)
    ).exists()
    assert Record.objects.filter(
        actor=agent, action="conversation.replied", object_id=str(thread.pk)
    ).exists()

    # Back on his phone: the reply, and the message that told him of it.
    page.reload()
    assert page.get_by_text(REPLY).is_visible()
    check_page(page, visited, "thread answered")
    told = OutboundMessage.objects.get(
        borrower=thread.borrower, event="support_replied", channel="in_portal"
    )
    page.goto(f"{site}/zh-hans/my/messages/")
    assert page.get_by_text(told.subject).first.is_visible()
    check_page(page, visited, "message centre")
