"""Benchmark: import 100,000 ledger entries with ``manage.py import_loans``, then import the
same file again (which must change nothing).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench_import \\
        .venv/bin/python bench/import_bench.py [--loans 1000] [--format csv|json] [--without-copy]

Each run uses fresh lender ids (a run prefix), so it can be repeated on the same database; the
ledger is append-only, so earlier runs' rows stay. Exits non-zero if the first import takes
30 s or more, or if the re-import writes anything.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import os
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

import boot  # noqa: F401  (the project, its database, Django)

from repayment.importing.parse import CSV_HEADER
from repayment.servicing.product_terms import add_months

LIMIT_SECONDS = 30.0
ENTRIES_PER_LOAN = 100


def loan_entries(loan_id: str, start: dt.date) -> list[dict]:
    """100 entries a lender's system would post over a loan's life: the payout, 30 months of
    interest, installment and payment, a few late fees, waivers, a bounced payment and a fee
    taken back (reversals), and two extra payments."""
    entries = []

    def add(kind, day, amount, **extra):
        entries.append(
            {
                "loan_external_id": loan_id,
                "external_id": f"{loan_id}-E{len(entries) + 1:03d}",
                "kind": kind,
                "effective_date": day.isoformat(),
                "amount": str(amount),
                **extra,
            }
        )
        return entries[-1]["external_id"]

    add("disbursement", start, Decimal("12000.00"), description="Loan paid out")
    payments, fees = [], []
    for month in range(1, 31):
        due = add_months(start, month)
        add("interest", due, Decimal("95.50") - month, description=f"Interest, month {month}")
        add("installment_due", due, Decimal("500.00"), description=f"Installment {month} of 30")
        payments.append(add("payment", due, Decimal("500.00"), description="Bank transfer"))
        if month in (5, 12, 20):
            fee_day = due + dt.timedelta(days=6)
            fees.append(add("fee", fee_day, Decimal("30.00"), description="Late fee"))
    last = add_months(start, 30)
    add("waiver", last, Decimal("30.00"), component="fees", description="Goodwill")
    add("waiver", last, Decimal("12.34"), component="interest", description="Rounding")
    add(
        "reversal",
        add_months(start, 7) + dt.timedelta(days=3),
        Decimal("500.00"),
        reverses_external_id=payments[6],
        description="Payment returned by the bank",
    )
    add("reversal", last, Decimal("30.00"), reverses_external_id=fees[0], description="Fee refund")
    add("payment", last, Decimal("500.00"), description="Catch-up payment")
    add("payment", last, Decimal("250.00"), description="Extra payment")
    assert len(entries) == ENTRIES_PER_LOAN, len(entries)
    return entries


def make_batch(*, prefix: str, loans: int, product_code: str) -> dict:
    borrowers, loan_rows, entries = [], [], []
    for n in range(loans):
        borrower_id = f"{prefix}-B{n:06d}"
        loan_id = f"{prefix}-L{n:06d}"
        start = dt.date(2023, 1, 1) + dt.timedelta(days=n % 28)
        borrowers.append(
            {
                "external_id": borrower_id,
                "full_name": f"Borrower {n}",
                "email": f"borrower{n}@example.com",
                "phone": "+86 138 0000 0000",
                "date_of_birth": "1985-04-12",
                "preferred_language": "zh-hans" if n % 3 else "en",
                "time_zone": "Asia/Shanghai",
            }
        )
        loan_rows.append(
            {
                "external_id": loan_id,
                "borrower_external_id": borrower_id,
                "product_code": product_code,
                "reference": f"{prefix}-{n:06d}",
                "principal": "12000.00",
                "disbursed_on": start.isoformat(),
                "first_due_date": add_months(start, 1).isoformat(),
                "installment_count": "30",
                "installment_amount": "500.00",
            }
        )
        entries.extend(loan_entries(loan_id, start))
    return {"borrowers": borrowers, "loans": loan_rows, "entries": entries}


def write_csv(batch: dict, path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=CSV_HEADER)
        writer.writeheader()
        for record, key in (("borrower", "borrowers"), ("loan", "loans"), ("entry", "entries")):
            for row in batch[key]:
                writer.writerow({"record": record, **row})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loans", type=int, default=1000)
    parser.add_argument("--format", choices=["csv", "json"], default="csv")
    parser.add_argument(
        "--without-copy",
        action="store_true",
        help="write entries with bulk_create instead of PostgreSQL COPY, to compare",
    )
    options = parser.parse_args()

    from django.core.management import call_command
    from django.db import connection

    from repayment.models import Borrower, LedgerEntry, Lender, Loan, LoanProduct

    call_command("migrate", verbosity=0, interactive=False)
    if options.without_copy:
        from portal.core import bulk

        bulk.is_psycopg3 = False
    lender, _ = Lender.objects.get_or_create(
        name="Bench Community Finance", defaults={"phone": "+86 400 800 0000"}
    )
    # The lender posts interest and installments itself, so portal servicing is off.
    product, _ = LoanProduct.objects.get_or_create(
        code="bench-monthly",
        defaults={
            "lender": lender,
            "name": "Bench monthly loan",
            "currency": "CNY",
            "installment_frequency": "monthly",
            "annual_interest_rate": Decimal("18"),
            "servicing_enabled": False,
        },
    )
    prefix = f"R{int(time.time())}"
    batch = make_batch(prefix=prefix, loans=options.loans, product_code=product.code)
    entry_count = len(batch["entries"])

    def counts():
        return (Borrower.objects.count(), Loan.objects.count(), LedgerEntry.objects.count())

    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"batch.{options.format}"
        if options.format == "csv":
            write_csv(batch, path)
        else:
            path.write_text(json.dumps(batch), encoding="utf-8")
        size_mb = path.stat().st_size / 1e6
        before = counts()

        out = io.StringIO()
        started = time.perf_counter()
        call_command("import_loans", str(path), stdout=out)
        first = time.perf_counter() - started
        after_first = counts()

        again = io.StringIO()
        started = time.perf_counter()
        call_command("import_loans", str(path), stdout=again)
        second = time.perf_counter() - started
        after_second = counts()

    added = tuple(b - a for a, b in zip(before, after_first, strict=True))
    server = ""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            server = cursor.fetchone()[0]
    print(f"database:        {connection.vendor} {server} {connection.settings_dict['NAME']}")
    print(f"machine:         {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    print(
        f"batch:           {options.format}, {size_mb:.1f} MB: {options.loans} borrowers, "
        f"{options.loans} loans, {entry_count} entries (run {prefix})"
    )
    print(f"first import:    {first:.2f} s ({entry_count / first:,.0f} entries/s)")
    print(f"                 {out.getvalue().strip()}")
    print(f"rows added:      borrowers {added[0]}, loans {added[1]}, entries {added[2]}")
    print(f"re-import:       {second:.2f} s")
    print(f"                 {again.getvalue().strip()}")
    failed = False
    if after_second != after_first:
        print("FAIL: the re-import added rows")
        failed = True
    if added[2] != entry_count:
        print(f"FAIL: expected {entry_count} entries, got {added[2]}")
        failed = True
    if first >= LIMIT_SECONDS:
        print(f"FAIL: the first import took {first:.2f} s, the limit is {LIMIT_SECONDS:.0f} s")
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
