"""Statement page for a loan with 2,000 ledger entries, served by gunicorn (2 workers), with wrk
on loopback at 8 concurrent clients. Target: p95 under 100 ms.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \
        .venv/bin/python bench/statement_bench.py
"""

import datetime as dt
import os
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
# The session made here must be readable by the server: same key for both.
os.environ["SECRET_KEY"] = "bench-" + "x" * 60
PORT = int(os.environ.get("BENCH_PORT", "8123"))
from bench.served import ensure_database, gunicorn, p95, wait_for, wrk  # noqa: E402

DURATION = os.environ.get("BENCH_DURATION", "20s")
ENTRIES = 2000


def prepare() -> tuple[str, str]:
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    from portal.accounts.models import User
    from repayment.models import Borrower, LedgerEntry, Lender, Loan, LoanProduct

    call_command("migrate", verbosity=0)
    lender, _ = Lender.objects.get_or_create(name="Bench Lender", defaults={"phone": "+1 555 0100"})
    product, _ = LoanProduct.objects.get_or_create(
        code="bench",
        defaults={
            "lender": lender,
            "name": "Bench loan",
            "currency": "CNY",
            "installment_frequency": "weekly",
            "annual_interest_rate": Decimal("12"),
            "grace_days": 3,
            "late_fee_fixed": Decimal("10"),
            "servicing_enabled": False,
        },
    )
    user, _ = User.objects.get_or_create(username="bench", defaults={"email": "bench@example.com"})
    borrower, _ = Borrower.objects.get_or_create(
        external_id="bench",
        defaults={
            "full_name": "Bench Borrower",
            "user": user,
            "date_of_birth": dt.date(1980, 1, 1),
        },
    )
    start = dt.date.today() - dt.timedelta(days=ENTRIES // 3 * 7 + 30)
    loan, created = Loan.objects.get_or_create(
        external_id="bench-loan",
        defaults={
            "borrower": borrower,
            "product": product,
            "reference": "BENCH-2000",
            "principal": Decimal("250000.00"),
            "disbursed_on": start,
            "first_due_date": start + dt.timedelta(days=7),
            "installment_count": 700,
            "installment_amount": Decimal("400.00"),
        },
    )
    if created:
        rows = [
            LedgerEntry(
                loan=loan,
                external_id="d",
                kind="disbursement",
                amount=Decimal("250000.00"),
                effective_date=start,
                source="lender",
            )
        ]
        for n in range(1, ENTRIES):
            week = n // 3
            kind = ("installment_due", "interest", "payment")[n % 3]
            amount = Decimal("45.10") if kind == "interest" else Decimal("400.00")
            rows.append(
                LedgerEntry(
                    loan=loan,
                    external_id=f"e{n}",
                    kind=kind,
                    amount=amount,
                    effective_date=start + dt.timedelta(days=7 * (week + 1)),
                    source="lender",
                )
            )
        LedgerEntry.objects.bulk_create(rows)
    assert LedgerEntry.objects.filter(loan=loan).count() == ENTRIES
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key, f"/en/my/loans/{loan.reference}/"


def main() -> int:
    ensure_database(os.environ["DATABASE_URL"])
    session_key, path = prepare()
    cookie = f"sessionid={session_key}"
    with gunicorn(port=PORT) as site:
        url = site + path
        wait_for(url, cookie=cookie, expect=b"BENCH-2000")
        wrk(url, "5s", cookie)  # warm-up
        output = wrk(url, DURATION, cookie)
        print(f"statement page, {ENTRIES} entries, gunicorn 2 workers, wrk 8 connections")
        print(output)
    return 0 if p95(output) < 100 else 1


if __name__ == "__main__":
    sys.exit(main())
