"""Audit records cannot be edited or deleted through the application, and on PostgreSQL not
even with SQL."""

import pytest
from auditlog.models import LogEntry
from django.contrib import admin
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory

from portal.audit.models import ChangeBorrower, Record
from tests.factories import BorrowerFactory, LoanFactory

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the triggers exist on PostgreSQL only"
)


def _record():
    return Record.objects.create(kind="view", action="borrower.account", actor_label="a@x.example")


@pytest.mark.django_db
def test_orm_refuses_to_update_or_delete_a_record():
    record = _record()

    with pytest.raises(TypeError):
        Record.objects.filter(pk=record.pk).update(reason="tidied up")
    with pytest.raises(TypeError):
        Record.objects.filter(pk=record.pk).delete()
    record.reason = "tidied up"
    with pytest.raises(TypeError):
        record.save()
    with pytest.raises(TypeError):
        record.delete()

    assert Record.objects.get(pk=record.pk).reason == ""


@pytest.mark.django_db
def test_orm_refuses_to_change_a_borrower_link():
    loan = LoanFactory()
    link = ChangeBorrower.objects.get(entry__object_id=loan.pk, entry__content_type__model="loan")

    with pytest.raises(TypeError):
        ChangeBorrower.objects.filter(pk=link.pk).update(borrower_id=BorrowerFactory().pk)
    with pytest.raises(TypeError):
        link.delete()


def _refused(sql, params):
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, params)


@postgres_only
@pytest.mark.django_db
def test_database_refuses_sql_update_and_delete_of_records():
    record = _record()

    _refused("UPDATE audit_record SET reason = 'x' WHERE id = %s", [record.pk])
    _refused("DELETE FROM audit_record WHERE id = %s", [record.pk])

    assert Record.objects.filter(pk=record.pk, reason="").exists()


@postgres_only
@pytest.mark.django_db
def test_database_refuses_update_and_delete_of_change_history():
    loan = LoanFactory()
    entry = LogEntry.objects.get_for_object(loan).get()

    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        LogEntry.objects.filter(pk=entry.pk).update(object_repr="nothing to see")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        entry.delete()
    _refused("UPDATE auditlog_logentry SET actor_email = 'x' WHERE id = %s", [entry.pk])
    _refused("DELETE FROM auditlog_logentry WHERE id = %s", [entry.pk])
    _refused("DELETE FROM audit_changeborrower WHERE entry_id = %s", [entry.pk])

    assert LogEntry.objects.filter(pk=entry.pk, object_repr=loan.reference).exists()


@pytest.mark.django_db(transaction=True)
def test_emptying_the_database_between_tests_still_works():
    """Transactional and browser tests flush the database: TRUNCATE on PostgreSQL, which row
    triggers do not fire on."""
    _record()
    LoanFactory()
    assert Record.objects.exists() and LogEntry.objects.exists()

    call_command("flush", interactive=False, verbosity=0)

    assert not Record.objects.exists()
    assert not LogEntry.objects.exists()


@pytest.mark.django_db
def test_admin_shows_records_read_only(django_user_model):
    superuser = django_user_model.objects.create_superuser("root", "root@x.example", "pw")
    request = RequestFactory().get("/")
    request.user = superuser
    record_admin = admin.site._registry[Record]
    record = _record()

    assert record_admin.has_view_permission(request, record)
    assert not record_admin.has_add_permission(request)
    assert not record_admin.has_change_permission(request, record)
    assert not record_admin.has_delete_permission(request, record)
