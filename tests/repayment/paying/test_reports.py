"""A payment the borrower says they made: taken when it can be right, refused with nothing
changed otherwise; every payment reminder waits for the lender's days; then arrived (from the
ledger) or not found, with one gentle question, and the lender told each time."""

import datetime as dt
from decimal import Decimal

import pytest

from portal.notifications.contact_rules.situations import load_holds
from portal.notifications.models import OutboundMessage
from repayment.models import LenderEvent, PaymentReport, PaymentReportStatus, PlanPolicy
from repayment.paying.reports import ReportError, outcome, report_payment, settle, settle_all
from tests.repayment.plan_fixtures import late_loan, pay, today_in

pytestmark = pytest.mark.django_db

D = Decimal


def reported(amount="550.00", days_ago=1, loan=None, **extra):
    loan = loan or late_loan()  # 1,100.00 due, 5,500.00 still owed in all
    today = today_in()
    return report_payment(
        loan=loan, amount=amount, paid_on=today - dt.timedelta(days=days_ago), today=today, **extra
    )


def in_portal(report, event):
    return OutboundMessage.objects.filter(
        borrower=report.loan.borrower, channel="in_portal", event=event
    )


def told_lender(report):
    return list(
        LenderEvent.objects.filter(borrower=report.loan.borrower)
        .order_by("pk")
        .values_list("topic", flat=True)
    )


def test_reminders_wait_the_lenders_days_and_the_borrower_is_thanked():
    report = reported(how="bank_transfer", details="  Sent from Harbour Bank  ")
    today = today_in()
    assert report.status == PaymentReportStatus.OPEN
    assert report.hold_until == today + dt.timedelta(days=5)  # the policy's default
    assert report.details == "Sent from Harbour Bank"
    holds = load_holds([report.loan_id], around=today)[report.loan_id]
    assert holds.reported_on(report.hold_until)
    assert not holds.reported_on(report.hold_until + dt.timedelta(days=1))
    assert "reach us" in in_portal(report, "payment_reported").get().body
    assert told_lender(report) == ["payment.reported"]


def test_the_lender_sets_how_long_reminders_wait():
    loan = late_loan()
    PlanPolicy.objects.create(product=loan.product, reported_payment_hold_days=9)
    report = reported(loan=loan)
    assert report.hold_until == today_in() + dt.timedelta(days=9)


def test_the_payment_reaching_the_ledger_marks_it_arrived_without_a_question():
    report = reported(amount="550.00", days_ago=2)
    # The bank dated it the day before the borrower remembers: still theirs.
    pay(report.loan, "550.00", day=report.paid_on - dt.timedelta(days=1))
    assert settle(report, today=today_in()) == PaymentReportStatus.ARRIVED
    report.refresh_from_db()
    assert (report.status, report.found) == (PaymentReportStatus.ARRIVED, D("550.00"))
    assert not in_portal(report, "payment_not_found").exists()
    assert told_lender(report) == ["payment.reported", "payment.report_arrived"]
    assert not load_holds([report.loan_id], around=today_in())[report.loan_id].reported_on(
        today_in()
    )


def test_nothing_found_by_the_last_day_asks_gently_once_then_reminders_resume():
    report = reported()
    last = report.hold_until
    assert settle(report, today=last) is None
    assert settle_all(today=last + dt.timedelta(days=1)) == {"arrived": 0, "not_found": 1}
    assert settle(report, today=last + dt.timedelta(days=2)) is None
    report.refresh_from_db()
    assert (report.status, report.found) == (PaymentReportStatus.NOT_FOUND, D("0"))
    question = in_portal(report, "payment_not_found").get()
    assert "help us find it" in question.body
    assert f"/loans/{report.loan.reference}/paid/" in question.body
    for harsh in ("fail", "did not pay", "lie", "false", "must"):
        assert harsh not in question.body.lower()
    assert told_lender(report) == ["payment.reported", "payment.report_not_found"]
    assert not load_holds([report.loan_id], around=last)[report.loan_id].reported_on(last)


def test_part_of_it_found_is_still_a_question_about_the_rest():
    report = reported(amount="550.00")
    pay(report.loan, "200.00")
    assert settle(report, today=report.hold_until + dt.timedelta(days=1)) == (
        PaymentReportStatus.NOT_FOUND
    )
    report.refresh_from_db()
    assert report.found == D("200.00")


@pytest.mark.parametrize(
    ("found", "days_after_last", "expected"),
    [
        (D("50"), -4, PaymentReportStatus.ARRIVED),
        (D("60"), 3, PaymentReportStatus.ARRIVED),
        (D("49.99"), 0, None),
        (D("49.99"), 1, PaymentReportStatus.NOT_FOUND),
    ],
)
def test_outcome(found, days_after_last, expected):
    last = dt.date(2026, 6, 10)
    today = last + dt.timedelta(days=days_after_last)
    assert outcome(reported=D("50"), found=found, today=today, hold_until=last) == expected


@pytest.mark.parametrize(
    ("amount", "days_ago", "extra", "words"),
    [
        ("0", 1, {}, "more than zero"),
        ("abc", 1, {}, "as a number"),
        ("10.001", 1, {}, "whole cents"),
        ("5500.01", 1, {}, "more than you owe"),
        ("100", -1, {}, "make a promise"),
        ("100", 31, {}, "more than 30 days ago"),
        ("100", 1, {"how": "carrier pigeon"}, "ways to pay"),
    ],
)
def test_bad_input_is_refused_in_plain_words_and_changes_nothing(amount, days_ago, extra, words):
    loan = late_loan()
    with pytest.raises(ReportError, match=words):
        reported(amount=amount, days_ago=days_ago, loan=loan, **extra)
    assert not PaymentReport.objects.exists()
    assert not LenderEvent.objects.exists()
    assert not OutboundMessage.objects.exists()


def test_one_report_waits_at_a_time():
    report = reported()
    with pytest.raises(ReportError, match="already told us about a payment"):
        reported(loan=report.loan)
    settle(report, today=report.hold_until + dt.timedelta(days=1))
    assert reported(loan=report.loan).status == PaymentReportStatus.OPEN


def test_refused_on_a_loan_paid_off():
    loan = late_loan()
    pay(loan, "5500.00")
    with pytest.raises(ReportError, match="paid off"):
        reported(loan=loan)


def test_the_daily_task_settles_reports_and_is_scheduled(settings):
    from repayment.tasks import settle_payment_reports

    report = reported()
    day = (report.hold_until + dt.timedelta(days=1)).isoformat()
    assert settle_payment_reports(today=day) == {"arrived": 0, "not_found": 1}
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "repayment.tasks.settle_payment_reports" in scheduled
