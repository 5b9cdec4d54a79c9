"""Disputes: one open at a time on an entry, holding collection reminders. Staff answers:
upholding reverses the entry so the statement corrects itself, rejecting leaves it; each is
answered once with a note, a refusal changes nothing, and the borrower and the lender are
told."""

from decimal import Decimal

import pytest
from django.urls import reverse

from portal.notifications.contact_rules.situations import load_holds
from portal.notifications.models import OutboundMessage
from repayment.hardship.disputes import DisputeError, open_dispute, reject, uphold
from repayment.models import DisputeStatus, EntrySource, LedgerEntry, LenderEvent
from repayment.statements.cache import statement_for
from tests.factories import EntryFactory, UserFactory
from tests.repayment.plan_fixtures import late_loan, today_in

pytestmark = pytest.mark.django_db

D = Decimal


@pytest.fixture
def staff():
    return UserFactory(is_staff=True)


def disputed_fee():
    loan = late_loan()
    fee = EntryFactory(loan=loan, kind="fee", amount=D("30.00"), effective_date=today_in())
    return open_dispute(loan=loan, entry=fee, message="I paid on time, this fee is wrong.")


def balance(loan):
    return statement_for(loan=loan).balance.total


def centre(dispute):
    return OutboundMessage.objects.filter(
        borrower=dispute.loan.borrower, channel="in_portal", event="dispute_resolved"
    )


def snapshot(dispute):
    dispute.refresh_from_db()
    loan = dispute.loan
    return (
        dispute.status,
        dispute.resolution,
        dispute.resolved_by_id,
        LedgerEntry.objects.filter(loan=loan).count(),
        OutboundMessage.objects.filter(borrower=loan.borrower).count(),
        LenderEvent.objects.filter(borrower=loan.borrower).count(),
    )


def hold_on(loan, day):
    """What the reminders' rules see of this loan's pauses and disputes."""
    return load_holds([loan.pk], around=day)[loan.pk]


def test_a_dispute_holds_collection_and_cannot_be_opened_twice():
    loan = late_loan()
    entry = loan.entries.filter(kind="installment_due").first()
    open_dispute(loan=loan, entry=entry, message="I paid this in cash at the branch.")
    assert hold_on(loan, today_in()).dispute_open
    with pytest.raises(DisputeError):
        open_dispute(loan=loan, entry=entry, message="again")
    assert loan.disputes.count() == 1


def test_a_dispute_on_another_loans_entry_is_refused():
    loan, other = late_loan(), late_loan()
    with pytest.raises(DisputeError):
        open_dispute(loan=loan, entry=other.entries.first(), message="not mine")


def test_upholding_reverses_the_entry_and_the_statement_corrects_itself(client, staff):
    dispute = disputed_fee()
    loan, fee = dispute.loan, dispute.entry
    before = balance(loan)
    note = "Your payment arrived on time; the fee should not have been charged."

    answered = uphold(dispute=dispute, by=staff, note=note, today=today_in())

    assert balance(loan) == before - fee.amount
    correction = LedgerEntry.objects.get(reverses=fee)
    assert (correction.kind, correction.amount, correction.source) == (
        "reversal",
        fee.amount,
        EntrySource.SUPPORT,
    )
    assert correction.external_id == f"dispute-{dispute.pk}-correction"
    assert correction.effective_date == today_in()
    assert (answered.status, answered.resolution, answered.resolved_by) == (
        DisputeStatus.UPHELD,
        note,
        staff,
    )
    assert answered.resolved_at is not None
    assert not load_holds([loan.pk], around=today_in())[loan.pk].dispute_open
    event = LenderEvent.objects.get(topic="dispute.resolved")
    assert event.payload["outcome"] == "upheld"
    assert event.payload["correction"] == correction.external_id
    (message,) = centre(dispute)
    assert "You were right" in message.body and note in message.body
    client.force_login(loan.borrower.user)
    page = client.get(reverse("loan_dispute", args=[loan.reference])).content.decode()
    assert "Corrected" in page and note in page
    statement = client.get(reverse("loan_statement", args=[loan.reference])).content.decode()
    assert "later corrected" in statement


def test_rejecting_leaves_the_statement_and_says_why(client, staff):
    dispute = disputed_fee()
    loan = dispute.loan
    before = balance(loan)
    entries = LedgerEntry.objects.filter(loan=loan).count()
    note = "Our records show the payment arrived six days after the due date."

    answered = reject(dispute=dispute, by=staff, note=note)

    assert balance(loan) == before
    assert LedgerEntry.objects.filter(loan=loan).count() == entries
    assert (answered.status, answered.resolution) == (DisputeStatus.REJECTED, note)
    assert LenderEvent.objects.get(topic="dispute.resolved").payload["outcome"] == "rejected"
    (message,) = centre(dispute)
    assert "it is correct" in message.body and note in message.body
    client.force_login(loan.borrower.user)
    page = client.get(reverse("loan_help", args=[loan.reference])).content.decode()
    assert "Checked: the entry stands" in page and note in page


@pytest.mark.parametrize("answer", [uphold, reject])
@pytest.mark.parametrize("note", ["", "   "])
def test_an_answer_needs_a_note(staff, answer, note):
    dispute = disputed_fee()
    before = snapshot(dispute)
    extra = {"today": today_in()} if answer is uphold else {}

    with pytest.raises(DisputeError):
        answer(dispute=dispute, by=staff, note=note, **extra)

    assert snapshot(dispute) == before


@pytest.mark.parametrize("first", [uphold, reject])
@pytest.mark.parametrize("second", [uphold, reject])
def test_a_dispute_is_answered_once(staff, first, second):
    dispute = disputed_fee()
    first(dispute=dispute, by=staff, note="Checked.", **_today(first))
    before = snapshot(dispute)

    with pytest.raises(DisputeError, match="already been answered"):
        second(dispute=dispute, by=staff, note="Again.", **_today(second))

    assert snapshot(dispute) == before


def test_an_entry_the_lender_already_reversed_is_not_reversed_twice(staff):
    dispute = disputed_fee()
    LedgerEntry.objects.create(
        loan=dispute.loan,
        external_id="lender-fix-1",
        kind="reversal",
        effective_date=today_in(),
        amount=dispute.entry.amount,
        reverses=dispute.entry,
        source=EntrySource.LENDER,
    )
    before = snapshot(dispute)

    with pytest.raises(DisputeError, match="already been corrected"):
        uphold(dispute=dispute, by=staff, note="Refund.", today=today_in())

    assert snapshot(dispute) == before


def _today(answer):
    return {"today": today_in()} if answer is uphold else {}
