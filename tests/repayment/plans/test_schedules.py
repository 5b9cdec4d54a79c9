"""Plan schedules add up exactly, respect the minimum and land on real dates."""

import datetime as dt
import itertools
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from repayment.plans.schedules import Installment, dates_from, paying_each_time, split, total
from repayment.servicing.product_terms import add_periods

D = Decimal
cents = st.integers(min_value=1, max_value=10_000_000).map(lambda n: D(n) / 100)
frequencies = st.sampled_from(["weekly", "fortnightly", "monthly"])
days = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2030, 12, 31))


@given(amount=cents, parts=st.integers(min_value=1, max_value=60))
def test_split_sums_exactly_and_only_the_last_part_differs(amount, parts):
    shares = split(amount, parts, "CNY")
    assert sum(shares) == amount
    assert len(set(shares[:-1])) <= 1
    assert all(share == share.quantize(D("0.01")) for share in shares)
    assert shares[-1] >= shares[0]  # the remainder goes into the last part


def test_split_rule_puts_the_remainder_last():
    assert split(D("100.00"), 3, "CNY") == (D("33.33"), D("33.33"), D("33.34"))
    assert split(D("1000"), 3, "JPY") == (D("333"), D("333"), D("334"))


@given(start=days, frequency=frequencies, count=st.integers(min_value=1, max_value=36))
def test_dates_are_real_increasing_and_keep_month_ends(start, frequency, count):
    dates = dates_from(start, frequency, count)
    assert len(dates) == count
    assert all(a < b for a, b in itertools.pairwise(dates))
    if frequency == "monthly" and start.day <= 28:
        assert all(day.day == start.day for day in dates)


def test_a_plan_started_on_the_31st_uses_each_month_end_including_leap_february():
    dates = dates_from(dt.date(2028, 1, 31), "monthly", 4)
    assert dates == (
        dt.date(2028, 1, 31),
        dt.date(2028, 2, 29),
        dt.date(2028, 3, 31),
        dt.date(2028, 4, 30),
    )


@given(
    amount=cents,
    overdue=cents,
    regular=st.integers(min_value=0, max_value=200_000).map(lambda n: D(n) / 100),
    minimum=st.integers(min_value=1, max_value=10_000).map(lambda n: D(n) / 100),
    frequency=frequencies,
    limit=st.integers(min_value=1, max_value=60),
)
def test_paying_each_time_sums_to_what_it_covers_and_never_dips_below_the_minimum(
    amount, overdue, regular, minimum, frequency, limit
):
    start = dt.date(2026, 12, 1)
    dues = tuple(Installment(dt.date(2027, m, 15), regular) for m in range(1, 13) if regular)
    amount = max(amount, minimum)
    schedule = paying_each_time(
        amount=amount,
        frequency=frequency,
        start=start,
        overdue=overdue,
        dues=dues,
        minimum=minimum,
        limit=limit,
    )
    assert 1 <= len(schedule) <= limit
    last = schedule[-1].due_date
    period_end = add_periods(last, frequency, 1)
    owed_by_last = overdue + sum(d.amount for d in dues if d.due_date <= last)
    owed_by_period_end = overdue + sum(d.amount for d in dues if d.due_date <= period_end)
    assert total(schedule) <= owed_by_period_end
    if len(schedule) < limit:
        # It stopped because it caught up, exactly (a small last payment may have joined the
        # one before, which then covers that last period too).
        assert owed_by_last <= total(schedule)
    if len(schedule) > 1:
        assert all(item.amount >= minimum for item in schedule)
    assert all(item.amount > 0 for item in schedule)
