"""Upholding and rejecting a dispute: the resolution (and, upheld, the reversing entry), its
audit record and the queue's release together or not at all."""

from decimal import Decimal

import pytest

from portal.audit.models import Record
from portal.notifications.models import OutboundMessage
from portal.support.actions import disputes
from portal.support.actions.disputes import do_reject_dispute, do_uphold_dispute
from portal.support.models import Assignment
from repayment.hardship.disputes import DisputeError
from repayment.models import DisputeStatus, LedgerEntry
from tests.support.work_fixtures import waiting_dispute

pytestmark = pytest.mark.django_db


def taken_by(user, dispute):
    return Assignment.objects.create(kind="dispute", object_id=dispute.pk, user=user)


def told(dispute):
    return OutboundMessage.objects.filter(
        borrower=dispute.loan.borrower, event="dispute_resolved"
    ).exists()


def test_upholding_reverses_the_entry_records_and_releases(supervisor, as_supervisor):
    dispute = waiting_dispute()
    taken_by(supervisor, dispute)

    upheld = do_uphold_dispute(
        dispute, acting=as_supervisor, reason="Cash receipt found", note="We corrected it."
    )

    assert upheld.status == DisputeStatus.UPHELD and upheld.resolved_by == supervisor
    assert LedgerEntry.objects.get(reverses=dispute.entry).amount == dispute.entry.amount
    record = Record.objects.get(kind="change")
    assert (record.action, record.reason) == ("dispute.upheld", "Cash receipt found")
    assert record.details == {
        "entry": dispute.entry.external_id,
        "amount": str(Decimal("550.00")),
        "note": "We corrected it.",
    }
    assert not Assignment.objects.exists()
    assert told(dispute)


def test_rejecting_leaves_the_ledger(as_supervisor):
    dispute = waiting_dispute()
    entries = LedgerEntry.objects.count()

    rejected = do_reject_dispute(
        dispute, acting=as_supervisor, reason="Payment checked", note="It went to next month."
    )

    assert rejected.status == DisputeStatus.REJECTED
    assert LedgerEntry.objects.count() == entries
    assert Record.objects.get(kind="change").action == "dispute.rejected"
    assert told(dispute)


def test_a_domain_refusal_writes_nothing(supervisor, as_supervisor):
    dispute = waiting_dispute()
    taken_by(supervisor, dispute)

    with pytest.raises(DisputeError):
        do_uphold_dispute(dispute, acting=as_supervisor, reason="r", note="")

    dispute.refresh_from_db()
    assert dispute.status == DisputeStatus.OPEN
    assert not LedgerEntry.objects.filter(reverses=dispute.entry).exists()
    assert not Record.objects.exists()
    assert Assignment.objects.exists()


def test_a_record_that_fails_undoes_the_reversal(supervisor, as_supervisor, monkeypatch):
    dispute = waiting_dispute()
    taken_by(supervisor, dispute)

    def broken(**kwargs):
        raise RuntimeError("the audit trail is down")

    monkeypatch.setattr(disputes, "record_action", broken)
    with pytest.raises(RuntimeError):
        do_uphold_dispute(dispute, acting=as_supervisor, reason="r", note="n")

    dispute.refresh_from_db()
    assert dispute.status == DisputeStatus.OPEN
    assert not LedgerEntry.objects.filter(reverses=dispute.entry).exists()
    assert not told(dispute)
    assert Assignment.objects.exists()
