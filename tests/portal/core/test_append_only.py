import pytest
from django.db import connection, transaction
from django.db.utils import DatabaseError

from repayment.models import LedgerEntry
from tests.factories import EntryFactory

pytestmark = pytest.mark.django_db


def test_an_entry_cannot_be_changed_or_removed_through_the_application():
    entry = EntryFactory()
    entry.amount = 1
    with pytest.raises(TypeError):
        entry.save()
    with pytest.raises(TypeError):
        entry.delete()
    with pytest.raises(TypeError):
        LedgerEntry.objects.filter(pk=entry.pk).update(amount=1)
    with pytest.raises(TypeError):
        LedgerEntry.objects.filter(pk=entry.pk).delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_the_database_refuses_raw_updates_and_deletes():
    entry = EntryFactory()
    for statement in (
        "UPDATE repayment_ledgerentry SET amount = 1 WHERE id = %s",
        "DELETE FROM repayment_ledgerentry WHERE id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement, [entry.pk])
    assert LedgerEntry.objects.get(pk=entry.pk).amount == entry.amount
