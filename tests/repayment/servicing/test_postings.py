"""The daily servicing run: installments, interest and late fees, posted once."""

import datetime as dt
from decimal import Decimal

import pytest

from repayment.models import LedgerEntry
from repayment.servicing import postings as servicing
from repayment.servicing.freeze_windows import Freeze
from repayment.servicing.postings import service_all, service_loan
from repayment.statements.cache import statement_for
from repayment.tasks import post_servicing_entries
from tests.factories import EntryFactory, LoanFactory, LoanProductFactory

pytestmark = pytest.mark.django_db
D = Decimal


def make_loan():
    product = LoanProductFactory(
        annual_interest_rate=D("12.0"),
        interest_method="flat",
        day_count_basis="30/360",
        grace_days=5,
        late_fee_fixed=D("20.00"),
        late_fee_percent=D("2.0"),
        late_fee_cap=D("25.00"),
    )
    loan = LoanFactory(
        product=product,
        principal=D("1200.00"),
        disbursed_on=dt.date(2026, 1, 10),
        first_due_date=dt.date(2026, 2, 10),
        installment_count=3,
        installment_amount=D("412.00"),
    )
    EntryFactory(
        loan=loan, kind="disbursement", amount=D("1200.00"), effective_date=dt.date(2026, 1, 10)
    )
    return loan


@pytest.fixture
def loan():
    return make_loan()


def kinds(loan):
    return list(
        LedgerEntry.objects.filter(loan=loan)
        .exclude(kind="disbursement")
        .order_by("effective_date", "id")
        .values_list("external_id", "effective_date", "amount")
    )


def test_posts_interest_and_installment_on_the_due_date(loan):
    assert service_loan(loan=loan, today=dt.date(2026, 2, 9)) == 0
    assert service_loan(loan=loan, today=dt.date(2026, 2, 10)) == 2
    assert kinds(loan) == [
        ("svc:interest:1", dt.date(2026, 2, 10), D("12.00")),  # 1200 x 12% x 30/360
        ("svc:installment:1", dt.date(2026, 2, 10), D("412.00")),
    ]


def test_running_twice_the_same_day_posts_nothing_more(loan):
    service_loan(loan=loan, today=dt.date(2026, 3, 20))
    before = kinds(loan)
    assert service_loan(loan=loan, today=dt.date(2026, 3, 20)) == 0
    post_servicing_entries.delay(today="2026-03-20")
    assert kinds(loan) == before


def test_late_fee_only_after_the_grace_period_and_only_once(loan):
    service_loan(loan=loan, today=dt.date(2026, 2, 15))
    assert not LedgerEntry.objects.filter(loan=loan, kind="fee").exists()
    service_loan(loan=loan, today=dt.date(2026, 2, 16))
    service_loan(loan=loan, today=dt.date(2026, 2, 28))
    fees = LedgerEntry.objects.filter(loan=loan, kind="fee")
    # 20 fixed + 2% of 412 = 28.24, capped at 25.
    assert list(fees.values_list("effective_date", "amount")) == [
        (dt.date(2026, 2, 16), D("25.00"))
    ]


def test_no_late_fee_when_paid_within_grace(loan):
    service_loan(loan=loan, today=dt.date(2026, 2, 10))
    EntryFactory(loan=loan, kind="payment", amount=D("424.00"), effective_date=dt.date(2026, 2, 14))
    service_loan(loan=loan, today=dt.date(2026, 3, 1))
    assert not LedgerEntry.objects.filter(loan=loan, kind="fee").exists()


def test_a_missed_run_catches_up_and_last_installment_clears_the_loan(loan):
    service_loan(loan=loan, today=dt.date(2026, 4, 10))
    ids = [external_id for external_id, _, _ in kinds(loan)]
    assert ids[:2] == ["svc:interest:1", "svc:installment:1"]
    assert "svc:late-fee:1" in ids and "svc:installment:3" in ids
    statement = statement_for(
        loan=type(loan).objects.select_related("product__lender", "borrower").get(pk=loan.pk),
        as_of=dt.datetime(2026, 4, 10, 12, tzinfo=dt.UTC),
    )
    # Everything has fallen due: the amount due is the whole balance.
    assert statement.amount_due == statement.balance.total
    assert statement.next_due is None


def test_products_whose_lender_posts_entries_are_left_alone(loan):
    loan.product.servicing_enabled = False
    loan.product.save()
    assert service_all(today=dt.date(2026, 4, 10)) == 0
    assert kinds(loan) == []


# Freeze windows. The loan above accrues 0.40 a day on 30/360 (1200 x 12% / 360); its first
# late fee would be charged on 16 February, its second on 16 March.


def pause(start, end):
    return Freeze(start=start, end=end, interest=True, fees=True, reason="pause")


def fees_only_plan(start, end):
    return Freeze(start=start, end=end, interest=False, fees=True, reason="plan")


def test_a_pause_stops_interest_and_late_fees_on_its_days(loan):
    # Frozen from 20 January to 28 February: interest for 10 January-19 January and
    # 1-9 March only, and no fee for the installment whose fee falls due on 16 February.
    frozen = [pause(dt.date(2026, 1, 20), dt.date(2026, 2, 28))]
    service_loan(loan=loan, today=dt.date(2026, 3, 20), freezes=frozen)
    assert kinds(loan) == [
        ("svc:interest:1", dt.date(2026, 2, 10), D("4.00")),  # 10 days
        ("svc:installment:1", dt.date(2026, 2, 10), D("412.00")),
        ("svc:interest:2", dt.date(2026, 3, 10), D("3.60")),  # 9 days
        ("svc:installment:2", dt.date(2026, 3, 10), D("412.00")),
        ("svc:late-fee:2", dt.date(2026, 3, 16), D("25.00")),  # after the pause: charged
    ]


def test_a_pause_over_a_whole_period_posts_no_interest_for_it(loan):
    frozen = [pause(dt.date(2026, 1, 1), dt.date(2026, 2, 20))]
    service_loan(loan=loan, today=dt.date(2026, 2, 20), freezes=frozen)
    assert kinds(loan) == [("svc:installment:1", dt.date(2026, 2, 10), D("412.00"))]


def test_a_fees_only_freeze_still_posts_interest(loan):
    frozen = [fees_only_plan(dt.date(2026, 2, 1), dt.date(2026, 3, 31))]
    service_loan(loan=loan, today=dt.date(2026, 3, 20), freezes=frozen)
    assert kinds(loan) == [
        ("svc:interest:1", dt.date(2026, 2, 10), D("12.00")),
        ("svc:installment:1", dt.date(2026, 2, 10), D("412.00")),
        ("svc:interest:2", dt.date(2026, 3, 10), D("12.00")),
        ("svc:installment:2", dt.date(2026, 3, 10), D("412.00")),
    ]


@pytest.mark.parametrize(
    ("start", "end", "charged"),
    [
        (dt.date(2026, 2, 1), dt.date(2026, 2, 15), True),  # ends the day before the charge
        (dt.date(2026, 2, 1), dt.date(2026, 2, 16), False),  # last frozen day is the charge day
        (dt.date(2026, 2, 16), dt.date(2026, 2, 28), False),  # first frozen day is the charge day
        (dt.date(2026, 2, 17), dt.date(2026, 2, 28), True),  # starts the day after the charge
    ],
)
def test_a_late_fee_is_skipped_only_when_its_charge_date_is_frozen(loan, start, end, charged):
    service_loan(loan=loan, today=dt.date(2026, 3, 1), freezes=[fees_only_plan(start, end)])
    fee_ids = LedgerEntry.objects.filter(loan=loan, kind="fee").values_list(
        "external_id", flat=True
    )
    assert list(fee_ids) == (["svc:late-fee:1"] if charged else [])


def test_running_twice_with_freezes_posts_nothing_more_and_never_the_frozen_fee(loan):
    frozen = [pause(dt.date(2026, 1, 20), dt.date(2026, 2, 28))]
    service_loan(loan=loan, today=dt.date(2026, 3, 20), freezes=frozen)
    before = kinds(loan)
    assert service_loan(loan=loan, today=dt.date(2026, 3, 20), freezes=frozen) == 0
    assert kinds(loan) == before
    # Weeks after the pause has ended, the fee it froze is still not charged.
    service_loan(loan=loan, today=dt.date(2026, 5, 1), freezes=frozen)
    assert not LedgerEntry.objects.filter(loan=loan, external_id="svc:late-fee:1").exists()
    assert service_loan(loan=loan, today=dt.date(2026, 5, 1), freezes=frozen) == 0


def test_daily_runs_and_one_catch_up_run_post_the_same_entries(loan):
    frozen = [
        pause(dt.date(2026, 1, 20), dt.date(2026, 2, 28)),
        fees_only_plan(dt.date(2026, 4, 1), dt.date(2026, 4, 30)),
    ]
    caught_up = make_loan()
    today = dt.date(2026, 1, 10)
    while today <= dt.date(2026, 5, 1):
        service_loan(loan=loan, today=today, freezes=frozen)
        today += dt.timedelta(days=1)
    service_loan(loan=caught_up, today=dt.date(2026, 5, 1), freezes=frozen)
    assert kinds(loan) == kinds(caught_up)


def test_no_freezes_post_the_figures_the_terms_give(loan):
    elsewhere = [pause(dt.date(2025, 1, 1), dt.date(2025, 12, 31))]
    other = make_loan()
    service_loan(loan=loan, today=dt.date(2026, 4, 20), freezes=())
    service_loan(loan=other, today=dt.date(2026, 4, 20), freezes=elsewhere)
    expected = [
        ("svc:interest:1", dt.date(2026, 2, 10), D("12.00")),
        ("svc:installment:1", dt.date(2026, 2, 10), D("412.00")),
        ("svc:late-fee:1", dt.date(2026, 2, 16), D("25.00")),
        ("svc:interest:2", dt.date(2026, 3, 10), D("12.00")),
        ("svc:installment:2", dt.date(2026, 3, 10), D("412.00")),
        ("svc:late-fee:2", dt.date(2026, 3, 16), D("25.00")),
        ("svc:interest:3", dt.date(2026, 4, 10), D("12.00")),
        ("svc:installment:3", dt.date(2026, 4, 10), D("412.00")),
        ("svc:late-fee:3", dt.date(2026, 4, 16), D("25.00")),
    ]
    assert kinds(loan) == expected
    assert kinds(other) == expected


def test_without_freezes_given_servicing_reads_the_loans_own(loan, monkeypatch):
    asked = []

    def freezes_for(loan):
        asked.append(loan.pk)
        return (pause(dt.date(2026, 1, 1), dt.date(2026, 2, 28)),)

    monkeypatch.setattr(servicing, "_freezes_for", freezes_for)
    service_loan(loan=loan, today=dt.date(2026, 3, 1))
    assert asked == [loan.pk]
    assert kinds(loan) == [("svc:installment:1", dt.date(2026, 2, 10), D("412.00"))]
