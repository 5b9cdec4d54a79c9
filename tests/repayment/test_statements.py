"""The statement a borrower reads: figures, timeline, itemisation, and query cost."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from repayment.models import LedgerEntry
from repayment.statements.build import LATE, PAID_OFF, UP_TO_DATE
from repayment.statements.cache import statement_for
from tests.factories import (
    BorrowerFactory,
    EntryFactory,
    LoanFactory,
    MilestoneFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
D = Decimal
NOON_SHANGHAI = dt.datetime(2026, 5, 20, 4, 0, tzinfo=dt.UTC)


def entry(loan, kind, amount, day, **extra):
    return EntryFactory(loan=loan, kind=kind, amount=D(amount), effective_date=day, **extra)


@pytest.fixture
def late_loan():
    """Paid February and March, then missed April (10 April) and May (10 May)."""
    loan = LoanFactory()
    MilestoneFactory(product=loan.product, days_past_due=30)
    entry(loan, "disbursement", "6000.00", dt.date(2026, 1, 10))
    for month in (2, 3, 4, 5):
        entry(loan, "installment_due", "550.00", dt.date(2026, month, 10))
    entry(loan, "payment", "550.00", dt.date(2026, 2, 10))
    entry(loan, "payment", "550.00", dt.date(2026, 3, 9))
    entry(loan, "fee", "30.00", dt.date(2026, 4, 16))
    return loan


def fetch(loan):
    return type(loan).objects.select_related("product__lender", "borrower").get(pk=loan.pk)


def test_late_loan_shows_what_is_due_how_late_and_what_comes_next(late_loan):
    statement = statement_for(loan=fetch(late_loan), as_of=NOON_SHANGHAI)

    assert statement.status == LATE
    assert statement.amount_due == D("1130.00")  # two installments and the fee
    assert statement.days_past_due == 40  # since 10 April
    assert statement.oldest_unpaid_due_date == dt.date(2026, 4, 10)
    assert statement.next_due.date == dt.date(2026, 6, 10)
    assert statement.balance.principal == D("4900.00")
    assert statement.balance.fees == D("30.00")
    assert statement.balance.total == D("4930.00")
    fee_step, bureau = statement.timeline
    assert (fee_step.kind, fee_step.date, fee_step.happened) == (
        "late_fee",
        dt.date(2026, 4, 16),
        True,
    )
    assert (bureau.date, bureau.happened) == (dt.date(2026, 5, 10), True)
    assert bureau.explanation("zh-hans") == "我们会将逾期记录报送征信机构。"


def test_up_to_date_loan_shows_the_timeline_as_what_would_happen(late_loan):
    loan = LoanFactory(product=late_loan.product)
    entry(loan, "disbursement", "6000.00", dt.date(2026, 1, 10))
    entry(loan, "installment_due", "550.00", dt.date(2026, 2, 10))
    entry(loan, "payment", "550.00", dt.date(2026, 2, 10))

    statement = statement_for(loan=fetch(loan), as_of=dt.datetime(2026, 2, 20, tzinfo=dt.UTC))

    assert statement.status == UP_TO_DATE
    assert statement.amount_due == 0
    assert statement.timeline_is_hypothetical
    assert [step.date for step in statement.timeline] == [dt.date(2026, 3, 16), dt.date(2026, 4, 9)]
    assert not any(step.happened for step in statement.timeline)


def test_today_is_the_borrowers_own_day():
    """23:30 UTC on 9 March is already 10 March in Shanghai: the installment is due today."""
    loan = LoanFactory(borrower=BorrowerFactory(time_zone="Asia/Shanghai"))
    entry(loan, "disbursement", "6000.00", dt.date(2026, 1, 10))
    entry(loan, "installment_due", "550.00", dt.date(2026, 3, 10))
    late_evening_utc = dt.datetime(2026, 3, 9, 23, 30, tzinfo=dt.UTC)

    statement = statement_for(loan=fetch(loan), as_of=late_evening_utc)

    assert statement.today == dt.date(2026, 3, 10)
    assert statement.amount_due == D("550.00")


def test_itemisation_reconciles_from_the_chosen_date(late_loan):
    statement = statement_for(loan=fetch(late_loan), as_of=NOON_SHANGHAI, since=dt.date(2026, 3, 1))
    items = statement.itemisation
    assert items.balance_at_start == D("5450.00")
    assert items.payments == D("550.00")
    assert items.fees == D("30.00")
    assert (
        items.balance_at_start
        + items.borrowed
        + items.interest
        + items.fees
        - items.payments
        - items.credits
        == items.balance_now
        == statement.balance.total
    )
    assert all(line.date >= dt.date(2026, 3, 1) for line in statement.history)


def test_paid_off_loan_has_no_timeline():
    loan = LoanFactory()
    entry(loan, "disbursement", "500.00", dt.date(2026, 1, 10))
    entry(loan, "payment", "500.00", dt.date(2026, 2, 1))
    statement = statement_for(loan=fetch(loan), as_of=NOON_SHANGHAI)
    assert statement.status == PAID_OFF
    assert statement.timeline == ()
    assert statement.next_due is None


def test_future_dated_entries_do_not_count_yet(late_loan):
    entry(late_loan, "payment", "1130.00", dt.date(2026, 6, 1))
    statement = statement_for(loan=fetch(late_loan), as_of=NOON_SHANGHAI)
    assert statement.amount_due == D("1130.00")


def _bulk_ledger(loan, count):
    start = dt.date(2020, 1, 1)
    rows = [
        LedgerEntry(
            loan=loan,
            external_id="d",
            kind="disbursement",
            amount=D("100000.00"),
            effective_date=start,
            source="lender",
        )
    ]
    for n in range(1, count):
        kind = ("installment_due", "interest", "payment")[n % 3]
        rows.append(
            LedgerEntry(
                loan=loan,
                external_id=f"e{n}",
                kind=kind,
                amount=D("12.34"),
                effective_date=start + dt.timedelta(days=n // 3),
                source="lender",
            )
        )
    LedgerEntry.objects.bulk_create(rows)


@time_machine.travel(dt.datetime(2026, 5, 20, 4, 0, tzinfo=dt.UTC), tick=False)
@pytest.mark.parametrize("entries", [10, 2000])
def test_statement_page_query_count_does_not_grow_with_the_ledger(
    client, django_assert_num_queries, entries
):
    user = UserFactory()
    loan = LoanFactory(
        borrower=BorrowerFactory(user=user),
        disbursed_on=dt.date(2019, 12, 1),
        first_due_date=dt.date(2020, 1, 1),
        installment_count=240,
    )
    _bulk_ledger(loan, entries)
    client.force_login(user)
    url = reverse("loan_statement", args=[loan.reference])
    # user, borrower, loan (marked if it has an active plan), milestones, ledger fingerprint,
    # entries, and, while cold, the glossary and the lessons link (the session is cached)
    with django_assert_num_queries(8):
        response = client.get(url)
    assert response.status_code == 200
    assert loan.reference in response.content.decode()
    # Computed once: the next view reads the fingerprint, not the entries.
    with django_assert_num_queries(5):
        assert client.get(url).status_code == 200


def test_a_cached_statement_shows_a_new_entry_or_changed_terms_at_once(late_loan):
    first = statement_for(loan=fetch(late_loan), as_of=NOON_SHANGHAI)
    entry(late_loan, "payment", "100.00", dt.date(2026, 5, 19))
    after_payment = statement_for(loan=fetch(late_loan), as_of=NOON_SHANGHAI)
    assert after_payment.amount_due == first.amount_due - D("100.00")

    late_loan.product.lender.phone = "+86 400 999 0000"
    late_loan.product.lender.save()
    assert statement_for(loan=fetch(late_loan), as_of=NOON_SHANGHAI).lender.phone == (
        "+86 400 999 0000"
    )
    later = dt.datetime(2026, 5, 21, 4, 0, tzinfo=dt.UTC)
    assert statement_for(loan=fetch(late_loan), as_of=later).days_past_due == 41


@time_machine.travel(NOON_SHANGHAI, tick=False)
def test_statement_page_leads_with_the_amount_due_and_links_the_lender_phone(client, late_loan):
    user = UserFactory()
    late_loan.borrower.user = user
    late_loan.borrower.save()
    client.force_login(user)
    html = client.get(reverse("loan_statement", args=[late_loan.reference])).content.decode()
    assert html.index("Amount due now") < html.index("What you owe, and how it is made up")
    assert html.index("What you owe") < html.index("What happens if you do not pay")
    assert html.index("What happens if you do not pay") < html.index("Every transaction")
    assert "CN¥1,130.00" in html
    assert 'href="tel:+864008001234"' in html
    assert "<dt>Principal</dt>" in html  # no glossary term for it here: just the label
    assert "40 days past due" in html
    # "Today" sits after the steps that have happened (fee, credit bureau) and before the rest.
    assert html.index("has happened") < html.index('aria-current="step"')


@time_machine.travel(NOON_SHANGHAI, tick=False)
def test_statement_page_in_chinese_formats_money_and_dates_for_chinese(client, late_loan):
    user = UserFactory()
    late_loan.borrower.user = user
    late_loan.borrower.save()
    client.force_login(user)
    html = client.get(
        reverse("loan_statement", args=[late_loan.reference]).replace("/en/", "/zh-hans/")
    ).content.decode()
    assert 'lang="zh-hans"' in html
    assert "¥1,130.00" in html
    assert "小微经营贷" in html
    assert "2026年4月10日" in html


def test_history_is_paginated_newest_first(client):
    user = UserFactory()
    loan = LoanFactory(borrower=BorrowerFactory(user=user))
    _bulk_ledger(loan, 60)
    client.force_login(user)
    url = reverse("loan_statement", args=[loan.reference])
    first = client.get(url, {"since": "2020-01-01"})
    second = client.get(url, {"since": "2020-01-01", "page": 2})
    assert first.context["history_page"].paginator.num_pages == 3
    assert first.context["history_page"][0].date >= second.context["history_page"][0].date
