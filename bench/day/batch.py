"""The lender's daily batch, in the import format (docs/import-format.md): a payment on the
bench day for one loan in ``step`` of the book, spread over it, and a few new loans paid out
that day (a borrower, a loan and its disbursement each)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from bench.day.book import INSTALLMENT, INSTALLMENTS, PREFIX, PRINCIPAL, ZONES, loan_of
from repayment.importing.parse import CSV_HEADER
from repayment.servicing.product_terms import add_months

NEW_SHARE = 20  # one entry in 20 pays out a new loan


def write_batch(path: Path, *, loans: int, entries: int, day: dt.date) -> int:
    """Write ``entries`` ledger entries (and the new loans' borrowers and loans); returns the
    number of entries."""
    new = entries // NEW_SHARE
    payments = entries - new
    stamp = day.strftime("%Y%m%d")
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=CSV_HEADER)
        writer.writeheader()
        for i in range(new):
            borrower, loan = f"{PREFIX}-N{stamp}-B{i}", f"{PREFIX}-N{stamp}-L{i}"
            writer.writerow(
                {
                    "record": "borrower",
                    "external_id": borrower,
                    "full_name": f"New Borrower{i}",
                    "email": f"new{stamp}.{i}@example.com",
                    "phone": f"+1556{i:07d}",
                    "date_of_birth": "1992-06-01",
                    "preferred_language": "zh-hans" if i % 3 == 0 else "en",
                    "time_zone": ZONES[i % len(ZONES)],
                }
            )
            writer.writerow(
                {
                    "record": "loan",
                    "external_id": loan,
                    "borrower_external_id": borrower,
                    "product_code": f"{PREFIX}-plain" if i % 2 else f"{PREFIX}-interest",
                    "reference": f"DAYN-{stamp}-{i}",
                    "principal": str(PRINCIPAL),
                    "disbursed_on": day.isoformat(),
                    "first_due_date": add_months(day, 1).isoformat(),
                    "installment_count": str(INSTALLMENTS),
                    "installment_amount": str(INSTALLMENT),
                }
            )
            writer.writerow(
                {
                    "record": "entry",
                    "loan_external_id": loan,
                    "external_id": "payout",
                    "kind": "disbursement",
                    "effective_date": day.isoformat(),
                    "amount": str(PRINCIPAL),
                    "description": "Loan paid out",
                }
            )
        for i in range(payments):
            n = i * loans // payments
            writer.writerow(
                {
                    "record": "entry",
                    "loan_external_id": loan_of(n),
                    "external_id": f"pay-{stamp}",
                    "kind": "payment",
                    "effective_date": day.isoformat(),
                    "amount": str(INSTALLMENT),
                    "description": "Bank transfer",
                }
            )
    return new + payments
