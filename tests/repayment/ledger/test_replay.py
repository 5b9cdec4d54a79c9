"""The ledger replay: what a borrower owes, how it is made up, and what is overdue."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from repayment.ledger import replay as ledger
from repayment.ledger.replay import Components, Line
from tests.hypothesis_profiles import scaled

D = Decimal
START = date(2026, 1, 1)


def line(n, kind, amount, day=0, **extra):
    return Line(
        id=n, kind=kind, effective_date=START + timedelta(days=day), amount=D(amount), **extra
    )


def test_payment_pays_fees_then_interest_then_principal():
    result = ledger.replay(
        [
            line(1, "disbursement", "1000.00"),
            line(2, "interest", "15.00", 30),
            line(3, "fee", "30.00", 36),
            line(4, "payment", "100.00", 40),
        ]
    )
    assert result.balance == Components(D("945.00"), D("0.00"), D("0.00"))
    assert result.lines[-1].change == Components(D("-55.00"), D("-15.00"), D("-30.00"))


def test_overpayment_leaves_the_borrower_in_credit():
    result = ledger.replay([line(1, "disbursement", "100.00"), line(2, "payment", "130.00", 5)])
    assert result.balance.total == D("-30.00")
    assert ledger.amount_due(result) == 0


def test_reversal_of_a_payment_restores_exactly_what_it_paid():
    result = ledger.replay(
        [
            line(1, "disbursement", "1000.00"),
            line(2, "fee", "30.00", 3),
            line(3, "installment_due", "200.00", 30),
            line(4, "payment", "200.00", 30),
            line(5, "reversal", "200.00", 33, reverses_id=4),
        ]
    )
    assert result.balance == Components(D("1000.00"), D("0"), D("30.00"))
    assert ledger.amount_due(result) == D("230.00")
    assert result.lines[3].reversed is True
    assert result.lines[4].reversed_kind == "payment"


def test_days_past_due_counts_from_the_oldest_unpaid_installment():
    result = ledger.replay(
        [
            line(1, "disbursement", "1000.00"),
            line(2, "installment_due", "100.00", 31),
            line(3, "installment_due", "100.00", 59),
            line(4, "payment", "100.00", 40),  # pays the first, FIFO
        ]
    )
    today = START + timedelta(days=70)
    assert ledger.oldest_unpaid_due_date(result) == START + timedelta(days=59)
    assert ledger.days_late(ledger.oldest_unpaid_due_date(result), today) == 11
    assert ledger.amount_due(result) == D("100.00")


def test_nothing_is_past_due_on_the_due_date_itself():
    result = ledger.replay(
        [line(1, "disbursement", "500.00"), line(2, "installment_due", "50.00", 10)]
    )
    assert ledger.days_late(ledger.oldest_unpaid_due_date(result), START + timedelta(days=10)) == 0
    assert ledger.days_late(ledger.oldest_unpaid_due_date(result), START + timedelta(days=11)) == 1


def test_waiver_lowers_the_component_it_names():
    result = ledger.replay(
        [
            line(1, "disbursement", "500.00"),
            line(2, "fee", "40.00", 3),
            line(3, "waiver", "40.00", 4, component="fees"),
        ]
    )
    assert result.balance == Components(D("500.00"), D("0"), D("0.00"))


money = st.decimals(min_value=D("0.01"), max_value=D("5000"), places=2)


@st.composite
def ledgers(draw):
    lines = [line(1, "disbursement", draw(money))]
    count = draw(st.integers(min_value=0, max_value=40))
    for n in range(2, count + 2):
        kind = draw(
            st.sampled_from(["installment_due", "interest", "fee", "payment", "waiver", "reversal"])
        )
        day = draw(st.integers(min_value=0, max_value=400))
        if kind == "reversal":
            candidates = [
                earlier
                for earlier in lines
                if earlier.kind != "reversal"
                and earlier.effective_date <= START + timedelta(days=day)
                and earlier.id not in {x.reverses_id for x in lines}
            ]
            if not candidates:
                continue
            target = draw(st.sampled_from(candidates))
            lines.append(line(n, "reversal", str(target.amount), day, reverses_id=target.id))
        elif kind == "waiver":
            lines.append(
                line(
                    n,
                    kind,
                    draw(money),
                    day,
                    component=draw(st.sampled_from(["principal", "interest", "fees"])),
                )
            )
        else:
            lines.append(line(n, kind, draw(money), day))
    return lines


SIGN = {
    "disbursement": 1,
    "interest": 1,
    "fee": 1,
    "payment": -1,
    "waiver": -1,
    "installment_due": 0,
}


@settings(max_examples=scaled(300), deadline=None)
@given(ledgers())
def test_components_always_add_up_to_the_balance(lines):
    result = ledger.replay(lines)
    by_id = {x.id: x for x in lines}
    expected = sum(
        (
            SIGN[x.kind] * x.amount
            if x.kind != "reversal"
            else -SIGN[by_id[x.reverses_id].kind] * by_id[x.reverses_id].amount
            for x in lines
        ),
        D("0"),
    )
    assert result.balance.total == expected
    for applied in result.lines:
        assert applied.balance.total == sum(
            (a.change.total for a in result.lines[: result.lines.index(applied) + 1]), D("0")
        )


@settings(max_examples=scaled(300), deadline=None)
@given(ledgers())
def test_amount_due_is_never_negative_nor_more_than_the_balance(lines):
    result = ledger.replay(lines)
    due = ledger.amount_due(result)
    assert due >= 0
    assert due <= max(result.balance.total, D("0"))
    assert (ledger.oldest_unpaid_due_date(result) is None) == (due == 0)


@settings(max_examples=scaled(200), deadline=None)
@given(ledgers())
def test_payments_never_leave_a_fee_or_interest_component_below_zero(lines):
    """The waterfall only pays what is owed on fees and interest; the rest goes to principal."""
    no_waivers = [x for x in lines if x.kind not in ("waiver", "reversal")]
    result = ledger.replay(no_waivers)
    assert result.balance.fees >= 0
    assert result.balance.interest >= 0


@settings(max_examples=scaled(200), deadline=None)
@given(ledgers(), st.integers(min_value=0, max_value=420))
def test_itemisation_reconciles_from_any_date(lines, days):
    """What was owed at the start, plus every movement since, is what is owed now."""
    from repayment.statements.build import itemise

    result = ledger.replay(lines)
    items = itemise(result, START + timedelta(days=days))
    assert (
        items.balance_at_start
        + items.borrowed
        + items.interest
        + items.fees
        - items.payments
        - items.credits
        == items.balance_now
        == result.balance.total
    )


def test_an_installment_paid_in_time_is_covered_and_one_paid_late_is_not():
    lines = [
        line(1, "disbursement", "1000"),
        line(2, "installment_due", "100", 30),
        line(3, "payment", "100", 33),
    ]
    due, grace_ends = START + timedelta(days=30), START + timedelta(days=35)
    assert ledger.covered(lines, obligations_until=due, credits_until=grace_ends)
    assert not ledger.covered(
        lines, obligations_until=due, credits_until=START + timedelta(days=32)
    )


@given(ledgers(), st.integers(min_value=0, max_value=400), st.integers(min_value=0, max_value=30))
def test_covered_means_nothing_due_by_then_is_unpaid(lines, due_day, grace):
    """Servicing skips the replay when ``covered`` says yes: it must never hide a late fee."""
    due_on = START + timedelta(days=due_day)
    checked_on = due_on + timedelta(days=grace)
    if ledger.covered(lines, obligations_until=due_on, credits_until=checked_on):
        oldest = ledger.oldest_unpaid_due_date(ledger.replay(ledger.lines_until(lines, checked_on)))
        assert oldest is None or oldest > due_on
