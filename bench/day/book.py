"""The book the day bench clones: ``loans`` serviced monthly loans, one borrower each, disbursed
over the 8 months before the bench day, kept exactly as a day of servicing would have left them
the evening before.

Each loan falls in one of a few thousand shapes: its product, the day it was paid out, how its
borrower pays, and its borrower's time zone. The ledger of a shape is worked out once, by the
same pure rule servicing uses (``plan_postings``), installment by installment with the
borrower's payments between them, and then copied to every loan of that shape with PostgreSQL
COPY. The kept positions are worked out the same way: once for one loan of each shape, by the
position table's own function, and copied. ``check_positions`` agrees with the result, and
servicing the evening before posts nothing (both checked on a small book). Last, the planner
runs for the day before and its messages are marked sent. At a million loans this is about
10.5 million ledger entries.
"""

from __future__ import annotations

import datetime as dt
import io
import time
from collections.abc import Callable, Iterator
from decimal import Decimal

from django.db import connection
from django.utils import timezone

from portal.notifications.models import ContactPreferences, OutboundMessage, Status
from portal.notifications.outbox.planner import plan
from repayment.ledger.replay import Line
from repayment.models import (
    Borrower,
    LedgerEntry,
    Lender,
    Loan,
    LoanPosition,
    LoanPositionDay,
    LoanProduct,
    PaymentMethod,
    PaymentMethodKind,
)
from repayment.position_table.reading import position_rows
from repayment.servicing.postings import plan_postings
from repayment.servicing.product_terms import add_months

PREFIX = "day"
# Four zones whose borrowers are all inside the contact hours (08:00-21:00) at 10:30 UTC, so
# that the day's reminders are due when the bench sends them.
ZONES = ("Asia/Shanghai", "Asia/Tokyo", "Asia/Kolkata", "Europe/London")
AGES = 240  # loans were paid out 15 to 254 days before the bench day
INSTALLMENTS = 12
PRINCIPAL = Decimal("1200.00")
INSTALLMENT = Decimal("100.00")
# How a borrower pays: every installment on its day (75%); the first k and then nothing
# (15%, k = 0..3: long arrears); everything but the latest installment (10%: just late).
PAYS_ALL, STOPPED, MISSED_LAST = "all", "stopped", "missed-last"
BLOCK = 20_000  # loans written per COPY block


def bench_now(day: dt.date) -> dt.datetime:
    """The moment the bench day's steps run: 10:30 UTC, inside every zone's contact hours."""
    return dt.datetime.combine(day, dt.time(10, 30), tzinfo=dt.UTC)


def borrower_of(n: int) -> str:
    return f"{PREFIX}-B{n}"


def loan_of(n: int) -> str:
    return f"{PREFIX}-L{n}"


def shape(n: int) -> tuple[int, int, str, int, str]:
    """Loan n's (product index, age in days, payer, installments paid if stopped, zone):
    spread by a multiplicative hash, so neighbouring ids differ."""
    h = (n * 2654435761) & 0xFFFFFFFF
    age = h % AGES
    kind = (h >> 8) % 20
    payer = PAYS_ALL if kind < 15 else STOPPED if kind < 18 else MISSED_LAST
    stopped_after = (h >> 16) % 4 if payer == STOPPED else 0
    return (h >> 20) % 2, age, payer, stopped_after, ZONES[n % len(ZONES)]


def make_products() -> list[LoanProduct]:
    lender = Lender.objects.create(name="Day bench lender", phone="+1 555 0100")
    PaymentMethod.objects.create(
        lender=lender,
        kind=PaymentMethodKind.BANK_TRANSFER,
        account_name="Day bench lender",
        account_number="0123 4567 8901",
        bank_name="Bench Bank",
        bank_name_zh_hans="基准银行",
    )
    PaymentMethod.objects.create(
        lender=lender,
        kind=PaymentMethodKind.PAYMENT_LINK,
        link_template="https://pay.example/?ref={reference}&amount={amount}",
    )
    common = {
        "lender": lender,
        "currency": "USD",
        "installment_frequency": "monthly",
        "servicing_enabled": True,
    }
    return [
        # Interest-free, no late fee: servicing posts installments only.
        LoanProduct.objects.create(
            code=f"{PREFIX}-plain", name="Plain loan", annual_interest_rate=Decimal(0), **common
        ),
        # Interest on the declining balance and a late fee after 5 days' grace.
        LoanProduct.objects.create(
            code=f"{PREFIX}-interest",
            name="Loan with interest",
            annual_interest_rate=Decimal("24.0"),
            interest_method="declining",
            grace_days=5,
            late_fee_fixed=Decimal("15.00"),
            **common,
        ),
    ]


def loan_terms(product: LoanProduct, disbursed: dt.date) -> Loan:
    return Loan(
        product=product,
        principal=PRINCIPAL,
        disbursed_on=disbursed,
        first_due_date=add_months(disbursed, 1),
        installment_count=INSTALLMENTS,
        installment_amount=INSTALLMENT,
    )


def shape_ledger(
    loan: Loan, payer: str, stopped_after: int, yesterday: dt.date
) -> list[tuple[str, str, dt.date, Decimal, str]]:
    """The entries (id, kind, date, amount, source) of a loan of this shape as of the evening
    before the bench day: the payout, what servicing posted at each due date, the borrower's
    payments on the due dates, and the late fees servicing charged for what was not paid."""
    lines = [Line(1, "disbursement", loan.disbursed_on, loan.principal, external_id="payout")]
    entries = [("payout", "disbursement", loan.disbursed_on, loan.principal, "lender")]

    def post(today: dt.date) -> list:
        posted = plan_postings(loan=loan, lines=lines, today=today)
        for posting in posted:
            lines.append(
                Line(
                    len(lines) + 1,
                    posting.kind,
                    posting.effective_date,
                    posting.amount,
                    external_id=posting.external_id,
                )
            )
            entries.append(
                (
                    posting.external_id,
                    posting.kind,
                    posting.effective_date,
                    posting.amount,
                    "servicing",
                )
            )
        return posted

    dues = [add_months(loan.first_due_date, k) for k in range(INSTALLMENTS)]
    dues = [day for day in dues if day <= yesterday]
    for number, due_on in enumerate(dues, start=1):
        posted = post(due_on)
        owed = sum(
            (p.amount for p in posted if p.effective_date == due_on and p.kind != "fee"),
            Decimal(0),
        )
        pays = (
            payer == PAYS_ALL
            or (payer == STOPPED and number <= stopped_after)
            or (payer == MISSED_LAST and number < len(dues))
        )
        if pays and owed:
            ext = f"pay-{number}"
            lines.append(Line(len(lines) + 1, "payment", due_on, owed, external_id=ext))
            entries.append((ext, "payment", due_on, owed, "lender"))
    post(yesterday)  # the late fees charged since the latest due date
    return entries


def _copy(table: str, columns: list[str], lines: Iterator[str]) -> None:
    sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
    with connection.cursor() as cursor, cursor.copy(sql) as copy:
        buffer = io.StringIO()
        for count, line in enumerate(lines, start=1):
            buffer.write(line)
            if count % 50_000 == 0:
                copy.write(buffer.getvalue())
                buffer = io.StringIO()
        copy.write(buffer.getvalue())


def _text(value) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    return str(value)


def _set_sequence(model) -> None:
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
            f"(SELECT coalesce(max(id), 1) FROM {table}))"
        )


def build(loans: int, day: dt.date, say: Callable[[str], None] = print) -> None:
    """Write the book into the (migrated, empty) current database."""
    yesterday = day - dt.timedelta(days=1)
    stamp = bench_now(yesterday).isoformat()
    products = make_products()
    started = time.perf_counter()

    # Borrowers and loans share ids 1..loans (n + 1): no lookups between the two copies.
    def borrowers():
        for n in range(loans):
            language = "zh-hans" if n % 3 == 0 else "en"
            zone = ZONES[n % len(ZONES)]
            yield (
                f"{n + 1}\t{borrower_of(n)}\tBench Borrower{n}\tb{n}@example.com\t"
                f"+1555{n:07d}\t1990-01-01\t{language}\t{zone}\t{stamp}\t\\N\t\\N\t\n"
            )

    columns = [
        "id",
        "external_id",
        "full_name",
        "email",
        "phone",
        "date_of_birth",
        "preferred_language",
        "time_zone",
        "created_at",
        "user_id",
        "origin_lender_id",
        "name_key",
    ]
    _copy(Borrower._meta.db_table, columns, borrowers())
    _set_sequence(Borrower)
    # Half the borrowers take text messages too (e-mail is on for everyone by default).
    _copy(
        ContactPreferences._meta.db_table,
        ["borrower_id", "email_enabled", "sms_enabled", "email", "phone", "updated_at"],
        (f"{n + 1}\tt\tt\t\t\t{stamp}\n" for n in range(0, loans, 2)),
    )
    say(f"  borrowers: {loans} in {time.perf_counter() - started:.0f} s")

    def loan_rows():
        for n in range(loans):
            product, age, _payer, _k, _zone = shape(n)
            disbursed = day - dt.timedelta(days=15 + age)
            yield (
                f"{n + 1}\t{loan_of(n)}\tDAY-{n}\t{PRINCIPAL}\t{disbursed}\t"
                f"{add_months(disbursed, 1)}\t{INSTALLMENTS}\t{INSTALLMENT}\t{stamp}\t"
                f"{n + 1}\t{products[product].pk}\n"
            )

    columns = [
        "id",
        "external_id",
        "reference",
        "principal",
        "disbursed_on",
        "first_due_date",
        "installment_count",
        "installment_amount",
        "created_at",
        "borrower_id",
        "product_id",
    ]
    _copy(Loan._meta.db_table, columns, loan_rows())
    _set_sequence(Loan)
    say(f"  loans: {loans} in {time.perf_counter() - started:.0f} s")

    # A shape's entries as COPY text, all but the loan id at the end of each line.
    ledgers: dict[tuple, list[str]] = {}
    entry_count = 0

    def entry_rows():
        nonlocal entry_count
        for n in range(loans):
            product, age, payer, stopped_after, _zone = shape(n)
            key = (product, age, payer, stopped_after)
            text = ledgers.get(key)
            if text is None:
                loan = loan_terms(products[product], day - dt.timedelta(days=15 + age))
                text = ledgers[key] = [
                    # Recorded on its own day: the planner acknowledges recent payments.
                    f"{ext}\t{kind}\t{on}\t{amount}\t\t\t{source}\t{on} 09:00+00\t\\N\t"
                    for ext, kind, on, amount, source in shape_ledger(
                        loan, payer, stopped_after, yesterday
                    )
                ]
            entry_count += len(text)
            for line in text:
                yield f"{line}{n + 1}\n"

    columns = [
        "external_id",
        "kind",
        "effective_date",
        "amount",
        "component",
        "description",
        "source",
        "recorded_at",
        "reverses_id",
        "loan_id",
    ]
    _copy(LedgerEntry._meta.db_table, columns, entry_rows())
    say(
        f"  ledger: {entry_count} entries ({len(ledgers)} shapes) "
        f"in {time.perf_counter() - started:.0f} s"
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    copy_positions(loans, bench_now(yesterday))
    say(f"  positions: {loans} in {time.perf_counter() - started:.0f} s")
    planned = yesterdays_messages(bench_now(yesterday))
    say(f"  the day before's messages: {planned} in {time.perf_counter() - started:.0f} s")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def yesterdays_messages(now: dt.datetime) -> int:
    """The day before's reminders, planned and marked sent: the bench day's planner then finds
    the acknowledgements of recent payments already made, and the contact rules count the
    day before's messages, as on any day of a running book."""
    plan(now)
    table = OutboundMessage._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET status = %s, sent_at = send_at, attempts = 1 "  # noqa: S608
            "WHERE status = %s",
            [Status.SENT.value, Status.PLANNED.value],
        )
    return OutboundMessage.objects.count()


def copy_positions(loans: int, now: dt.datetime) -> None:
    """Every loan's kept position (and its first history row), as ``rebuild_positions`` would
    write them: worked out for the first loan of each shape, copied to the rest."""
    first_of: dict[tuple, int] = {}
    for n in range(loans):
        first_of.setdefault(shape(n), n + 1)
    rows = {}
    ids = sorted(first_of.values())
    for start in range(0, len(ids), 2000):
        for row in position_rows(ids[start : start + 2000], now=now):
            rows[row.loan_id] = row.values()
    stamp = timezone.now().isoformat()
    for model in (LoanPosition, LoanPositionDay):
        fields = [f for f in model._meta.concrete_fields if not f.primary_key or f.name == "loan"]
        names = [f.name if f.name != "loan" else "loan_id" for f in fields]
        columns = [f.column for f in fields]
        templates = {}
        for key, first in first_of.items():
            values = rows[first]
            templates[key] = [
                None if name == "loan_id" else stamp if name == "updated_at" else values[name]
                for name in names
            ]
        at = names.index("loan_id")

        def lines(templates=templates, at=at):
            for n in range(loans):
                values = list(templates[shape(n)])
                values[at] = n + 1
                yield "\t".join(_text(value) for value in values) + "\n"

        _copy(model._meta.db_table, columns, lines())
