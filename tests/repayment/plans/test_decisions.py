"""A borrower's own proposal gets an immediate answer that never breaks the policy."""

import datetime as dt
from decimal import Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

from repayment.models import PlanPolicy, Segment
from repayment.plans import decisions
from repayment.plans.decisions import Request, decide
from repayment.plans.schedules import Installment, regular_amount_by, total
from repayment.plans.situation import LoanSituation
from repayment.servicing.product_terms import add_periods
from tests.hypothesis_profiles import scaled

D = Decimal
TODAY = dt.date(2026, 11, 28)


def situation(overdue="1500.00", regular="500.00", dues=10):
    overdue, regular = D(overdue), D(regular)
    return LoanSituation(
        today=TODAY,
        currency="CNY",
        frequency="monthly",
        regular_amount=regular,
        overdue=overdue,
        balance=overdue + regular * dues,
        days_past_due=45,
        annual_rate_percent=D("15.6"),
        dues=(
            Installment(dt.date(2026, 12, 10), regular),
            *(Installment(dt.date(2027, m, 10), regular) for m in range(1, dues)),
        ),
    )


def policy(**kwargs):
    return PlanPolicy(**{"min_installment": D("50.00"), "auto_accept_max_months": 12, **kwargs})


def ask(amount, *, available="2000.00", frequency="monthly", segment=Segment.ARREARS, **kw):
    return decide(
        request=Request(D(amount), frequency, dt.date(2026, 12, 5)),
        situation=kw.pop("situation", situation()),
        policy=kw.pop("policy", policy()),
        segment=segment,
        available_monthly=D(available),
        plans_this_year=kw.pop("plans_this_year", 0),
    )


def test_an_affordable_proposal_inside_policy_is_accepted_with_its_reason():
    outcome = ask("900.00")
    assert outcome.decision == "accepted"
    assert outcome.reasons == (decisions.INSIDE_POLICY,)
    assert outcome.terms.first.amount == D("900.00")
    owed = D("1500.00") + regular_amount_by(situation().dues, outcome.terms.last.due_date)
    assert outcome.terms.total == owed


def test_a_proposal_over_budget_is_countered_at_what_the_budget_affords():
    outcome = ask("1500.00", available=D("800.00"))
    assert outcome.decision == "countered"
    assert decisions.OVER_BUDGET in outcome.reasons
    assert outcome.terms.largest <= D("800.00")


def test_too_slow_is_countered_with_the_smallest_payment_that_catches_up_in_time():
    outcome = ask("520.00", policy=policy(auto_accept_max_months=6))
    assert outcome.decision == "countered"
    assert decisions.TOO_LONG in outcome.reasons
    assert outcome.terms.count <= 6
    assert outcome.terms.first.amount > D("520.00")


def test_below_the_minimum_is_raised_to_the_minimum():
    small = situation(overdue=D("200.00"), regular=D("20.00"))
    outcome = ask("10.00", situation=small, policy=policy(min_installment=D("50.00")))
    assert outcome.decision == "countered"
    assert outcome.reasons[0] == decisions.BELOW_MINIMUM
    assert outcome.terms.smallest >= D("50.00")


def test_nothing_left_in_the_budget_goes_to_a_person_not_a_refusal():
    outcome = ask("100.00", available=D("-50.00"))
    assert outcome.decision == "review"
    assert outcome.reasons == (decisions.NOTHING_LEFT,)


def test_repeated_difficulty_and_the_yearly_limit_go_to_a_person():
    assert ask("900.00", segment=Segment.REPEATED_DIFFICULTY).decision == "review"
    assert ask("900.00", plans_this_year=2).reasons == (decisions.PLANS_LIMIT,)


amounts = st.integers(min_value=1, max_value=500_000).map(lambda n: D(n) / 100)


@settings(max_examples=scaled(300))
@given(
    amount=amounts,
    available=st.integers(min_value=-100_000, max_value=600_000).map(lambda n: D(n) / 100),
    overdue=st.integers(min_value=5_000, max_value=1_000_000).map(lambda n: D(n) / 100),
    regular=st.integers(min_value=0, max_value=200_000).map(lambda n: D(n) / 100),
    frequency=st.sampled_from(["weekly", "fortnightly", "monthly"]),
    months=st.integers(min_value=1, max_value=24),
    minimum=st.integers(min_value=100, max_value=20_000).map(lambda n: D(n) / 100),
)
# Found by hypothesis: a last payment of 24.99 is topped up to the minimum from the first.
@example(
    amount=D("25.01"),
    available=D("54.19"),
    overdue=D("50.00"),
    regular=D("0"),
    frequency="fortnightly",
    months=1,
    minimum=D("25.00"),
)
# Found by hypothesis: 25.01 then 24.99 cannot be topped up to a minimum of 25.01, so the two
# are joined into one payment of 50.00: more than the borrower offered, so a counter-offer.
@example(
    amount=D("25.01"),
    available=D("2000.00"),
    overdue=D("50.00"),
    regular=D("0"),
    frequency="monthly",
    months=7,
    minimum=D("25.01"),
)
def test_no_automatic_answer_ever_breaks_the_policy_or_the_budget(
    amount, available, overdue, regular, frequency, months, minimum
):
    where = situation(overdue=overdue, regular=regular)
    rules = policy(auto_accept_max_months=months, min_installment=minimum)
    outcome = ask(amount, available=available, frequency=frequency, situation=where, policy=rules)
    if outcome.decision == "review":
        assert outcome.terms is None
        return
    terms = outcome.terms
    affordable = decisions.affordable_each_time(available, frequency, "CNY")
    assert terms.largest <= affordable
    assert terms.count <= decisions.periods_within(months, frequency)
    assert terms.smallest >= minimum or terms.count == 1
    # It catches up exactly: the overdue amount and the regular payments falling due up to
    # its last payment (or, when a small last payment was joined onto the one before, up to
    # the date the joined payment would have fallen on).
    last = terms.last.due_date
    period_end = add_periods(last, frequency, 1)
    owed_at = overdue + regular_amount_by(where.dues, last)
    assert (
        owed_at <= total(terms.installments) <= overdue + regular_amount_by(where.dues, period_end)
    )
    inside = minimum <= amount <= affordable
    if decisions.JOINED_LAST in outcome.reasons:
        assert terms.largest > min(amount, affordable)  # one payment is more than was offered
    if outcome.decision == "countered":
        assert (
            not inside or terms.first.amount != amount or decisions.JOINED_LAST in outcome.reasons
        )
    if outcome.decision == "accepted":
        # The borrower's amount each time; only the last two payments may differ, where a
        # small last payment was brought up to the minimum or joined onto the one before
        # (still within the budget, checked above).
        assert inside
        assert all(item.amount == amount for item in terms.installments[:-2])
        # A plan of one or two payments still starts with the borrower's amount (or the
        # whole of it, when the amount covers everything), less only what brought a small
        # second and last payment up to the minimum (25.01 then 24.99 becomes 25.00 twice).
        wanted = min(amount, total(terms.installments))
        topped_up = terms.count == 2 and terms.last.amount == minimum
        assert terms.first.amount == wanted or (topped_up and minimum <= terms.first.amount)


def test_a_joined_last_payment_is_a_counter_offer_that_says_why():
    small = situation(overdue=D("50.00"), regular=D("0"))

    outcome = ask("25.01", situation=small, policy=policy(min_installment=D("25.01")))

    assert outcome.decision == "countered"
    assert outcome.reasons == (decisions.JOINED_LAST,)
    assert [item.amount for item in outcome.terms.installments] == [D("50.00")]
