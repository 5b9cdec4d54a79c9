"""``__any``: the rows ``__in`` finds, with the list sent as one array on PostgreSQL."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from repayment.models import Borrower, LedgerEntry, Loan
from tests.factories import BorrowerFactory, EntryFactory, LoanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def book():
    loans = [LoanFactory() for _ in range(3)]
    for n, loan in enumerate(loans):
        EntryFactory(loan=loan, effective_date=dt.date(2026, 1, 1 + n))
    return loans


def same_rows(queryset_in, queryset_any):
    return sorted(queryset_in.values_list("pk", flat=True)) == sorted(
        queryset_any.values_list("pk", flat=True)
    )


def test_it_finds_what_in_finds_for_ids_texts_dates_and_foreign_keys(book):
    first, second, _ = book
    ids = [first.pk, second.pk]
    assert set(Loan.objects.filter(pk__any=ids)) == {first, second}
    references = [first.reference, "no such reference"]
    assert list(Loan.objects.filter(reference__any=references)) == [first]
    days = [dt.date(2026, 1, 1), dt.date(2026, 1, 3)]
    assert same_rows(
        LedgerEntry.objects.filter(effective_date__in=days),
        LedgerEntry.objects.filter(effective_date__any=days),
    )
    assert same_rows(
        LedgerEntry.objects.filter(loan_id__in=ids), LedgerEntry.objects.filter(loan_id__any=ids)
    )
    assert same_rows(
        LedgerEntry.objects.filter(loan__in=[first]), LedgerEntry.objects.filter(loan__any=[first])
    )


def test_none_is_ignored_and_an_empty_list_finds_nothing(book):
    first = book[0]
    assert list(Loan.objects.filter(pk__any=[first.pk, None])) == [first]
    assert list(Loan.objects.filter(pk__any=[])) == []
    assert Loan.objects.exclude(pk__any=[first.pk]).count() == 2


def test_a_subquery_still_works():
    kept = BorrowerFactory(full_name="Kept Borrower")
    BorrowerFactory(full_name="Other Borrower")
    found = Borrower.objects.filter(pk__any=Borrower.objects.filter(full_name__startswith="Kept"))
    assert list(found) == [kept]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the array is PostgreSQL's")
def test_on_postgresql_the_list_is_one_array_not_a_placeholder_per_value(book):
    with CaptureQueriesContext(connection) as captured:
        found = list(Loan.objects.filter(pk__any=[loan.pk for loan in book] * 500))
    assert len(found) == 3
    assert "= ANY(" in captured[0]["sql"] and " IN (" not in captured[0]["sql"]
