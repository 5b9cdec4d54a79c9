"""The kept position follows every kind of write the position function reads, in the write's
own transaction: an imported payment, servicing, a dispute opened, upheld or rejected, a pause
granted and ended, a promise made and settled, a plan accepted, moved, kept on track or
broken. After each, ``check_positions`` finds nothing to report."""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command

from repayment.hardship.disputes import open_dispute, reject, uphold
from repayment.hardship.pauses import end_pause, grant_pause, request_pause
from repayment.hardship.promises import make_promise, settle
from repayment.importing.parse import records_from_batch
from repayment.importing.records import BatchRejected
from repayment.importing.service import import_batch
from repayment.models import LoanPosition, LoanPositionDay
from repayment.plans.accepting import accept
from repayment.plans.adjusting import move_payment
from repayment.plans.keeping_on_track import BROKEN, track
from repayment.plans.options import options_for
from repayment.plans.policy import policy_for
from repayment.position_table.checking import differences
from repayment.position_table.keeping import refresh
from repayment.servicing.postings import service_loan
from tests.factories import EntryFactory, LoanFactory, LoanProductFactory, UserFactory
from tests.repayment.plan_fixtures import D, late_loan, today_in

pytestmark = pytest.mark.django_db


def kept(loan) -> LoanPosition:
    return LoanPosition.objects.get(loan=loan)


def agrees():
    assert list(differences()) == []


@pytest.fixture
def loan():
    """45 days late on 550, with a 30 fee charged; its row kept."""
    loan = late_loan(product=LoanProductFactory(servicing_enabled=False))
    EntryFactory(loan=loan, kind="fee", amount=D("30.00"), effective_date=today_in())
    refresh([loan.pk])
    return loan


def test_a_write_left_out_of_the_table_is_reported_by_the_check(loan, capsys):
    call_command("check_positions")
    assert "agree" in capsys.readouterr().out

    EntryFactory(loan=loan, kind="payment", amount=D("100.00"), effective_date=today_in())

    with pytest.raises(CommandError, match="differences"):
        call_command("check_positions")
    assert "amount_due kept Decimal('1130.00'), worked out Decimal('1030.00')" in (
        capsys.readouterr().out
    )
    call_command("rebuild_positions")
    call_command("check_positions")


def test_an_imported_payment_moves_the_row_and_a_refused_batch_moves_nothing(loan):
    before = kept(loan).amount_due
    payment = {
        "external_id": "P-table-1",
        "loan_external_id": loan.external_id,
        "kind": "payment",
        "effective_date": today_in().isoformat(),
        "amount": "550.00",
    }
    import_batch(records=records_from_batch(batch={"entries": [payment]}))

    assert kept(loan).amount_due == before - D("550.00")
    agrees()
    with pytest.raises(BatchRejected):
        bad = {**payment, "external_id": "P-table-2", "amount": "-5"}
        import_batch(records=records_from_batch(batch={"entries": [bad]}))
    assert kept(loan).amount_due == before - D("550.00")


def test_servicing_posts_what_fell_due_and_the_row_asks_for_it():
    today = today_in()
    loan = LoanFactory(
        borrower__user=UserFactory(),
        disbursed_on=today - dt.timedelta(days=31),
        first_due_date=today,
        installment_count=6,
        installment_amount=D("1000.00"),
    )
    EntryFactory(
        loan=loan, kind="disbursement", amount=D("6000.00"), effective_date=loan.disbursed_on
    )
    refresh([loan.pk])
    assert kept(loan).amount_due == 0

    assert service_loan(loan=loan, today=today) > 0

    row = kept(loan)
    assert row.status == "due_today"
    assert row.amount_due > 0
    assert row.changes_on == today + dt.timedelta(days=1)  # late tomorrow
    agrees()


def test_a_dispute_holds_its_fee_out_until_it_is_answered(loan):
    fee = loan.entries.get(kind="fee")
    dispute = open_dispute(loan=loan, entry=fee, message="I was never told of this fee")
    row = kept(loan)
    assert (row.open_disputes, row.disputed_amount) == (1, D("30.00"))
    agrees()

    reject(dispute=dispute, by=None, note="The fee is in your agreement, section 4.")
    assert (kept(loan).open_disputes, kept(loan).disputed_amount) == (0, 0)
    agrees()


def test_an_upheld_dispute_takes_the_fee_off_the_balance(loan):
    fee = loan.entries.get(kind="fee")
    dispute = open_dispute(loan=loan, entry=fee, message="Charged twice")
    uphold(dispute=dispute, by=None, note="Our mistake, reversed.", today=today_in())

    row = kept(loan)
    assert (row.fees, row.open_disputes) == (0, 0)
    agrees()


def test_a_pause_stops_the_demand_and_its_end_brings_it_back(loan):
    longest = policy_for(loan.product).pause_max_days
    pause = request_pause(loan=loan, reason="illness", days=longest, note="", today=today_in())
    assert pause.status == "requested"
    assert kept(loan).status == "late"  # asked for, not yet granted: nothing changes
    grant_pause(pause=pause, by=None, today=today_in())

    row = kept(loan)
    assert (row.status, row.amount_due, row.paused_from) == ("paused", 0, today_in())
    assert row.changes_on == pause.ends_on + dt.timedelta(days=1)
    agrees()

    end_pause(pause=pause, by=None, today=today_in())  # today is its last day
    row = kept(loan)
    assert (row.paused_until, row.changes_on) == (today_in(), today_in() + dt.timedelta(days=1))
    agrees()


def test_a_promise_is_kept_on_the_row_until_it_is_settled(loan):
    today = today_in()
    promise = make_promise(loan=loan, amount="100.00", pay_by=today, today=today)
    assert (kept(loan).promised_amount, kept(loan).promised_by) == (D("100.00"), today)
    agrees()

    EntryFactory(loan=loan, kind="payment", amount=D("100.00"), effective_date=today)
    settle(promise, today=today)
    assert kept(loan).promised_amount is None
    agrees()


def test_a_plan_accepted_moved_and_broken_each_show_on_the_row(loan):
    options = options_for(loan=loan)
    terms = next(t for _, t in options.offers if t.kind == "spread")
    plan, _ = accept(loan=loan, terms=terms, key="t" * 32, segment="arrears", today=today_in())
    row = kept(loan)
    assert (row.status, row.plan_state, row.next_due_source) == ("on_plan", "good", "plan")
    agrees()

    first = plan.installments.order_by("number").first()
    moved_to = first.due_date + dt.timedelta(days=2)
    move_payment(plan=plan, number=first.number, new_date=moved_to, today=today_in())
    assert kept(loan).next_due_date == moved_to
    agrees()

    long_after = today_in() + dt.timedelta(days=400)
    while track(plan, today=long_after) != BROKEN:
        pass
    assert kept(loan).plan_state == "broken"
    agrees()


def test_history_keeps_a_row_for_each_day_the_loan_moved_and_none_when_it_did_not(loan):
    days = LoanPositionDay.objects.filter(loan=loan)
    assert days.count() == 1
    refresh([loan.pk])  # worked out again, nothing moved
    assert days.count() == 1

    EntryFactory(loan=loan, kind="payment", amount=D("50.00"), effective_date=today_in())
    refresh([loan.pk])  # same day, moved: that day's row says where it ended
    assert days.count() == 1
    assert days.get().amount_due == kept(loan).amount_due
