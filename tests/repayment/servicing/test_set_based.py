"""A daily run reads only the loans whose kept day to be serviced has come (a set-based query
over the kept positions), and still posts exactly what servicing every loan one at a time
would post, day after day, with payments arriving between runs."""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from repayment.importing.parse import records_from_batch
from repayment.importing.service import import_batch
from repayment.ledger.reading import local_today
from repayment.models import LedgerEntry, LoanPosition
from repayment.position_table.keeping import refresh
from repayment.servicing.in_bulk import due_loans, service_book
from tests.hypothesis_profiles import scaled
from tests.repayment.plan_fixtures import today_in
from tests.repayment.servicing.books import loans, make, one_at_a_time, plain

DAYS = st.lists(
    st.tuples(st.sampled_from([1, 2, 5, 11, 30]), st.booleans()), min_size=1, max_size=5
)


def posted(loan):
    return sorted(
        (entry.external_id, entry.kind, entry.effective_date, entry.amount)
        for entry in LedgerEntry.objects.filter(loan=loan, source="servicing")
    )


def pay(loan, number):
    record = {
        "external_id": f"P-{loan.pk}-{number}",
        "loan_external_id": loan.external_id,
        "kind": "payment",
        "effective_date": today_in().isoformat(),
        "amount": "520.00",
    }
    import_batch(records=records_from_batch(batch={"entries": [record]}))


@pytest.mark.django_db
@settings(
    max_examples=scaled(10),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(book=loans, days=DAYS)
def test_the_loans_chosen_by_their_day_get_what_every_loan_alone_would(book, days):
    clock = dt.datetime.now(dt.UTC)
    made = [make(spec, today_in()) for spec in book]
    refresh([loan.pk for loan in made])  # as the write that made them would
    service_book(now=clock)
    for step, (days_later, paying) in enumerate(days):
        clock += dt.timedelta(days=days_later)
        with time_machine.travel(clock, tick=False):
            if paying:
                pay(made[0], step)
            due = {
                loan.pk: one_at_a_time(loan, local_today(clock, loan.borrower.time_zone))
                for loan in made
            }
            before = {loan.pk: posted(loan) for loan in made}
            chosen = set(due_loans(now=clock))
            event(f"{len(chosen)} of {len(made)} loans read")
            service_book(now=clock)
            for loan in made:
                assert not due[loan.pk] or loan.pk in chosen
                new = sorted(set(posted(loan)) - set(before[loan.pk]))
                expected = sorted(
                    (p.external_id, p.kind, p.effective_date, p.amount) for p in due[loan.pk]
                )
                assert new == expected, (book, days, step)


@pytest.mark.django_db
def test_a_loan_with_nothing_falling_due_is_not_read_until_its_day():
    today = today_in()
    loan = make(plain(months_ago=2, paid=2), today)
    refresh([loan.pk])
    service_book()
    day = LoanPosition.objects.get(loan=loan).services_on
    assert day is not None and day > today

    assert loan.pk not in due_loans(now=dt.datetime.now(dt.UTC))
    with CaptureQueriesContext(connection) as captured:
        assert service_book() == 0
    assert not [q for q in captured if "repayment_ledgerentry" in q["sql"]]

    the_day = dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)
    assert loan.pk in due_loans(now=the_day)


@pytest.mark.django_db
def test_a_loan_with_no_kept_row_is_read_and_gets_one():
    loan = make(plain(months_ago=1, paid=0), today_in())
    assert not LoanPosition.objects.filter(loan=loan).exists()
    assert loan.pk in due_loans(now=dt.datetime.now(dt.UTC))
    assert service_book() > 0
    assert LoanPosition.objects.filter(loan=loan).exists()
