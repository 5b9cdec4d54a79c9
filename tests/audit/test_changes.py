"""Change history by django-auditlog: who made a change, from where, and which borrower it
concerns."""

import pytest
from auditlog.models import LogEntry
from auditlog.registry import auditlog

from portal.notifications.models import ContactPreferences
from portal.support.models import Note
from repayment.models import Borrower, LedgerEntry, Loan
from tests.factories import BorrowerFactory, EntryFactory, LoanFactory, UserFactory

from .helpers import in_request as _in_request

pytestmark = pytest.mark.django_db


def _latest(model, pk):
    return LogEntry.objects.get_for_model(model).filter(object_id=pk).latest("timestamp")


def test_change_made_in_a_request_records_the_actor_and_address(agent):
    borrower = BorrowerFactory()

    def change():
        Note.objects.create(borrower=borrower, author=agent, text="Called, will pay Friday")

    _in_request(agent, change, REMOTE_ADDR="203.0.113.5")

    entry = LogEntry.objects.get_for_model(Note).get()
    assert entry.action == LogEntry.Action.CREATE
    assert entry.actor == agent
    assert entry.actor_email == "agent@lender.example"
    assert entry.remote_addr == "203.0.113.5"
    assert entry.borrower_link.borrower_id == borrower.pk


def test_forged_forwarded_address_is_not_recorded_as_the_source(agent, settings):
    settings.AUDIT_TRUSTED_PROXIES = 0
    borrower = BorrowerFactory()

    def change():
        borrower.phone = "+86 139 1111 2222"
        borrower.save()

    _in_request(
        agent,
        change,
        middleware="portal.audit.middleware.AuditlogMiddleware",
        REMOTE_ADDR="10.0.0.8",
        HTTP_X_FORWARDED_FOR="6.6.6.6",
    )

    assert _latest(Borrower, borrower.pk).remote_addr == "10.0.0.8"


def test_update_records_old_and_new_values_and_the_borrower():
    loan = LoanFactory()
    loan.installment_count = 18
    loan.save()

    entry = _latest(Loan, loan.pk)
    assert entry.action == LogEntry.Action.UPDATE
    assert entry.changes["installment_count"] == ["12", "18"]
    assert entry.borrower_link.borrower_id == loan.borrower_id
    assert entry.actor is None  # no request: a task or a command


def test_a_creation_lists_the_records_own_fields_not_related_lists():
    loan = LoanFactory()

    entry = LogEntry.objects.get_for_object(loan).get()
    columns = {field.name for field in Loan._meta.concrete_fields}
    assert "reference" in entry.changes
    assert set(entry.changes) <= columns  # no "plans", "entries", ...


def test_changes_of_things_that_belong_to_a_borrower_are_linked_to_them():
    borrower = BorrowerFactory()
    preferences = ContactPreferences.objects.create(borrower=borrower, sms_enabled=True)
    login = UserFactory()
    borrower.user = login
    borrower.save()
    login.first_name = "Mei"
    login.save()

    assert _latest(ContactPreferences, preferences.pk).borrower_link.borrower_id == borrower.pk
    assert _latest(Borrower, borrower.pk).borrower_link.borrower_id == borrower.pk
    assert _latest(type(login), login.pk).borrower_link.borrower_id == borrower.pk


def test_password_and_sign_in_time_are_not_in_the_history():
    login = UserFactory()
    login.set_password("a new secret phrase")
    login.save()
    login.last_name = "Chen"
    login.save()

    entries = LogEntry.objects.get_for_model(type(login)).filter(object_id=login.pk)
    for entry in entries:
        assert "password" not in (entry.changes or {})
        assert "last_login" not in (entry.changes or {})
    assert any("last_name" in (entry.changes or {}) for entry in entries)


def test_the_ledger_is_its_own_history_and_not_registered():
    EntryFactory()

    assert not auditlog.contains(LedgerEntry)
    assert not LogEntry.objects.get_for_model(LedgerEntry).exists()
