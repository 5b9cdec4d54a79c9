"""Freeze windows as plain values, and the interest a period accrues around them."""

import dataclasses
import datetime as dt
import itertools
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from repayment.models import DayCountBasis
from repayment.servicing import product_terms as terms
from repayment.servicing.freeze_windows import Freeze, fees_frozen_on, unfrozen_spans
from repayment.servicing.postings import interest_for_period

D = Decimal
day = dt.date


def days_of(start, end):
    return {start + dt.timedelta(days=n) for n in range((end - start).days)}


# Leap years and month ends both fall inside this range.
dates = st.dates(min_value=day(2023, 11, 1), max_value=day(2025, 3, 31))
freezes = st.builds(
    lambda start, length, open_ended, interest, fees: Freeze(
        start=start,
        end=dt.date.max if open_ended else start + dt.timedelta(days=length),
        interest=interest,
        fees=fees,
    ),
    start=dates,
    length=st.integers(min_value=0, max_value=90),
    open_ended=st.booleans(),
    interest=st.booleans(),
    fees=st.booleans(),
)
periods = st.tuples(dates, st.integers(min_value=0, max_value=120)).map(
    lambda pair: (pair[0], pair[0] + dt.timedelta(days=pair[1]))
)
interest_terms = st.fixed_dictionaries(
    {
        "base": st.decimals(min_value=D("0.01"), max_value=D("1000000"), places=2),
        "annual_rate_percent": st.decimals(min_value=D("0"), max_value=D("60"), places=4),
        "basis": st.sampled_from(DayCountBasis.values),
        "currency": st.sampled_from(["CNY", "JPY", "USD"]),
    }
)


def pause(start, end, *, interest=True, fees=True):
    return Freeze(start=start, end=end, interest=interest, fees=fees, reason="pause")


def test_a_freeze_that_ends_before_it_starts_is_refused():
    with pytest.raises(ValueError, match="ends"):
        pause(day(2026, 3, 2), day(2026, 3, 1))


def test_a_freeze_cannot_be_changed():
    freeze = pause(day(2026, 3, 1), day(2026, 3, 31))
    with pytest.raises(dataclasses.FrozenInstanceError):
        freeze.end = day(2026, 4, 30)


def test_unfrozen_spans_cut_the_frozen_days_out_of_the_period():
    # Frozen 5th-7th and 9th-12th, given out of order and overlapping; the 8th still accrues.
    given_freezes = [
        pause(day(2026, 1, 9), day(2026, 1, 11)),
        pause(day(2026, 1, 5), day(2026, 1, 7)),
        pause(day(2026, 1, 10), day(2026, 1, 12)),
    ]
    assert unfrozen_spans(day(2026, 1, 1), day(2026, 1, 20), given_freezes) == [
        (day(2026, 1, 1), day(2026, 1, 5)),
        (day(2026, 1, 8), day(2026, 1, 9)),
        (day(2026, 1, 13), day(2026, 1, 20)),
    ]


def test_adjacent_freezes_leave_no_gap_between_them():
    given_freezes = [
        pause(day(2026, 1, 8), day(2026, 1, 10)),
        pause(day(2026, 1, 5), day(2026, 1, 7)),
    ]
    assert unfrozen_spans(day(2026, 1, 1), day(2026, 1, 20), given_freezes) == [
        (day(2026, 1, 1), day(2026, 1, 5)),
        (day(2026, 1, 11), day(2026, 1, 20)),
    ]


def test_a_fees_only_freeze_leaves_interest_running():
    plan = Freeze(day(2026, 1, 1), day(2026, 12, 31), interest=False, fees=True, reason="plan")
    assert unfrozen_spans(day(2026, 2, 10), day(2026, 3, 10), [plan]) == [
        (day(2026, 2, 10), day(2026, 3, 10))
    ]


def test_an_open_ended_freeze_runs_to_the_end_of_the_period():
    breathing_space = Freeze(day(2026, 2, 20), dt.date.max, interest=True, fees=True)
    assert unfrozen_spans(day(2026, 2, 10), day(2026, 3, 10), [breathing_space]) == [
        (day(2026, 2, 10), day(2026, 2, 20))
    ]
    assert fees_frozen_on(day(9999, 12, 31), [breathing_space])


def test_the_last_frozen_day_is_frozen_for_fees_and_the_next_is_not():
    freezes_given = [
        Freeze(day(2026, 3, 1), day(2026, 3, 31), interest=True, fees=False),
        Freeze(day(2026, 2, 1), day(2026, 2, 28), interest=False, fees=True),
    ]
    assert not fees_frozen_on(day(2026, 1, 31), freezes_given)
    assert fees_frozen_on(day(2026, 2, 1), freezes_given)
    assert fees_frozen_on(day(2026, 2, 28), freezes_given)
    # An interest-only freeze does not stop fees.
    assert not fees_frozen_on(day(2026, 3, 1), freezes_given)


@given(period=periods, given_freezes=st.lists(freezes, max_size=5))
def test_frozen_and_unfrozen_days_partition_the_period(period, given_freezes):
    start, end = period
    spans = unfrozen_spans(start, end, given_freezes)
    frozen = {
        d for d in days_of(start, end) if any(f.interest and f.covers(d) for f in given_freezes)
    }
    unfrozen = set().union(*(days_of(a, b) for a, b in spans))
    assert frozen.isdisjoint(unfrozen)
    assert frozen | unfrozen == days_of(start, end)
    # Spans are in order, not empty, and no two touch (each is as long as it can be).
    assert all(a < b for a, b in spans)
    assert all(b1 < a2 for (_, b1), (a2, _) in itertools.pairwise(spans))


@given(period=periods, given_freezes=st.lists(freezes, max_size=5), extra=freezes, t=interest_terms)
def test_a_freeze_never_adds_interest(period, given_freezes, extra, t):
    start, end = period
    without = interest_for_period(start=start, end=end, **t)
    with_freezes = interest_for_period(start=start, end=end, freezes=given_freezes, **t)
    with_one_more = interest_for_period(start=start, end=end, freezes=[*given_freezes, extra], **t)
    assert with_one_more <= with_freezes <= without


@given(period=periods, t=interest_terms)
def test_no_freezes_accrue_exactly_what_the_terms_say(period, t):
    start, end = period
    assert interest_for_period(start=start, end=end, **t) == terms.period_interest(
        start=start, end=end, **t
    )


@given(period=periods, before=st.integers(0, 30), after=st.integers(0, 30), t=interest_terms)
def test_a_freeze_over_the_whole_period_accrues_nothing(period, before, after, t):
    start, end = period
    freeze = pause(start - dt.timedelta(days=before), end + dt.timedelta(days=after))
    assert interest_for_period(start=start, end=end, freezes=[freeze], **t) == D("0")


def test_interest_accrues_only_on_unfrozen_days():
    # 1000 at 36.5% a year is 1.00 a day on actual/365; 3 of 10 days frozen.
    interest = interest_for_period(
        base=D("1000.00"),
        annual_rate_percent=D("36.5"),
        start=day(2026, 1, 1),
        end=day(2026, 1, 11),
        basis="actual/365",
        currency="CNY",
        freezes=[pause(day(2026, 1, 4), day(2026, 1, 6))],
    )
    assert interest == D("7.00")


def test_a_period_split_by_a_freeze_is_rounded_once():
    # 18.25 at 10% accrues 0.005 a day: two separate unfrozen days make 0.01, where rounding
    # each day on its own (half to even) would make 0.00.
    interest = interest_for_period(
        base=D("18.25"),
        annual_rate_percent=D("10"),
        start=day(2026, 1, 1),
        end=day(2026, 1, 4),
        basis="actual/365",
        currency="CNY",
        freezes=[pause(day(2026, 1, 2), day(2026, 1, 2))],
    )
    assert interest == D("0.01")
