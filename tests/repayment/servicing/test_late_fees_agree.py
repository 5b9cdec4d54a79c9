"""The late fee a statement warns of is the fee servicing posts: same day, same amount, for any
product terms (fixed, percentage, capped, any grace period and frequency) and any payments."""

import datetime as dt
from decimal import Decimal

from hypothesis import event, given, settings
from hypothesis import strategies as st

from repayment import position as positions
from repayment.ledger.replay import Line
from repayment.models import LoanProduct
from repayment.models.loans import Loan
from repayment.servicing import late_fees
from repayment.servicing.postings import plan_postings
from tests.hypothesis_profiles import scaled

START = dt.date(2026, 1, 10)
money = st.decimals(min_value=Decimal("0"), max_value=Decimal("80"), places=2)


@st.composite
def loans(draw):
    product = LoanProduct(
        code="p",
        name="p",
        currency="CNY",
        installment_frequency=draw(st.sampled_from(["monthly", "fortnightly", "weekly"])),
        annual_interest_rate=draw(st.sampled_from([Decimal(0), Decimal("18.0"), Decimal("36")])),
        interest_method=draw(st.sampled_from(["declining", "flat"])),
        day_count_basis="actual/365",
        grace_days=draw(st.integers(min_value=0, max_value=20)),
        late_fee_fixed=draw(money),
        late_fee_percent=draw(st.decimals(min_value=0, max_value=10, places=2)),
        late_fee_cap=draw(st.none() | st.decimals(min_value=1, max_value=60, places=2)),
        servicing_enabled=True,
    )
    count = draw(st.integers(min_value=2, max_value=8))
    amount = draw(st.decimals(min_value=Decimal("50"), max_value=Decimal("900"), places=2))
    return Loan(
        product=product,
        principal=amount * count,
        disbursed_on=START,
        first_due_date=START + dt.timedelta(days=draw(st.integers(7, 31))),
        installment_count=count,
        installment_amount=amount,
    )


def serviced(loan, lines, today):
    """The ledger after servicing runs up to ``today``, as ids in the order posted."""
    out = list(lines)
    for posting in plan_postings(loan=loan, lines=out, today=today):
        out.append(
            Line(
                id=len(out) + 1,
                kind=posting.kind,
                effective_date=posting.effective_date,
                amount=posting.amount,
                external_id=posting.external_id,
            )
        )
    return out


@settings(max_examples=scaled(200), deadline=None)
@given(
    loan=loans(),
    days=st.integers(min_value=0, max_value=200),
    payments=st.lists(
        st.tuples(st.integers(0, 200), st.decimals(min_value=1, max_value=1000, places=2)),
        max_size=6,
    ),
)
def test_the_fee_the_timeline_predicts_is_the_fee_servicing_posts(loan, days, payments):
    today = START + dt.timedelta(days=days)
    lines = [Line(1, "disbursement", START, loan.principal, external_id="d")]
    for n, (offset, amount) in enumerate(sorted(payments), start=2):
        if START + dt.timedelta(days=offset) <= today:
            lines.append(Line(n, "payment", START + dt.timedelta(days=offset), amount))
    ledger = serviced(loan, lines, today)

    position = positions.position(loan=loan, lines=ledger, milestones=[], today=today)
    predicted = [s for s in position.steps if s.kind == positions.LATE_FEE and not s.happened]

    # Nothing is paid from here on: servicing runs on, day by day, well past any fee day.
    later = serviced(loan, ledger, today + dt.timedelta(days=120))
    posted = {
        line.effective_date: line.amount for line in later[len(ledger) :] if line.kind == "fee"
    }
    event(f"fees predicted: {len(predicted)}")
    for step in predicted:
        assert step.date > today or step.date == today
        assert posted.get(step.date) == step.fee
    anchor = position.steps_from
    if anchor is not None and not predicted and not position.steps_are_hypothetical:
        day = late_fees.charge_day(anchor, grace_days=loan.product.grace_days)
        if day > today:
            assert day not in posted
