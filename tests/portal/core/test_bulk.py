"""Many rows at once: ``insert_rows`` (COPY where it can) and ``__any`` (the rows ``__in``
finds, with the list sent as one array on PostgreSQL)."""

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from portal.core.bulk import insert_rows
from portal.notifications.models import OutboundMessage
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


COLUMNS = ("key", "borrower_id", "event", "kind", "channel", "due_on", "language", "send_at")


def outbox_row(borrower, key):
    return (
        key,
        borrower.pk,
        "payment_missed",
        "collection",
        "in_portal",
        dt.date(2026, 1, 5),
        "en",
        dt.datetime(2026, 1, 5, 10, tzinfo=dt.UTC),
    )


def test_columns_left_out_get_the_models_defaults():
    borrower = BorrowerFactory()
    insert_rows(OutboundMessage, COLUMNS, [outbox_row(borrower, "k1")])
    row = OutboundMessage.objects.get(key="k1")
    assert (row.attempts, row.provider_ref, row.subject, row.body) == (0, "", "", "")
    assert row.created_at is not None and row.read_at is None


def test_a_taken_key_is_skipped_when_asked_and_otherwise_nothing_is_written():
    borrower = BorrowerFactory()
    insert_rows(OutboundMessage, COLUMNS, [outbox_row(borrower, "taken")])
    both = [outbox_row(borrower, "taken"), outbox_row(borrower, "new")]
    with pytest.raises(IntegrityError), transaction.atomic():
        insert_rows(OutboundMessage, COLUMNS, both)
    assert not OutboundMessage.objects.filter(key="new").exists()
    insert_rows(OutboundMessage, COLUMNS, both, ignore_conflicts=True)
    assert sorted(OutboundMessage.objects.values_list("key", flat=True)) == ["new", "taken"]
