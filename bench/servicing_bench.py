"""Benchmark: daily servicing over a book of serviced loans, on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench_servicing \\
        .venv/bin/python bench/servicing_bench.py [--loans 100000]

The book (monthly loans of 6 installments, disbursed over the last 8 months, a third of them
paying) is built once per database and reused. The first run posts everything that has fallen
due (the catch-up); the second finds nothing to post (the issue measured it at 3.2 ms a loan);
then the daily case, a day and two days later, where the loans with an installment or a late fee
falling due are read (chosen by their kept ``services_on`` day) and posted, rolled back after.
Prints seconds, the loans read and the entries posted for each, and the peak memory.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import time
from decimal import Decimal

import boot  # noqa: F401  (the project, its database, Django)
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from repayment.models import Borrower, LedgerEntry, Lender, Loan, LoanProduct
from repayment.servicing.in_bulk import due_loans, service_book

PREFIX = "sb"
AMOUNT = Decimal("520.00")


def build(loans: int, today: dt.date) -> None:
    lender = Lender.objects.create(name="Servicing bench lender", phone="+1 555 0100")
    product = LoanProduct.objects.create(
        lender=lender,
        code=f"{PREFIX}-monthly",
        name="Bench loan",
        currency="USD",
        installment_frequency="monthly",
        annual_interest_rate=Decimal("18.0"),
        interest_method="declining",
        grace_days=5,
        late_fee_fixed=Decimal("20.00"),
        servicing_enabled=True,
    )
    Borrower.objects.bulk_create(
        (
            Borrower(
                external_id=f"{PREFIX}-B{n}",
                full_name=f"Bench Borrower{n}",
                email=f"sb{n}@example.com",
                phone=f"+1555{n:07d}",
                date_of_birth=dt.date(1990, 1, 1),
                time_zone="Asia/Shanghai",
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
    rows = []
    for n in range(loans):
        disbursed = today - dt.timedelta(days=n % 240)
        rows.append(
            Loan(
                borrower_id=borrowers[f"{PREFIX}-B{n}"],
                product=product,
                external_id=f"{PREFIX}-L{n}",
                reference=f"SB-{n}",
                principal=AMOUNT * 6,
                disbursed_on=disbursed,
                first_due_date=disbursed + dt.timedelta(days=30),
                installment_count=6,
                installment_amount=AMOUNT,
            )
        )
    Loan.objects.bulk_create(rows, batch_size=5000)
    entries = [
        LedgerEntry(
            loan=loan,
            external_id="d",
            kind="disbursement",
            effective_date=loan.disbursed_on,
            amount=loan.principal,
            source="lender",
        )
        for loan in Loan.objects.filter(external_id__startswith=f"{PREFIX}-L").only(
            "pk", "disbursed_on", "principal"
        )
    ]
    LedgerEntry.objects.bulk_create(entries, batch_size=10000)


def timed(label: str, loans: int, now: dt.datetime) -> None:
    started = time.perf_counter()
    read = len(due_loans(now=now))
    posted = service_book(now=now)
    seconds = time.perf_counter() - started
    print(
        f"{label}: {seconds:.1f} s, {1000 * seconds / loans:.3f} ms a loan of the book, "
        f"{read} loans read, {posted} posted"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--loans", type=int, default=100_000)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    if not Loan.objects.filter(external_id__startswith=f"{PREFIX}-L").exists():
        started = time.perf_counter()
        build(args.loans, timezone.now().date())
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print(f"built {args.loans} loans in {time.perf_counter() - started:.1f} s")
    loans = Loan.objects.filter(product__servicing_enabled=True).count()
    now = timezone.now()
    timed("first run (catch-up)", loans, now)
    timed("second run (nothing to post)", loans, now)
    # The daily case: a day later, the loans with an installment or a fee falling due. Rolled
    # back, so that the book stays as it was for the next time.
    for days in (1, 2):
        with transaction.atomic():
            timed(f"{days} day(s) later", loans, now + dt.timedelta(days=days))
            transaction.set_rollback(True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
