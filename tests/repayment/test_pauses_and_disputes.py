"""Pauses freeze interest and fees and hold reminders; disputes hold reminders until resolved."""

import pytest

from portal.notifications.contact_rules.situations import load_holds
from repayment.hardship.disputes import DisputeError, open_dispute
from repayment.hardship.freezes import freezes_for
from repayment.hardship.pauses import PauseError, request_pause
from repayment.models import LenderEvent, PauseStatus

from .plan_fixtures import late_loan, today_in

pytestmark = pytest.mark.django_db


def hold_on(loan, day):
    """What the reminders' rules see of this loan's pauses and disputes."""
    return load_holds([loan.pk], around=day)[loan.pk]


def test_a_short_pause_is_granted_at_once_and_freezes_interest_and_fees():
    loan = late_loan()
    today = today_in()
    pause = request_pause(loan=loan, reason="illness", days=30, note="", today=today)
    assert pause.status == PauseStatus.GRANTED
    assert hold_on(loan, today).pause_on(today)
    freeze = next(f for f in freezes_for(loan=loan) if f.reason == "pause")
    assert (freeze.start, freeze.interest, freeze.fees) == (today, True, True)
    assert LenderEvent.objects.filter(topic="pause.granted").exists()


def test_a_long_pause_waits_for_staff_and_holds_nothing_yet():
    loan = late_loan()
    pause = request_pause(loan=loan, reason="income_drop", days=45, note="", today=today_in())
    assert pause.status == PauseStatus.REQUESTED
    holds = hold_on(loan, today_in())
    assert not holds.pause_on(today_in()) and not holds.dispute_open
    assert not freezes_for(loan=loan) or all(f.reason != "pause" for f in freezes_for(loan=loan))


def test_breathing_space_is_sixty_days_whatever_was_asked():
    loan = late_loan()
    pause = request_pause(loan=loan, reason="breathing_space", days=5, note="", today=today_in())
    assert pause.status == PauseStatus.GRANTED
    assert (pause.ends_on - pause.starts_on).days == 59


@pytest.mark.parametrize("days", [0, 61, 1000])
def test_out_of_range_pauses_change_nothing(days):
    loan = late_loan()
    with pytest.raises(PauseError):
        request_pause(loan=loan, reason="illness", days=days, note="", today=today_in())
    assert not loan.pauses.exists()


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
