"""Pauses: a short one is granted at once and a long one waits for staff; staff grant or decline
a request once, a granted pause can be ended early (Breathing Space only on the adviser's word),
a refusal changes nothing, and the borrower is told and sees the answer."""

import datetime as dt

import pytest
from django.urls import reverse

from portal.notifications.contact_rules.situations import load_holds
from portal.notifications.models import OutboundMessage
from repayment.hardship.freezes import freezes_for
from repayment.hardship.pauses import (
    PauseError,
    decline_pause,
    end_pause,
    grant_pause,
    request_pause,
)
from repayment.models import ContactRules, LenderEvent, Pause, PauseStatus
from tests.factories import LoanProductFactory, UserFactory
from tests.repayment.plan_fixtures import late_loan, today_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    return UserFactory(is_staff=True)


def uk_product():
    return LoanProductFactory(currency="GBP", contact_rules=ContactRules.UK_FCA)


def requested(days=45, reason="income_drop", product=None):
    loan = late_loan(product=product)
    pause = request_pause(loan=loan, reason=reason, days=days, note="", today=today_in())
    return pause


def granted(days=20, reason="illness", product=None):
    pause = requested(days=days, reason=reason, product=product)
    assert pause.status == PauseStatus.GRANTED
    return pause


def centre(pause, event):
    return OutboundMessage.objects.filter(
        borrower=pause.loan.borrower, channel="in_portal", event=event
    )


def snapshot(pause):
    pause.refresh_from_db()
    loan = pause.loan
    return (
        pause.status,
        pause.ends_on,
        pause.decided_by_id,
        pause.staff_note,
        OutboundMessage.objects.filter(borrower=loan.borrower).count(),
        LenderEvent.objects.filter(borrower=loan.borrower).count(),
    )


def help_page(client, pause):
    client.force_login(pause.loan.borrower.user)
    return client.get(reverse("loan_help", args=[pause.loan.reference])).content.decode()


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
    loan = late_loan(product=uk_product())
    pause = request_pause(loan=loan, reason="breathing_space", days=5, note="", today=today_in())
    assert pause.status == PauseStatus.GRANTED
    assert (pause.ends_on - pause.starts_on).days == 59


@pytest.mark.parametrize("rules", [ContactRules.CHINA_NIFA, ContactRules.US_REG_F])
def test_breathing_space_is_refused_outside_the_uk(rules):
    loan = late_loan(product=LoanProductFactory(contact_rules=rules))

    with pytest.raises(PauseError):
        request_pause(loan=loan, reason="breathing_space", days=5, note="", today=today_in())
    assert not Pause.objects.filter(loan=loan).exists()


@pytest.mark.parametrize("days", [0, 61, 1000])
def test_out_of_range_pauses_change_nothing(days):
    loan = late_loan()
    with pytest.raises(PauseError):
        request_pause(loan=loan, reason="illness", days=days, note="", today=today_in())
    assert not loan.pauses.exists()


def test_a_request_staff_grant_holds_reminders_freezes_and_tells_both(staff):
    pause = requested()
    today = today_in()

    answered = grant_pause(pause=pause, by=staff, note="Take the time you need.")

    assert answered.status == PauseStatus.GRANTED
    assert (answered.decided_by, answered.staff_note) == (staff, "Take the time you need.")
    assert answered.decided_at is not None
    assert load_holds([pause.loan_id], around=today)[pause.loan_id].pause_on(today)
    assert any(f.reason == "pause" and f.covers(today) for f in freezes_for(loan=pause.loan))
    event = LenderEvent.objects.get(topic="pause.granted")
    assert event.payload["until"] == answered.ends_on.isoformat()
    (message,) = centre(pause, "pause_granted")
    assert message.status == "sent"


@pytest.mark.parametrize("answer", ["grant", "decline"])
def test_a_request_is_answered_once(staff, answer):
    pause = requested()
    grant_pause(pause=pause, by=staff)
    before = snapshot(pause)

    with pytest.raises(PauseError, match="already been answered"):
        if answer == "grant":
            grant_pause(pause=pause, by=UserFactory(is_staff=True))
        else:
            decline_pause(pause=pause, by=UserFactory(is_staff=True), note="No.")

    assert snapshot(pause) == before


def test_a_request_whose_dates_have_passed_is_not_granted(staff):
    pause = requested()
    Pause.objects.filter(pk=pause.pk).update(
        starts_on=today_in() - dt.timedelta(days=50), ends_on=today_in() - dt.timedelta(days=5)
    )
    before = snapshot(pause)

    with pytest.raises(PauseError, match="passed"):
        grant_pause(pause=pause, by=staff)

    assert snapshot(pause) == before


@pytest.mark.parametrize("note", ["", "  "])
def test_a_decline_needs_a_note(staff, note):
    pause = requested()
    before = snapshot(pause)

    with pytest.raises(PauseError, match="why"):
        decline_pause(pause=pause, by=staff, note=note)

    assert snapshot(pause) == before


def test_a_declined_borrower_is_told_why_and_sees_it(client, staff):
    pause = requested()
    note = "We can offer a plan with smaller payments instead; see your options."

    answered = decline_pause(pause=pause, by=staff, note=note)

    assert answered.status == PauseStatus.DECLINED and answered.staff_note == note
    assert not load_holds([pause.loan_id], around=today_in())[pause.loan_id].pauses
    (message,) = centre(pause, "pause_declined")
    assert note in message.body
    html = help_page(client, pause)
    assert "We could not agree the pause you asked for." in html and note in html
    assert "Ask for a pause" in html  # they may ask again
    client.force_login(pause.loan.borrower.user)
    pause_page = client.get(reverse("loan_pause", args=[pause.loan.reference])).content.decode()
    assert note in pause_page


def test_ending_a_pause_makes_today_its_last_day(client, staff):
    pause = granted(days=20)
    today = today_in()

    answered = end_pause(pause=pause, by=staff, today=today, note="Your income is back.")

    assert answered.status == PauseStatus.ENDED and answered.ends_on == today
    freeze = next(f for f in freezes_for(loan=pause.loan) if f.reason == "pause")
    assert (freeze.start, freeze.end) == (pause.starts_on, today)
    assert not load_holds([pause.loan_id], around=today)[pause.loan_id].pauses
    assert LenderEvent.objects.get(topic="pause.ended").payload["until"] == today.isoformat()
    (message,) = centre(pause, "pause_ended")
    assert "ends on" in message.body
    html = help_page(client, pause)
    assert "We ended your pause early." in html and "Your income is back." in html


@pytest.mark.parametrize("state", ["requested", "ended", "past"])
def test_only_a_running_pause_can_be_ended(staff, state):
    if state == "requested":
        pause = requested()
    else:
        pause = granted()
        if state == "ended":
            end_pause(pause=pause, by=staff, today=today_in())
        else:
            Pause.objects.filter(pk=pause.pk).update(
                starts_on=today_in() - dt.timedelta(days=20),
                ends_on=today_in() - dt.timedelta(days=1),
            )
    before = snapshot(pause)

    with pytest.raises(PauseError):
        end_pause(pause=pause, by=staff, today=today_in())

    assert snapshot(pause) == before


def test_breathing_space_ends_early_only_with_the_advisers_word(staff):
    pause = granted(reason="breathing_space", product=uk_product())
    before = snapshot(pause)

    with pytest.raises(PauseError, match="adviser"):
        end_pause(pause=pause, by=staff, today=today_in(), note=" ")
    assert snapshot(pause) == before

    answered = end_pause(
        pause=pause,
        by=staff,
        today=today_in(),
        note="The debt adviser told us the Breathing Space was cancelled today.",
    )
    assert answered.status == PauseStatus.ENDED
