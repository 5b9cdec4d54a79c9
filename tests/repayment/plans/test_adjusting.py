"""A borrower's own changes to their plan: a new payday never puts two payments closer together
than the plan's period allows, never moves a payment further from its agreed date than the
policy's limit however often it is changed, and never changes what the plan adds up to; a
payday that cannot be kept is refused whole, and only the days that work are offered."""

import calendar
import contextlib
import datetime as dt
import itertools
import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repayment.models import PlanPolicy
from repayment.plans.accepting import accept
from repayment.plans.adjusting import (
    MIN_GAP_DAYS,
    PlanChangeError,
    Slot,
    change_payday,
    move_payment,
    on_payday,
    payday_choices,
)
from repayment.plans.keeping_on_track import MOVED_TO_END, track
from repayment.plans.options import options_for
from repayment.plans.schedules import Installment
from repayment.plans.terms import PlanTerms
from repayment.servicing.product_terms import add_periods
from tests.hypothesis_profiles import scaled
from tests.repayment.plan_fixtures import D, late_loan, url

TODAY = dt.date(2027, 1, 20)


def dates_of(start, frequency, count):
    return [add_periods(start, frequency, n) for n in range(count)]


def gaps(dates):
    return [(later - earlier).days for earlier, later in itertools.pairwise(dates)]


# --- the rule, on plain dates ----------------------------------------------------------------


def test_moving_a_payment_on_the_31st_to_the_1st_moves_it_forward_not_back_beside_the_last():
    # Paid 31 December; due 31 January, 28 February, 31 March; today is 20 January.
    agreed = [dt.date(2026, 12, 31), *dates_of(dt.date(2027, 1, 31), "monthly", 3)]
    slots = [Slot(day, day, day > TODAY) for day in agreed]

    moved = on_payday(slots, day=1, frequency="monthly", today=TODAY, max_days=14)

    assert moved == (
        dt.date(2026, 12, 31),
        dt.date(2027, 2, 1),
        dt.date(2027, 3, 1),
        dt.date(2027, 4, 1),
    )


def test_a_payday_too_far_from_the_agreed_dates_is_refused_whole():
    # Agreed on the 16th: the 1st is 15 days before, and the next 1st over 14 days after.
    agreed = dates_of(dt.date(2027, 2, 16), "monthly", 3)
    slots = [Slot(day, day, True) for day in agreed]

    assert on_payday(slots, day=1, frequency="monthly", today=TODAY, max_days=14) is None
    assert on_payday(slots, day=2, frequency="monthly", today=TODAY, max_days=14) is not None


FREQUENCIES = st.sampled_from(["weekly", "fortnightly", "monthly"])


@st.composite
def plans(draw):
    """A plan as the schedule makes it (one period apart from its start, any day of the month),
    some of it paid, and a policy's limit on moving a payment."""
    frequency = draw(FREQUENCIES)
    start = draw(st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2027, 12, 31)))
    count = draw(st.integers(min_value=1, max_value=12))
    agreed = dates_of(start, frequency, count)
    amounts = draw(
        st.lists(
            st.decimals(min_value=D("50.00"), max_value=D("900.00"), places=2),
            min_size=count,
            max_size=count,
        )
    )
    paid = draw(st.integers(min_value=0, max_value=count))
    # Today: somewhere from before the plan to just before its last payment.
    today = agreed[0] - dt.timedelta(days=draw(st.integers(min_value=-60, max_value=20)))
    today = min(today, agreed[-1] - dt.timedelta(days=1))
    max_days = draw(st.integers(min_value=1, max_value=14))
    days = st.integers(min_value=1, max_value=31) if frequency == "monthly" else st.integers(0, 6)
    changes = draw(st.lists(days, min_size=1, max_size=6))
    return frequency, agreed, amounts, paid, today, max_days, changes


@settings(max_examples=scaled(300), deadline=None)
@given(plans())
def test_any_sequence_of_payday_changes_keeps_gaps_total_and_limit(plan):
    frequency, agreed, amounts, paid, today, max_days, changes = plan
    total = sum(amounts, Decimal(0))
    dates = list(agreed)
    for day in changes:
        slots = [
            Slot(when, first, number >= paid and when >= today)
            for number, (when, first) in enumerate(zip(dates, agreed, strict=True))
        ]
        moved = on_payday(slots, day=day, frequency=frequency, today=today, max_days=max_days)
        if moved is None:
            continue  # refused whole: nothing moved
        dates = list(moved)

        # Never two payments closer together than the plan's period allows.
        assert all(gap >= MIN_GAP_DAYS[frequency] for gap in gaps(dates)), dates
        # The schedule still adds up to the plan's total: dates move, amounts never do.
        schedule = list(zip(dates, amounts, strict=True))
        assert sum((amount for _, amount in schedule), Decimal(0)) == total
        # Paid and past payments stay put; nothing moves into the past.
        for when, before in zip(dates, slots, strict=True):
            if not before.movable:
                assert when == before.due_date
            else:
                assert when > today
        # However many changes, no payment (the first unpaid one included) drifts beyond the
        # limit from its agreed date.
        assert all(
            abs((when - first).days) <= max_days for when, first in zip(dates, agreed, strict=True)
        )


# --- on the borrower's plan ------------------------------------------------------------------


def monthly_plan(start_day, count=3):
    """A borrower's plan of ``count`` monthly payments on ``start_day`` (a short month: its last
    day), the first next month."""
    loan = late_loan()
    options = options_for(loan=loan)
    today = options.statement.today
    next_month = add_periods(today.replace(day=1), "monthly", 1)
    first = next_month.replace(day=min(start_day, calendar.monthrange(*ym(next_month))[1]))
    terms = PlanTerms(
        kind="own",
        frequency="monthly",
        installments=tuple(
            Installment(add_periods(first, "monthly", n), D("400.00")) for n in range(count)
        ),
        covers_overdue=D("1100.00"),
    )
    plan, _ = accept(loan=loan, terms=terms, key="p" * 32, segment="arrears", today=today)
    return loan, plan, today


def ym(day):
    return day.year, day.month


def dates(plan):
    return [item.due_date for item in plan.installments.order_by("due_date", "number")]


@pytest.mark.django_db
def test_a_new_payday_on_the_1st_never_leaves_two_payments_a_day_apart():
    _loan, plan, today = monthly_plan(start_day=31)
    before = dates(plan)

    moved = change_payday(plan=plan, day=1, today=today)

    after = dates(plan)
    assert moved == len(before)
    assert all(day.day == 1 for day in after)
    assert all(gap >= 28 for gap in gaps(after))
    assert all(0 < (new - old).days <= 14 for old, new in zip(before, after, strict=True))


@pytest.mark.django_db
def test_changing_payday_again_and_again_cannot_slide_a_payment_past_the_limit():
    _loan, plan, today = monthly_plan(start_day=15)
    agreed = dates(plan)

    for day in (28, 1, 28, 29, 1, 28):
        with contextlib.suppress(PlanChangeError):
            change_payday(plan=plan, day=day, today=today)

    assert all(abs((new - old).days) <= 14 for old, new in zip(agreed, dates(plan), strict=True))
    # The 29th is 14 days after the 15th: allowed. The 30th is not, nor the 1st of next month.
    with pytest.raises(PlanChangeError, match="up to 14 days from the date first agreed"):
        change_payday(plan=plan, day=30, today=today)
    assert 30 not in payday_choices(plan, today=today)
    assert {1, 15, 29} <= set(payday_choices(plan, today=today))


@pytest.mark.django_db
def test_a_payment_moved_to_the_end_can_still_follow_a_new_payday():
    _loan, plan, _today = monthly_plan(start_day=10)
    first = dates(plan)[0]
    # The first payment is missed: the daily task moves it to the end of the plan.
    assert track(plan, today=first + dt.timedelta(days=10)) == MOVED_TO_END
    later = first + dt.timedelta(days=10)

    change_payday(plan=plan, day=12, today=later)

    after = dates(plan)
    assert all(day.day == 12 for day in after if day > later)
    assert all(gap >= 28 for gap in gaps(after))


# --- the plan page ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_after_the_one_move_the_page_says_why_no_more_and_what_to_do_instead(client):
    loan, plan, today = monthly_plan(start_day=10)
    client.force_login(loan.borrower.user)
    page = client.get(url("loan_plan", loan)).content.decode()
    assert "Move this payment" in page
    assert "You have used the one move" not in page

    item = plan.installments.order_by("due_date").first()
    move_payment(
        plan=plan, number=item.number, new_date=item.due_date + dt.timedelta(days=3), today=today
    )
    page = client.get(url("loan_plan", loan)).content.decode()

    assert "Move this payment" not in page
    assert "You have used the one move this plan allows" in page
    assert "move all your remaining payments to your new payday" in page
    assert "contact us before its date" in page


@pytest.mark.django_db
def test_the_payday_form_offers_only_days_that_keep_to_the_limits(client):
    loan, _plan, _today = monthly_plan(start_day=15)
    client.force_login(loan.borrower.user)
    page = client.get(url("loan_plan", loan)).content.decode()
    select = page[page.index('name="day"') :]
    select = select[: select.index("</select>")]
    offered = {int(n) for n in re.findall(r'<option value="(\d+)"', select)}
    assert offered and 15 in offered and 29 in offered
    assert 30 not in offered and 31 not in offered


@pytest.mark.django_db
def test_a_payday_change_the_limits_refuse_says_why_and_moves_nothing(client):
    loan, plan, _today = monthly_plan(start_day=15)
    before = dates(plan)
    client.force_login(loan.borrower.user)

    response = client.post(url("plan_payday", loan), {"day": "31"}, follow=True)

    assert "can&#x27;t all move to that day" in response.content.decode()
    assert dates(plan) == before


@pytest.mark.django_db
def test_a_payday_change_a_lender_switched_off_is_not_offered(client):
    loan, _plan, _today = monthly_plan(31)
    PlanPolicy.objects.create(product=loan.product, payday_change_allowed=False)
    client.force_login(loan.borrower.user)
    assert "Change my payment day" not in client.get(url("loan_plan", loan)).content.decode()
