"""The help box answers with the borrower's own figures, read from the same statement as home
and the statement page, in English and Chinese; it respects the loan's state, and it answers
only about the signed-in borrower's own loans."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import formats, translation

from portal.answers.models import IntentPhrasing
from repayment.money import format_money
from repayment.paying.reference import payment_reference
from repayment.statements.cache import statement_for
from tests.factories import LoanFactory, UserFactory
from tests.repayment.test_one_position import (
    STATES,
    disputed_fee,
    entry,
    late,
    on_plan,
    paid_off,
    paused,
    up_to_date,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("today")]

D = Decimal


def money(amount, language="en") -> str:
    return format_money(D(amount), "CNY", language)


def day(value, language="en") -> str:
    with translation.override(language):
        return formats.date_format(value, "DATE_FORMAT")


def flat(html: str) -> str:
    return re.sub(r"\s+", " ", html)


def ask(client, question, loan=None, language="en", status=200):
    with translation.override(language):
        url = reverse("answers:ask")
    params = {"q": question}
    if loan is not None:
        params["loan"] = loan.reference
    response = client.get(url, params)
    assert response.status_code == status
    return flat(response.content.decode())


def signed_in(client, loan):
    client.force_login(loan.borrower.user)
    return loan


def answer_part(page: str) -> str:
    """The answer card alone, without the common questions and the form."""
    start = page.index('id="answer-title"')
    return page[start : page.index("</section>", start)]


# -- next payment: the same figures as the loan's card on home, in every state ---------------


@pytest.mark.parametrize("state", STATES)
def test_next_payment_names_the_amount_and_date_home_shows(client, state):
    make, _status, due, next_payment, _step = STATES[state]
    loan = signed_in(client, make())
    home = flat(client.get(reverse("borrower_home")).content.decode())

    answer = answer_part(ask(client, "when is my next payment"))

    if D(due):
        assert money(due) in answer and money(due) in home
    if next_payment is not None:
        amount, when, _source = next_payment
        for text in (money(amount), day(when)):
            assert text in answer, state
            assert text in home, state
    if state == "paid off":
        assert "You paid this loan in full on May 12, 2026. Nothing more to pay." in answer
        assert reverse("loan_pay", args=[loan.reference]) not in answer
    if state == "disputed fee":
        assert money("1130.00") not in answer  # the questioned fee is held out
        assert "that you questioned is not included" in answer


def test_next_payment_in_chinese_gives_the_borrowers_own_amount_and_date(client):
    loan = signed_in(client, up_to_date())

    answer = answer_part(ask(client, "下次还款是什么时候", language="zh-hans"))

    assert money("550.00", "zh-hans") in answer
    assert day(statement_for(loan=loan).position.next_payment.date, "zh-hans") in answer


def test_a_question_on_a_statement_is_answered_for_that_loan_only(client):
    loan = signed_in(client, late())
    other = LoanFactory(
        borrower=loan.borrower, reference="HCF-OTHER", installment_amount=D("77.00")
    )
    from tests.repayment.test_one_position import entry

    entry(other, "disbursement", "900.00", loan.disbursed_on)
    for month in (2, 3, 4, 5, 6):
        entry(other, "installment_due", "77.00", loan.first_due_date.replace(month=month))

    on_statement = answer_part(ask(client, "when is my next payment", loan=loan))
    on_home = answer_part(ask(client, "when is my next payment"))

    assert money("1130.00") in on_statement and money("77.00") not in on_statement
    assert money("1130.00") in on_home and "HCF-OTHER" in on_home


# -- why the balance changed ------------------------------------------------------------------


def test_balance_changed_lists_the_last_30_days_with_their_amounts(client):
    loan = signed_in(client, late())
    from tests.repayment.test_one_position import entry

    entry(loan, "payment", "200.00", loan.first_due_date.replace(month=5, day=14))
    statement = statement_for(loan=loan)

    answer = answer_part(ask(client, "why did my balance go up"))

    assert "On April 20, 2026 you owed" in answer
    assert f"Today you owe {money(statement.balance.total)}" in answer
    assert "May 14, 2026" in answer and f"− {money('200.00')}" in answer
    assert "May 10, 2026" in answer and f"{money('550.00')} due" in answer
    assert "April 16, 2026" not in answer  # the fee is older than 30 days
    assert reverse("loan_statement", args=[loan.reference]) + "#history" in answer


def test_balance_changed_in_chinese(client):
    loan = signed_in(client, late())

    answer = answer_part(ask(client, "为什么我的余额增加了", language="zh-hans"))

    assert day(loan.first_due_date.replace(month=5), "zh-hans") in answer
    assert money("550.00", "zh-hans") in answer


# -- fees: the line, the rule, and how to question it ------------------------------------------


def test_fee_shows_the_fee_line_the_rule_and_a_link_to_question_it(client):
    loan = signed_in(client, late())
    fee = loan.entries.get(kind="fee")

    answer = answer_part(ask(client, "why did I get a late fee"))

    assert "April 16, 2026" in answer and f"+ {money('30.00')}" in answer
    assert "still unpaid 5 days after its due date" in answer
    assert f"The fee is {money('30.00')}." in answer
    assert f"{reverse('loan_dispute', args=[loan.reference])}?entry={fee.pk}" in answer


def test_fee_in_chinese_shows_the_borrowers_own_fee(client):
    loan = signed_in(client, late())
    fee = loan.entries.get(kind="fee")

    answer = answer_part(ask(client, "为什么收我滞纳金", language="zh-hans"))

    assert money("30.00", "zh-hans") in answer
    assert day(fee.effective_date, "zh-hans") in answer
    assert f"?entry={fee.pk}" in answer


def test_a_questioned_fee_is_shown_on_hold_not_offered_again(client):
    loan = signed_in(client, disputed_fee())
    fee = loan.entries.get(kind="fee")

    answer = answer_part(ask(client, "what is this fee"))

    assert "You questioned this: on hold while we look into it" in answer
    assert f"?entry={fee.pk}" not in answer


def test_no_fee_yet_says_so_and_warns_of_the_next_one_from_the_timeline(client):
    loan = signed_in(client, up_to_date())
    step = next(s for s in statement_for(loan=loan).position.steps if s.kind == "late_fee")

    answer = answer_part(ask(client, "what is this fee"))

    assert "No fees have been charged on this loan in the last year." in answer
    assert f"the next late fee would be {money(step.fee)}, charged on {day(step.date)}" in answer


# -- how to pay ---------------------------------------------------------------------------------


def test_how_to_pay_gives_the_amount_the_reference_and_the_pay_page(client):
    loan = signed_in(client, late())

    answer = answer_part(ask(client, "how do I pay"))

    assert f"Pay {money('1130.00')} now." in answer
    assert payment_reference(loan.reference) in answer
    assert reverse("loan_pay", args=[loan.reference]) in answer


def test_how_to_pay_in_chinese(client):
    loan = signed_in(client, up_to_date())

    answer = answer_part(ask(client, "怎么还款", language="zh-hans"))

    assert money("550.00", "zh-hans") in answer
    assert payment_reference(loan.reference) in answer


def test_how_to_pay_a_paid_off_loan_asks_for_nothing(client):
    loan = signed_in(client, paid_off())

    answer = answer_part(ask(client, "how do I pay"))

    assert "There is nothing to pay on this loan." in answer
    assert reverse("loan_pay", args=[loan.reference]) not in answer


# -- can't pay: what the loan's state allows ---------------------------------------------------


def test_cant_pay_when_late_offers_plans_and_a_pause(client):
    loan = signed_in(client, late())

    answer = answer_part(ask(client, "I can't pay"))

    assert money("1130.00") in answer
    assert reverse("loan_help", args=[loan.reference]) in answer
    assert reverse("loan_pause", args=[loan.reference]) in answer


def test_cant_pay_on_a_plan_points_to_the_plan_and_offers_no_pause(client):
    loan = signed_in(client, on_plan())

    answer = answer_part(ask(client, "我还不上钱", language="zh-hans"))

    with translation.override("zh-hans"):
        assert reverse("loan_plan", args=[loan.reference]) in answer
        assert reverse("loan_pause", args=[loan.reference]) not in answer


def test_cant_pay_while_paused_offers_no_second_pause(client):
    loan = signed_in(client, paused())

    answer = answer_part(ask(client, "I can't pay"))

    assert "Your payments are paused until June 13, 2026." in answer
    assert reverse("loan_pause", args=[loan.reference]) not in answer


def test_cant_pay_on_a_paid_off_loan_offers_nothing(client):
    loan = signed_in(client, paid_off())

    answer = answer_part(ask(client, "I can't pay"))

    assert "This loan is paid off: there is nothing to arrange." in answer
    for name in ("loan_help", "loan_pause", "loan_plan"):
        assert reverse(name, args=[loan.reference]) not in answer


# -- messages, rights, a person ----------------------------------------------------------------


def test_stop_messages_says_what_is_on_and_links_to_the_preferences(client):
    signed_in(client, late())

    answer = answer_part(ask(client, "stop sending me messages"))

    assert "E-mails: on." in answer and "Text messages: off." in answer
    assert reverse("contact_preferences") in answer


def test_rights_shows_free_help_and_rights(client):
    signed_in(client, late())

    answer = answer_part(ask(client, "我有什么权利", language="zh-hans"))

    assert 'id="advice-title"' in answer


def test_talk_to_a_person_links_to_a_new_conversation(client):
    loan = signed_in(client, late())

    answer = answer_part(ask(client, "I want to talk to a person", loan=loan))

    assert f"{reverse('conversations:new')}?loan={loan.reference}" in answer
    assert "+86 400 800 1234" in answer  # the lender's phone, as on the statement


def test_the_answer_says_why(client):
    signed_in(client, late())

    page = ask(client, "when must I pay my next payment")

    assert "Why this answer: your question is close to “when must I pay”." in page


# -- unsure ---------------------------------------------------------------------------------------


def test_an_unknown_question_says_so_and_offers_lessons_and_a_person(client, lessons):
    loan = signed_in(client, late())

    answer = answer_part(ask(client, "reading"))

    assert "We are not sure what you are asking" in answer
    assert "reading-your-statement" in answer  # the lesson search found it
    assert f"{reverse('conversations:new')}?loan={loan.reference}" in answer  # the only loan
    assert "Why this answer" not in answer


def test_an_editors_phrasing_teaches_the_help_box_a_new_way_to_ask(client):
    signed_in(client, late())
    question = "zorbly quux"
    assert "We are not sure" in ask(client, question)

    IntentPhrasing.objects.create(intent="next_payment", language="en", text="zorbly quux")

    assert "Why this answer: your question is close to “zorbly quux”." in ask(client, question)


# -- bad input and scoping -------------------------------------------------------------------------


def test_an_empty_or_too_long_question_is_told_plainly(client):
    signed_in(client, late())

    assert "Type a question first." in ask(client, "")
    assert "under 300 characters" in ask(client, "x" * 301)
    ask(client, "fee\x00", status=400)  # refused before it reaches the view (portal/hostile.py)
    assert "Type a question first." in ask(client, "   ")


def test_another_borrowers_loan_is_a_404(client):
    signed_in(client, late())
    someone_else = LoanFactory(borrower__user=UserFactory())

    ask(client, "when is my next payment", loan=someone_else, status=404)
    assert client.get(reverse("answers:ask"), {"q": "fee", "loan": "NOPE"}).status_code == 404
    assert client.get(reverse("answers:ask"), {"q": "fee", "loan": "x" * 500}).status_code == 404


def test_the_help_page_needs_a_signed_in_borrower(client):
    response = client.get(reverse("answers:ask"), {"q": "when is my next payment"})

    assert response.status_code == 302 and "login" in response["Location"]


def test_the_help_box_is_on_home_and_on_the_statement_naming_the_loan(client):
    loan = signed_in(client, late())
    ask_url = reverse("answers:ask")

    home = flat(client.get(reverse("borrower_home")).content.decode())
    statement = flat(client.get(reverse("loan_statement", args=[loan.reference])).content.decode())

    assert f'action="{ask_url}"' in home and 'name="loan"' not in home
    assert f'action="{ask_url}"' in statement
    assert f'<input type="hidden" name="loan" value="{loan.reference}">' in statement


def test_a_borrower_with_no_loans_is_told_so(client):
    from tests.factories import BorrowerFactory

    borrower = BorrowerFactory(user=UserFactory())
    client.force_login(borrower.user)

    answer = answer_part(ask(client, "how do I pay"))

    assert "We can't find any loans for you yet." in answer


# -- what home says beside the figures, the answers say too ------------------------------------


@pytest.mark.parametrize("question", ["when is my next payment", "how do I pay"])
def test_a_questioned_fee_is_set_aside_in_the_answer_as_on_home(client, question):
    signed_in(client, disputed_fee())
    home = flat(client.get(reverse("borrower_home")).content.decode())
    note = re.search(r"[^>]*that you questioned is not included[^<]*", home).group(0)

    assert note in answer_part(ask(client, question))


def test_cant_pay_with_money_in_credit_says_so_rather_than_paid_off(client):
    loan = paid_off()
    entry(loan, "payment", "200.00", dt.date(2026, 5, 15))
    assert statement_for(loan=loan).position.status == "in_credit"
    signed_in(client, loan)

    answer = answer_part(ask(client, "i can't pay"))

    assert "more than you owe" in answer
    assert "paid off" not in answer
