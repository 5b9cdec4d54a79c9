"""Servicing a chunk at once decides exactly what servicing one loan at a time decides (the same
pure rule, the inputs read in bulk), on generated books with pauses and plans; it posts each
entry once, keeps the positions, and costs the same number of queries for 3 loans or 30."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, event, given, settings

from repayment.models import LedgerEntry, LoanPosition
from repayment.position_table.checking import differences
from repayment.servicing.in_bulk import planned, service_chunk
from repayment.servicing.postings import service_all
from tests.hypothesis_profiles import scaled
from tests.repayment.plan_fixtures import today_in
from tests.repayment.servicing.books import loans, make, one_at_a_time, plain


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
    in_bulk = {plan.loan.pk: plan.postings for plan in chunk}

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
