"""Resolving disputes from the console: each with a reason on record, the borrower told, and
only for the roles allowed."""

from decimal import Decimal

import pytest
from django.urls import reverse

from portal.audit.models import Record
from repayment.models import DisputeStatus, LedgerEntry
from repayment.statements.cache import statement_for
from tests.support.staff import signed_in, staff_user
from tests.support.work_fixtures import waiting_dispute

from .answers import post, told

pytestmark = pytest.mark.django_db


def test_dispute_page_shows_the_entry_and_message(supervisor, supervisor_client):
    dispute = waiting_dispute()
    text = supervisor_client.get(reverse("support:dispute", args=[dispute.pk])).content.decode()
    assert "I paid this in cash." in text and dispute.entry.external_id in text
    assert Record.objects.get(kind="view", action="dispute").actor == supervisor


def test_upholding_posts_a_reversal_and_what_is_owed_changes(supervisor, supervisor_client):
    dispute = waiting_dispute()  # on an installment that fell due: 550 of what is owed now
    loan = dispute.loan
    before = statement_for(loan=loan).position
    # While the question is open, the installment is held out of what is asked for now.
    assert before.disputed_amount == Decimal("550.00")
    response = post(
        supervisor_client,
        "dispute",
        dispute,
        "uphold",
        reason="Branch cash receipt found",
        note="You paid this at the branch; we have corrected it.",
    )
    assert response.status_code == 302
    dispute.refresh_from_db()
    assert dispute.status == DisputeStatus.UPHELD and dispute.resolved_by == supervisor
    reversal = LedgerEntry.objects.get(reverses=dispute.entry)
    assert reversal.amount == dispute.entry.amount
    after = statement_for(loan=loan).position
    assert after.contract_due == before.contract_due - Decimal("550.00")
    assert after.disputed_amount == 0 and after.amount_due == before.amount_due
    record = Record.objects.get(action="dispute.upheld")
    assert record.reason == "Branch cash receipt found"
    assert told(loan, "dispute_resolved")


def test_rejecting_needs_reasons_and_leaves_the_ledger(supervisor_client):
    dispute = waiting_dispute()
    entries = LedgerEntry.objects.count()
    response = post(supervisor_client, "dispute", dispute, "reject", reason="", note="")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Give a reason" in text and "Write a note to the borrower" in text
    dispute.refresh_from_db()
    assert dispute.status == DisputeStatus.OPEN
    post(
        supervisor_client,
        "dispute",
        dispute,
        "reject",
        reason="Payment record checked",
        note="The payment went to the next month's payment.",
    )
    dispute.refresh_from_db()
    assert dispute.status == DisputeStatus.REJECTED
    assert LedgerEntry.objects.count() == entries
    assert Record.objects.get(action="dispute.rejected").reason == "Payment record checked"
    assert told(dispute.loan, "dispute_resolved")


@pytest.mark.parametrize(
    "note",
    [
        "Pay by Friday or we will send the police to your home.",
        "请马上还款，否则我们会通知您的单位和家人。",
    ],
)
def test_a_note_that_threatens_is_refused_and_nothing_is_sent(supervisor_client, note):
    dispute = waiting_dispute()
    response = post(
        supervisor_client, "dispute", dispute, "reject", reason="Checked the record", note=note
    )
    assert response.status_code == 200
    assert "Say calmly what happens next" in response.content.decode()
    dispute.refresh_from_db()
    assert dispute.status == DisputeStatus.OPEN
    assert not told(dispute.loan, "dispute_resolved")


@pytest.mark.parametrize("role", ["agent", "reviewer", "editor"])
def test_roles_without_the_permission_cannot_resolve_disputes(client, role):
    dispute = waiting_dispute()
    signed_in(client, staff_user(role))
    assert client.get(reverse("support:dispute", args=[dispute.pk])).status_code == 403
    assert post(client, "dispute", dispute, "uphold", reason="r", note="n").status_code == 403
    dispute.refresh_from_db()
    assert dispute.status == DisputeStatus.OPEN
    assert not LedgerEntry.objects.filter(reverses=dispute.entry).exists()


def test_staff_without_an_authenticator_are_refused(client):
    dispute = waiting_dispute()
    signed_in(client, staff_user("supervisor", totp=False))
    response = client.get(reverse("support:dispute", args=[dispute.pk]))
    assert response.status_code in (302, 403)
    assert not Record.objects.exists()
