"""Servicing a chunk at once decides exactly what servicing one loan at a time decides (the same
pure rule, the inputs read in bulk), on generated books with pauses and plans; it posts each
entry once, keeps the positions, and costs the same number of queries for 3 loans or 30."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from repayment.hardship.freezes import freezes_for
from repayment.ledger.reading import ledger_lines
from repayment.models import LedgerEntry, LoanPosition, Pause, PlanInstallment
from repayment.position_table.checking import differences
from repayment.servicing.in_bulk import planned, service_chunk
from repayment.servicing.postings import plan_postings, service_all
from tests.factories import EntryFactory, LoanFactory, LoanProductFactory, PlanFactory
from tests.hypothesis_profiles import scaled
from tests.repayment.plan_fixtures import today_in

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


@pytest.mark.django_db
@settings(
    max_examples=scaled(15),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(book=loans)
def test_a_chunk_decides_what_each_loan_alone_decides(book):
    today = today_in()
    made = [make(spec, today) for spec in book]

    chunk = planned([loan.pk for loan in made], now=timezone.now())
    in_bulk = {loan.pk: postings for loan, postings in chunk}

    for loan in made:
        alone = one_at_a_time(loan, today)
        event(f"{len(alone)} postings")
        assert in_bulk[loan.pk] == alone


@pytest.mark.django_db
def test_a_chunk_posts_each_entry_once_and_keeps_the_positions():
    today = today_in()
    made = [make(plain(months_ago=3, paid=1), today) for _ in range(3)]
    expected = sum(len(one_at_a_time(loan, today)) for loan in made)
    assert expected > 0

    assert service_chunk([loan.pk for loan in made]) == expected
    assert service_chunk([loan.pk for loan in made]) == 0  # idempotent
    assert all(one_at_a_time(loan, today) == [] for loan in made)
    assert LoanPosition.objects.filter(loan__in=made).count() == 3
    assert list(differences([loan.pk for loan in made])) == []


@pytest.mark.django_db
def test_the_daily_task_services_the_whole_book_in_chunks():
    today = today_in()
    loan = make(plain(months_ago=2, paid=0, interest="declining"), today)
    posted = service_all()
    assert posted == LedgerEntry.objects.filter(loan=loan, source="servicing").count() > 0
    assert service_all() == 0


@pytest.mark.django_db
def test_a_chunk_costs_the_same_queries_for_3_loans_or_30():
    today = today_in()
    spec = plain(months_ago=2, paid=1, pause=(-5, 3), plan=True)

    def queries(count):
        made = [make(spec, today) for _ in range(count)]
        with CaptureQueriesContext(connection) as captured:
            service_chunk([loan.pk for loan in made])
        # SQLite caps an insert's parameters, so it splits the writes: count the reads.
        return len([q for q in captured if q["sql"].lstrip().upper().startswith("SELECT")])

    assert queries(30) == queries(3)
