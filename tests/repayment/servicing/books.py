"""Generated books of serviced loans, with pauses and plans, for comparing servicing's paths."""

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from repayment.hardship.freezes import freezes_for
from repayment.ledger.reading import ledger_lines
from repayment.models import Pause, PlanInstallment
from repayment.servicing.postings import plan_postings
from tests.factories import EntryFactory, LoanFactory, LoanProductFactory, PlanFactory

D = Decimal

loans = st.lists(
    st.fixed_dictionaries(
        {
            "months_ago": st.integers(0, 8),
            "paid": st.integers(0, 6),
            "interest": st.sampled_from(["flat", "declining"]),
            "grace": st.sampled_from([0, 5]),
            "pause": st.sampled_from([None, (-40, -20), (-5, 20), (10, 30)]),
            "plan": st.booleans(),
        }
    ),
    min_size=1,
    max_size=5,
)


def make(spec, today):
    product = LoanProductFactory(
        interest_method=spec["interest"],
        grace_days=spec["grace"],
        late_fee_fixed=D("20.00"),
        late_fee_percent=D("2.0"),
        servicing_enabled=True,
    )
    disbursed = today - dt.timedelta(days=30 * spec["months_ago"] + 31)
    loan = LoanFactory(
        product=product,
        principal=D("3000.00"),
        disbursed_on=disbursed,
        first_due_date=disbursed + dt.timedelta(days=31),
        installment_count=6,
        installment_amount=D("520.00"),
    )
    EntryFactory(loan=loan, kind="disbursement", amount=D("3000.00"), effective_date=disbursed)
    for month in range(min(spec["paid"], spec["months_ago"])):
        EntryFactory(
            loan=loan,
            kind="payment",
            amount=D("520.00"),
            effective_date=disbursed + dt.timedelta(days=31 + 30 * month),
        )
    if spec["pause"]:
        start, end = spec["pause"]
        Pause.objects.create(
            loan=loan,
            reason="illness",
            starts_on=today + dt.timedelta(days=start),
            ends_on=today + dt.timedelta(days=end),
            status="granted",
        )
    if spec["plan"]:
        plan = PlanFactory(loan=loan, starts_on=today - dt.timedelta(days=10))
        PlanInstallment.objects.create(
            plan=plan, number=1, due_date=today, original_due_date=today, amount=D("100.00")
        )
    return loan


def plain(**spec):
    return {"interest": "flat", "grace": 0, "pause": None, "plan": False, **spec}


def one_at_a_time(loan, today):
    return plan_postings(
        loan=loan, lines=ledger_lines(loan=loan), today=today, freezes=freezes_for(loan=loan)
    )
