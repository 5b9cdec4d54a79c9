"""The answer to a recognised question, from the borrower's own account: every figure is read
from the loan's statement (``statement_for``, whose ``position`` every page reads), never worked
out again here, so the help box cannot disagree with home or the statement."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal

from education import catalogue
from education.debt_advice import Advice
from education.search import Results, search
from education.text_analysis import has_cjk
from portal.notifications.preferences import channel_states, current_preferences, form_values
from repayment import position as pos
from repayment.borrowers_word import OpenWord, open_words
from repayment.debt_advice import advice_for
from repayment.ledger import replay as ledger
from repayment.models import Borrower, Loan
from repayment.paying.methods import PayRequest, pay_request
from repayment.paying.reference import payment_reference
from repayment.plans.options import Options, options_for
from repayment.statements.build import HistoryLine, Statement
from repayment.statements.cache import statement_for

from . import intents
from .matching import Match

RECENT_DAYS = 30
RIGHTS_TOPIC = "your-rights"


@dataclass(frozen=True, slots=True)
class FeeRule:
    """The loan's late-fee terms, as servicing charges them (repayment/servicing/late_fees.py)."""

    grace_days: int
    fixed: Decimal
    percent: Decimal
    cap: Decimal | None

    @property
    def charges(self) -> bool:
        return self.fixed > 0 or self.percent > 0


@dataclass(frozen=True, slots=True)
class LoanAnswer:
    """What one loan says to the question."""

    loan: Loan
    statement: Statement
    # balance_changed
    since: date | None = None
    owed_then: Decimal | None = None
    recent: tuple[HistoryLine, ...] = ()
    # fee
    fees: tuple[HistoryLine, ...] = ()
    fee_rule: FeeRule | None = None
    next_fee: pos.Step | None = None
    # how_to_pay
    asked: PayRequest | None = None
    reference: str = ""
    # cant_pay
    options: Options | None = None
    # rights
    advice: Advice | None = None
    # next_payment, how_to_pay: a promise to pay or a payment on its way, said as home says it
    word: OpenWord | None = None

    @property
    def position(self) -> pos.Position:
        return self.statement.position

    @property
    def pause_offered(self) -> bool:
        """The rule the help page offers a pause by (``Options.can_ask_pause``); on a plan the
        answer points to the plan first, and the help page it links to offers the rest."""
        options = self.options
        return options is not None and options.can_ask_pause and options.active_plan is None


@dataclass(frozen=True, slots=True)
class Answer:
    question: str
    match: Match
    loans: tuple[LoanAnswer, ...] = ()
    results: Results | None = None
    rights_lessons: tuple[catalogue.Lesson, ...] = ()
    messages: dict = field(default_factory=dict)

    @property
    def intent(self) -> str:
        return self.match.intent


def question_language(question: str) -> str:
    """Lessons are searched in the language the question is written in."""
    return "zh-hans" if has_cjk(question) else "en"


def answer(
    *, question: str, match: Match, borrower: Borrower, loans: list[Loan], language: str
) -> Answer:
    """``loans``: the borrower's own (already scoped to them), or the one they asked on."""
    intent = match.intent
    if intent == intents.UNKNOWN:
        results = search(query=question, language=question_language(question))
        return Answer(question, match, results=results)
    if intent == intents.TALK_TO_PERSON:
        return Answer(question, match, loans=tuple(_plain(loan) for loan in loans))
    if intent == intents.STOP_MESSAGES:
        preferences = current_preferences(borrower)
        values = form_values(
            borrower, preferences, channel_states(borrower=borrower, preferences=preferences)
        )
        return Answer(
            question,
            match,
            messages={"email": values["email_enabled"], "sms": values["sms_enabled"]},
        )
    if intent == intents.RIGHTS:
        lessons = tuple(
            lesson
            for lesson in catalogue.lessons(language=language)
            if lesson.topic == RIGHTS_TOPIC
        )
        return Answer(
            question,
            match,
            loans=tuple(_rights(loan, language) for loan in loans[:1]),
            rights_lessons=lessons,
        )
    build = {
        intents.NEXT_PAYMENT: _plain,
        intents.BALANCE_CHANGED: _balance_changed,
        intents.FEE: _fees,
        intents.HOW_TO_PAY: _how_to_pay,
        intents.CANT_PAY: _cant_pay,
    }[intent]
    answers = tuple(build(loan) for loan in loans)
    if intent in (intents.NEXT_PAYMENT, intents.HOW_TO_PAY):
        words = open_words(loans)
        answers = tuple(replace(one, word=words[one.loan.pk]) for one in answers)
    return Answer(question, match, loans=answers)


def _plain(loan: Loan) -> LoanAnswer:
    return LoanAnswer(loan=loan, statement=statement_for(loan=loan))


def _balance_changed(loan: Loan) -> LoanAnswer:
    """The entries of the last ``RECENT_DAYS`` days, newest first, with what was owed before
    them (the statement's own balance on that day)."""
    statement = statement_for(loan=loan)
    since = statement.today - timedelta(days=RECENT_DAYS)
    owed_then = Decimal("0.00")
    for day, balance in statement.balance_series:
        if day >= since:
            break
        owed_then = balance
    recent = tuple(line for line in statement.history if line.date >= since)
    return LoanAnswer(
        loan=loan, statement=statement, since=since, owed_then=owed_then, recent=recent
    )


def _fees(loan: Loan) -> LoanAnswer:
    statement = statement_for(loan=loan)
    product = loan.product
    fees = tuple(line for line in statement.history if line.kind == ledger.FEE)
    next_fee = next(
        (
            step
            for step in statement.position.steps
            if step.kind == pos.LATE_FEE and not step.happened
        ),
        None,
    )
    return LoanAnswer(
        loan=loan,
        statement=statement,
        fees=fees,
        fee_rule=FeeRule(
            grace_days=product.grace_days,
            fixed=product.late_fee_fixed,
            percent=product.late_fee_percent,
            cap=product.late_fee_cap,
        ),
        next_fee=next_fee,
    )


def _how_to_pay(loan: Loan) -> LoanAnswer:
    statement = statement_for(loan=loan)
    return LoanAnswer(
        loan=loan,
        statement=statement,
        asked=pay_request(statement.position),
        reference=payment_reference(loan.reference),
    )


def _cant_pay(loan: Loan) -> LoanAnswer:
    options = options_for(loan=loan)
    return LoanAnswer(loan=loan, statement=options.statement, options=options)


def _rights(loan: Loan, language: str) -> LoanAnswer:
    return LoanAnswer(
        loan=loan,
        statement=statement_for(loan=loan),
        advice=advice_for(product=loan.product, language=language),
    )
