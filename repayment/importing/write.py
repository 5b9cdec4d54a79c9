"""Writing a validated plan in bulk: a handful of statements, not one per row.

Call inside the transaction that read what the plan was validated against (``service``).
Borrowers and loans are upserted on the lender's id, so a row that appeared since validation is
updated rather than duplicated; a new borrower remembers the lender whose batch created it.
Their change history is written in bulk too (``history``). Entries are only ever inserted (with
COPY on PostgreSQL); reversals go in after the entries they cancel, once those have primary
keys.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, fields

from django.utils import timezone

from portal.core.bulk import insert_rows
from portal.core.pinyin import name_key
from repayment.models import Borrower, EntryKind, EntrySource, LedgerEntry, Loan
from repayment.position_table.keeping import refresh

from .history import record_batch
from .lookups import chunks
from .records import FILE_IMPORT, BatchOrigin, CleanBorrower, CleanEntry, CleanLoan, WritePlan

BATCH_SIZE = 5000

# Every field the lender sends, except the id the upsert matches on. A loan's borrower and
# product are not updated: validation refuses to move a loan (its ledger depends on them). A
# borrower's origin lender is set when it is created, never updated.
BORROWER_UPDATES = [
    *(f.name for f in fields(CleanBorrower) if f.name != "external_id"),
    "name_key",  # the console's pinyin search key, from the name (portal.core.pinyin)
]
LOAN_UPDATES = [
    f.name
    for f in fields(CleanLoan)
    if f.name not in ("external_id", "borrower_external_id", "product_id")
]


def ids_by_external_id(*, model: type[Borrower | Loan], external_ids: Iterable[str]) -> dict:
    ids = {}
    for chunk in chunks(set(external_ids)):
        ids.update(model.objects.filter(external_id__in=chunk).values_list("external_id", "id"))
    return ids


def _upsert(model: type[Borrower | Loan], rows: list, update_fields: list[str]) -> None:
    """Insert or update ``rows``, leaving each with its primary key."""
    model.objects.bulk_create(
        rows,
        batch_size=BATCH_SIZE,
        update_conflicts=True,
        unique_fields=["external_id"],
        update_fields=update_fields,
    )
    if any(row.pk is None for row in rows):  # a database that returns no ids from an upsert
        ids = ids_by_external_id(model=model, external_ids=(row.external_id for row in rows))
        for row in rows:
            row.pk = ids[row.external_id]


def upsert_borrowers(
    *, borrowers: Sequence[CleanBorrower], origin_lender_id: int | None = None
) -> list[Borrower]:
    rows = [
        Borrower(origin_lender_id=origin_lender_id, name_key=name_key(b.full_name), **asdict(b))
        for b in borrowers
    ]
    _upsert(Borrower, rows, BORROWER_UPDATES)
    return rows


def upsert_loans(*, loans: Sequence[CleanLoan]) -> list[Loan]:
    borrower_ids = ids_by_external_id(
        model=Borrower, external_ids=(loan.borrower_external_id for loan in loans)
    )
    rows = []
    for loan in loans:
        values = asdict(loan)
        borrower_id = borrower_ids[values.pop("borrower_external_id")]
        rows.append(Loan(borrower_id=borrower_id, **values))
    _upsert(Loan, rows, LOAN_UPDATES)
    return rows


ENTRY_COLUMNS = [
    "loan_id",
    "external_id",
    "kind",
    "effective_date",
    "amount",
    "component",
    "reverses_id",
    "description",
    "source",
    "recorded_at",
]


def _entry_row(entry: CleanEntry, loan_id: int, reverses_id: int | None, now) -> tuple:
    return (
        loan_id,
        entry.external_id,
        entry.kind,
        entry.effective_date,
        entry.amount,
        entry.component,
        reverses_id,
        entry.description,
        EntrySource.LENDER.value,
        now,
    )


def _entry_ids(keys: set[tuple[int, str]]) -> dict[tuple[int, str], int]:
    """Primary keys of entries by (loan pk, lender's entry id)."""
    by_loan: dict[int, set[str]] = {}
    for loan_id, external_id in keys:
        by_loan.setdefault(loan_id, set()).add(external_id)
    ids = {}
    for chunk in chunks(by_loan, size=1000):
        external_ids = set().union(*(by_loan[loan_id] for loan_id in chunk))
        rows = LedgerEntry.objects.filter(
            loan_id__in=chunk, external_id__in=external_ids
        ).values_list("loan_id", "external_id", "id")
        ids.update(((loan_id, external_id), pk) for loan_id, external_id, pk in rows)
    return ids


def insert_entries(*, entries: Sequence[CleanEntry]) -> set[int]:
    """Insert new entries: first every entry that is not a reversal, then the reversals, which
    need the primary key of the entry they cancel. Returns the ids of the loans written to."""
    loan_ids = ids_by_external_id(
        model=Loan, external_ids=(entry.loan_external_id for entry in entries)
    )
    now = timezone.now()
    reversals = [entry for entry in entries if entry.kind == EntryKind.REVERSAL]
    insert_rows(
        LedgerEntry,
        ENTRY_COLUMNS,
        [
            _entry_row(entry, loan_ids[entry.loan_external_id], None, now)
            for entry in entries
            if entry.kind != EntryKind.REVERSAL
        ],
    )
    written = set(loan_ids.values())
    if not reversals:
        return written
    new_ids = _entry_ids(
        {
            (loan_ids[entry.loan_external_id], entry.reverses_external_id)
            for entry in reversals
            if entry.reverses_id is None
        }
    )
    rows = []
    for entry in reversals:
        loan_id = loan_ids[entry.loan_external_id]
        reverses_id = entry.reverses_id or new_ids[(loan_id, entry.reverses_external_id)]
        rows.append(_entry_row(entry, loan_id, reverses_id, now))
    insert_rows(LedgerEntry, ENTRY_COLUMNS, rows)
    return written


def write_plan(
    *, plan: WritePlan, lender_id: int | None = None, origin: BatchOrigin | None = None
) -> None:
    """Write ``plan``; ``lender_id`` is the lender whose batch it is (None: staff's file
    import for every lender), ``origin`` what the change history says of the batch."""
    borrowers: list[Borrower] = []
    loans: list[Loan] = []
    if plan.borrowers:
        borrowers = upsert_borrowers(borrowers=plan.borrowers, origin_lender_id=lender_id)
    if plan.loans:
        loans = upsert_loans(loans=plan.loans)
    if borrowers or loans:
        record_batch(
            borrowers=list(zip(plan.borrowers, borrowers, strict=True)),
            loans=list(zip(plan.loans, loans, strict=True)),
            stored_borrowers=plan.stored_borrowers,
            stored_loans=plan.stored_loans,
            restructured=plan.restructured,
            origin=origin or BatchOrigin(FILE_IMPORT),
            lender_id=lender_id,
        )
    touched = {loan.pk for loan in loans}
    if borrowers:
        # A borrower's time zone is their "today": their loans' positions follow it.
        touched |= set(Loan.objects.filter(borrower__in=borrowers).values_list("pk", flat=True))
    if plan.entries:
        touched |= insert_entries(entries=plan.entries)
    # In the batch's transaction: the kept positions change with the ledger or not at all.
    refresh(touched)
