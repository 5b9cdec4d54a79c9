from django.test import RequestFactory

from portal.audit.actors import Actor
from portal.audit.models import Record, RecordKind
from portal.audit.recording import record_action, record_view
from tests.factories import BorrowerFactory, LoanFactory


def _acting(user, **meta):
    request = RequestFactory().get("/", **meta)
    request.user = user
    return Actor.of(request)


def test_record_view_keeps_who_when_what_and_from_where(agent):
    loan = LoanFactory()
    acting = _acting(agent, REMOTE_ADDR="203.0.113.7")

    record = record_view(
        acting=acting, borrower=loan.borrower, what="borrower.statement", target=loan
    )

    record = Record.objects.get(pk=record.pk)
    assert record.kind == RecordKind.VIEW
    assert record.actor == agent
    assert record.actor_label == "agent@lender.example"
    assert record.action == "borrower.statement"
    assert record.borrower == loan.borrower
    assert (record.object_type, record.object_id) == ("repayment.loan", str(loan.pk))
    assert record.ip == "203.0.113.7"
    assert record.at is not None


def test_record_action_keeps_reason_and_details(supervisor):
    borrower = BorrowerFactory()
    acting = _acting(supervisor, REMOTE_ADDR="198.51.100.4")

    record = record_action(
        acting=acting,
        action="note.added",
        borrower=borrower,
        reason="Borrower asked us to call back",
        details={"channel": "phone"},
    )

    record = Record.objects.get(pk=record.pk)
    assert record.kind == RecordKind.CHANGE
    assert record.reason == "Borrower asked us to call back"
    assert record.details == {"channel": "phone"}
    assert record.ip == "198.51.100.4"
    assert record.actor_label == "supervisor@lender.example"


def test_forwarded_address_is_ignored_without_trusted_proxies(agent, settings):
    settings.AUDIT_TRUSTED_PROXIES = 0
    acting = _acting(agent, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4")

    record = record_view(acting=acting, borrower=BorrowerFactory(), what="borrower.account")

    assert record.ip == "10.0.0.2"


def test_forwarded_address_added_by_our_proxy_is_believed(agent, settings):
    settings.AUDIT_TRUSTED_PROXIES = 1
    # The client wrote the first hop itself; our one proxy appended the real address.
    acting = _acting(agent, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")

    record = record_view(acting=acting, borrower=BorrowerFactory(), what="borrower.account")

    assert record.ip == "203.0.113.9"
