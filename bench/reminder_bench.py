"""Benchmark: the reminder planner over 100,000 loans, 30,000 of them overdue, on PostgreSQL;
then the same run again, which must write nothing.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench_reminders \\
        .venv/bin/python bench/reminder_bench.py [--loans 100000] [--overdue 30000]

The book is built once per database (about a minute) and reused; the outbox is emptied before
each timing. Overdue loans are spread evenly over 1 to 120 days late, so about one in eight is
on a cadence day; current loans are spread over the month, so about one in ten is three days
from a due date. Before the planner, the daily step works out the kept positions it reads
(all of them the first time). Exits non-zero if the first planning run takes 30 s or more, or
the second writes a row.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from decimal import Decimal

import boot  # noqa: F401  (the project, its database, Django)
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.utils import timezone

from portal.notifications.models import ContactPreferences, OutboundMessage
from portal.notifications.outbox.planner import plan
from repayment.models import (
    Borrower,
    LedgerEntry,
    Lender,
    Loan,
    LoanProduct,
    PaymentMethod,
    PaymentMethodKind,
)
from repayment.position_table.keeping import refresh_due
from repayment.servicing.product_terms import add_months

LIMIT_SECONDS = 30.0
PREFIX = "rb"
ZONES = ("Asia/Shanghai", "America/New_York", "Europe/London")
AMOUNT = Decimal("300.00")


def build(loans: int, overdue: int, today: dt.date) -> None:
    lender = Lender.objects.create(name="Bench lender", phone="+1 555 0100")
    product = LoanProduct.objects.create(
        lender=lender,
        code=f"{PREFIX}-monthly",
        name="Bench loan",
        currency="USD",
        installment_frequency="monthly",
        annual_interest_rate=Decimal("0"),
        servicing_enabled=False,
    )
    Borrower.objects.bulk_create(
        (
            Borrower(
                external_id=f"{PREFIX}-B{n}",
                full_name=f"Bench Borrower{n}",
                email=f"rb{n}@example.com",
                phone=f"+1555{n:07d}",
                date_of_birth=dt.date(1990, 1, 1),
                preferred_language="zh-hans" if n % 3 == 0 else "en",
                time_zone=ZONES[n % len(ZONES)],
            )
            for n in range(loans)
        ),
        batch_size=5000,
    )
    borrowers = dict(
        Borrower.objects.filter(external_id__startswith=f"{PREFIX}-B").values_list(
            "external_id", "pk"
        )
    )
    ContactPreferences.objects.bulk_create(
        (
            ContactPreferences(borrower_id=borrowers[f"{PREFIX}-B{n}"], sms_enabled=True)
            for n in range(0, loans, 2)
        ),
        batch_size=5000,
    )
    rows = []
    for n in range(loans):
        if n < overdue:
            oldest_unpaid = today - dt.timedelta(days=1 + n % 120)
            first = add_months(oldest_unpaid, -4)
        else:
            first = add_months(today, -5) + dt.timedelta(days=n % 28)
        rows.append(
            Loan(
                borrower_id=borrowers[f"{PREFIX}-B{n}"],
                product=product,
                external_id=f"{PREFIX}-L{n}",
                reference=f"RB-{n}",
                principal=AMOUNT * 12,
                disbursed_on=add_months(first, -1),
                first_due_date=first,
                installment_count=12,
                installment_amount=AMOUNT,
            )
        )
    Loan.objects.bulk_create(rows, batch_size=5000)
    entries = []
    for loan in Loan.objects.filter(external_id__startswith=f"{PREFIX}-L").iterator(5000):
        n = int(loan.external_id.rsplit("L", 1)[1])
        entries.append(_entry(loan, "d", "disbursement", loan.disbursed_on, loan.principal))
        k = 0
        while k < 12 and add_months(loan.first_due_date, k) <= today:
            due = add_months(loan.first_due_date, k)
            entries.append(_entry(loan, f"i{k}", "installment_due", due, AMOUNT))
            if n >= overdue or k < 4:
                entries.append(_entry(loan, f"p{k}", "payment", due, AMOUNT))
            k += 1
        if len(entries) >= 20000:
            LedgerEntry.objects.bulk_create(entries)
            entries = []
    LedgerEntry.objects.bulk_create(entries)


def _entry(loan, suffix, kind, day, amount):
    return LedgerEntry(
        loan=loan,
        external_id=suffix,
        kind=kind,
        effective_date=day,
        amount=amount,
        source="lender",
    )


def ensure_payment_methods() -> None:
    """A bank transfer and a payment page, as a lender sets them: every reminder that asks for
    a payment then carries its "How to pay" block, as it would in production."""
    lender = Lender.objects.get(name="Bench lender")
    if lender.payment_methods.exists():
        return
    PaymentMethod.objects.create(
        lender=lender,
        kind=PaymentMethodKind.BANK_TRANSFER,
        account_name="Bench lender",
        account_number="0123 4567 8901",
        bank_name="Bench Bank",
        bank_name_zh_hans="基准银行",
    )
    PaymentMethod.objects.create(
        lender=lender,
        kind=PaymentMethodKind.PAYMENT_LINK,
        link_template="https://pay.example/?ref={reference}&amount={amount}",
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--loans", type=int, default=100_000)
    parser.add_argument("--overdue", type=int, default=30_000)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    now = timezone.now()
    today = now.date()
    if not Loan.objects.filter(external_id__startswith=f"{PREFIX}-L").exists():
        started = time.perf_counter()
        build(args.loans, args.overdue, today)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print(f"built {args.loans} loans in {time.perf_counter() - started:.1f} s")
    ensure_payment_methods()
    print(
        f"book: {Loan.objects.count()} loans, {LedgerEntry.objects.count()} ledger entries, "
        f"{Borrower.objects.count()} borrowers"
    )
    OutboundMessage.objects.all().delete()
    # The daily step first: the kept positions the selections read (every row, the first time
    # the book is built; the rows the date has moved, after that).
    started = time.perf_counter()
    refreshed = refresh_due(now=now)
    print(f"positions: {refreshed} rows worked out in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    counts = plan(now)
    first = time.perf_counter() - started
    written = OutboundMessage.objects.count()
    started = time.perf_counter()
    again = plan(now)
    second = time.perf_counter() - started
    rewritten = OutboundMessage.objects.count() - written
    by_event = dict(OutboundMessage.objects.values_list("event").annotate(n=Count("pk")))
    print(f"first run: {first:.2f} s, {written} outbox rows {by_event}")
    print(f"  decisions: {dict(sorted(counts.items()))}")
    print(f"second run: {second:.2f} s, {rewritten} new rows, counts {dict(again)}")
    ok = first < LIMIT_SECONDS and rewritten == 0
    print("PASS" if ok else "FAIL", f"(limit {LIMIT_SECONDS:.0f} s, second run writes nothing)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
