"""The daily servicing run: installments, interest and late fees, posted once."""

import datetime as dt
from decimal import Decimal

import pytest

from repayment.models import LedgerEntry
from repayment.servicing import service_all, service_loan
from repayment.statements import statement_for
from repayment.tasks import post_servicing_entries
from tests.factories import EntryFactory, LoanFactory, LoanProductFactory

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def loan():
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
