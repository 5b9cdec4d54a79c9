"""What a batch refers to that is already stored, read with a few set-based queries, and for one
lender only what it may see. See docs/importing.md."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Min, Q, Sum, Value
from django.db.models.functions import Replace, Upper

from repayment.models import Borrower, EntryKind, LedgerEntry, Loan, LoanProduct
from repayment.paying.reference import loan_reference_body, normalise

from .records import (
    BORROWER,
    ENTRY,
    LOAN,
    CleanBorrower,
    CleanEntry,
    CleanLoan,
    RawRecord,
    text_of,
)

# Keeps each IN (...) list to a size every backend takes.
CHUNK = 5000

# What the database leaves out of a stored loan reference to compare it with a payment
# reference's body. Loan references are letters, digits and dashes, as lenders write them; a
# reference with some other character is not found by its payment reference (its loan is then
# unknown, never the wrong loan: a match is checked again with ``normalise``).
SEPARATORS = ("-", " ", "/", ".", "_")


def normalised_reference():
    """``Loan.reference`` as ``repayment.paying.reference.normalise`` writes it, for the
    references it can hold. An expression index on exactly this would make the lookup an index
    scan (see docs/importing.md)."""
    expression = Upper("reference")
    for separator in SEPARATORS:
        expression = Replace(expression, Value(separator), Value(""))
    return expression


@dataclass(frozen=True, slots=True)
class ExistingProduct:
    id: int
    code: str
    currency: str
    servicing_enabled: bool
    restructuring_allowed: bool = False


@dataclass(frozen=True, slots=True)
class LedgerSummary:
    """A stored loan's ledger in brief: how many entries, the first one's date, and what was
    paid out (disbursements less the reversals of disbursements)."""

    entries: int = 0
    first_day: date | None = None
    paid_out: Decimal = Decimal(0)


@dataclass(frozen=True, slots=True)
class ExistingLoan:
    id: int
    product: ExistingProduct
    values: CleanLoan


@dataclass(frozen=True, slots=True)
class ExistingEntry:
    id: int
    values: CleanEntry


@dataclass(frozen=True)
class Existing:
    products: Mapping[str, ExistingProduct] = field(default_factory=dict)
    borrowers: Mapping[str, CleanBorrower] = field(default_factory=dict)
    loans: Mapping[str, ExistingLoan] = field(default_factory=dict)
    # reference -> external id of the loan that holds it
    loan_by_reference: Mapping[str, str] = field(default_factory=dict)
    # The normalised loan reference a payment reference of the batch names -> the external
    # ids of the stored loans (that the lender may see) whose reference normalises to it.
    loans_by_payment_reference: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # (loan external id, entry external id) -> entry
    entries: Mapping[tuple[str, str], ExistingEntry] = field(default_factory=dict)
    # (loan external id, entry external id) -> external id of the reversal that cancels it
    reversed_by: Mapping[tuple[str, str], str] = field(default_factory=dict)
    # Read for one lender: ids and references that other lenders' rows hold, and the
    # borrowers this lender shares with another (it may lend to them, not change them).
    taken_borrowers: frozenset[str] = frozenset()
    taken_loans: frozenset[str] = frozenset()
    taken_references: frozenset[str] = frozenset()
    shared_borrowers: frozenset[str] = frozenset()
    # Loan external id -> its ledger, for the stored loans the batch's loan records name.
    ledgers: Mapping[str, LedgerSummary] = field(default_factory=dict)


def chunks(values: Iterable, size: int = CHUNK) -> Iterator[list]:
    """``values`` in lists of at most ``size``: one query's worth of ids each."""
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _named(records: Sequence[RawRecord], kind: str, name: str) -> set[str]:
    found = set()
    for record in records:
        if record.kind == kind:
            value = text_of(record.fields.get(name))
            if value:
                found.add(value)
    return found


def load_existing(*, records: Sequence[RawRecord], lender_id: int | None = None) -> Existing:
    """What ``records`` name that is stored; with ``lender_id``, only what that lender may see
    (see docs/importing.md)."""
    product_codes = _named(records, LOAN, "product_code")
    borrower_ids = _named(records, BORROWER, "external_id") | _named(
        records, LOAN, "borrower_external_id"
    )
    by_payment_reference = _loans_by_payment_reference(
        {
            body
            for text in _named(records, ENTRY, "payment_reference")
            if (body := loan_reference_body(text))
        },
        lender_id=lender_id,
    )
    posted_to = _named(records, ENTRY, "loan_external_id").union(*by_payment_reference.values())
    loan_records = _named(records, LOAN, "external_id")
    loan_ids = loan_records | posted_to
    references = _named(records, LOAN, "reference")

    products: dict[str, ExistingProduct] = {}
    products_by_id: dict[int, ExistingProduct] = {}

    def remember(product: ExistingProduct) -> ExistingProduct:
        products.setdefault(product.code, product)
        return products_by_id.setdefault(product.id, product)

    own_products = LoanProduct.objects.all()
    if lender_id is not None:
        own_products = own_products.filter(lender_id=lender_id)
    for chunk in chunks(product_codes):
        for row in own_products.filter(code__in=chunk).values_list(
            "id", "code", "currency", "servicing_enabled", "restructuring_allowed"
        ):
            remember(ExistingProduct(*row))

    borrower_lenders = _lenders_of_borrowers(borrower_ids) if lender_id is not None else {}
    taken_borrowers, shared_borrowers = set(), set()
    borrowers = {}
    for chunk in chunks(borrower_ids):
        for *row, origin in Borrower.objects.filter(external_id__in=chunk).values_list(
            "external_id",
            "full_name",
            "email",
            "phone",
            "date_of_birth",
            "preferred_language",
            "time_zone",
            "origin_lender_id",
        ):
            if lender_id is not None:
                concerned = borrower_lenders.get(row[0], set()) | ({origin} - {None})
                if lender_id not in concerned:
                    taken_borrowers.add(row[0])
                    continue
                if len(concerned) > 1:
                    shared_borrowers.add(row[0])
            borrowers[row[0]] = CleanBorrower(*row)

    loans: dict[str, ExistingLoan] = {}
    taken_loans = set()
    for chunk in chunks(loan_ids):
        rows = Loan.objects.filter(external_id__in=chunk).values_list(
            "id",
            "external_id",
            "borrower__external_id",
            "product_id",
            "reference",
            "principal",
            "disbursed_on",
            "first_due_date",
            "installment_count",
            "installment_amount",
            "product__code",
            "product__currency",
            "product__servicing_enabled",
            "product__restructuring_allowed",
            "product__lender_id",
        )
        for pk, *values, code, currency, servicing, restructuring, owner in rows:
            if lender_id is not None and owner != lender_id:
                taken_loans.add(values[0])
                continue
            product = remember(ExistingProduct(values[2], code, currency, servicing, restructuring))
            loans[values[0]] = ExistingLoan(pk, product, CleanLoan(*values))

    loan_by_reference = {}
    taken_references = set()
    for chunk in chunks(references):
        for reference, external_id, owner in Loan.objects.filter(reference__in=chunk).values_list(
            "reference", "external_id", "product__lender_id"
        ):
            if lender_id is not None and owner != lender_id:
                taken_references.add(reference)
            else:
                loan_by_reference[reference] = external_id

    entries, reversed_by = _load_entries(
        {external_id: loan for external_id, loan in loans.items() if external_id in posted_to}
    )
    ledgers = _summarise(
        entries, [external_id for external_id in loan_records & posted_to if external_id in loans]
    )
    ledgers.update(
        _ledger_summaries(
            {
                loans[external_id].id: external_id
                for external_id in loan_records - posted_to
                if external_id in loans
            }
        )
    )
    return Existing(
        products=products,
        borrowers=borrowers,
        loans=loans,
        loan_by_reference=loan_by_reference,
        loans_by_payment_reference=by_payment_reference,
        entries=entries,
        reversed_by=reversed_by,
        taken_borrowers=frozenset(taken_borrowers),
        taken_loans=frozenset(taken_loans),
        taken_references=frozenset(taken_references),
        shared_borrowers=frozenset(shared_borrowers),
        ledgers=ledgers,
    )


def _loans_by_payment_reference(
    bodies: Iterable[str], *, lender_id: int | None
) -> dict[str, frozenset[str]]:
    """The stored loans whose references normalise to ``bodies``, by body: one query per chunk,
    compared in the database on the normalised form, so no other loan is read. Read for one
    lender, only its own loans: another lender's loan is never a candidate, so a reference to
    it is answered as unknown, as any other would be."""
    loans = Loan.objects.all()
    if lender_id is not None:
        loans = loans.filter(product__lender_id=lender_id)
    loans = loans.alias(normalised=normalised_reference())
    found: dict[str, set[str]] = {}
    for chunk in chunks(bodies):
        wanted = set(chunk)
        for reference, external_id in loans.filter(normalised__in=chunk).values_list(
            "reference", "external_id"
        ):
            body = normalise(reference)
            if body in wanted:
                found.setdefault(body, set()).add(external_id)
    return {body: frozenset(external_ids) for body, external_ids in found.items()}


def _lenders_of_borrowers(external_ids: Iterable[str]) -> dict[str, set[int]]:
    """The lenders each borrower has loans with."""
    lenders: dict[str, set[int]] = {}
    for chunk in chunks(external_ids):
        rows = (
            Loan.objects.filter(borrower__external_id__in=chunk)
            .values_list("borrower__external_id", "product__lender_id")
            .distinct()
        )
        for external_id, lender_id in rows:
            lenders.setdefault(external_id, set()).add(lender_id)
    return lenders


def _load_entries(loans: Mapping[str, ExistingLoan]):
    """Every entry of ``loans``: a batch's entries are compared with them, and its reversals
    may cancel any of them."""
    loan_external_ids = {loan.id: external_id for external_id, loan in loans.items()}
    rows = []
    for chunk in chunks(loan_external_ids, size=1000):
        rows.extend(
            LedgerEntry.objects.filter(loan_id__in=chunk).values_list(
                "id",
                "loan_id",
                "external_id",
                "kind",
                "effective_date",
                "amount",
                "component",
                "description",
                "reverses_id",
            )
        )
    external_by_pk = {row[0]: row[2] for row in rows}
    entries = {}
    reversed_by = {}
    for pk, loan_id, external_id, kind, day, amount, component, description, reverses in rows:
        loan_external_id = loan_external_ids[loan_id]
        reverses_external_id = external_by_pk.get(reverses, "") if reverses else ""
        entries[(loan_external_id, external_id)] = ExistingEntry(
            pk,
            CleanEntry(
                loan_external_id=loan_external_id,
                external_id=external_id,
                kind=kind,
                effective_date=day,
                amount=amount,
                component=component,
                description=description,
                reverses_external_id=reverses_external_id,
                reverses_id=reverses,
            ),
        )
        if reverses:
            reversed_by[(loan_external_id, reverses_external_id)] = external_id
    return entries, reversed_by


def _summarise(
    entries: Mapping[tuple[str, str], ExistingEntry], loan_external_ids: Iterable[str]
) -> dict[str, LedgerSummary]:
    """Ledger summaries of loans whose entries are already loaded (the batch posts to them)."""
    wanted = set(loan_external_ids)
    if not wanted:  # a batch of entries only: no loan's terms can change
        return {}
    counts: dict[str, int] = dict.fromkeys(wanted, 0)
    first: dict[str, date] = {}
    paid_out: dict[str, Decimal] = dict.fromkeys(wanted, Decimal(0))
    for (loan_id, _entry_id), entry in entries.items():
        if loan_id not in wanted:
            continue
        values = entry.values
        counts[loan_id] += 1
        if loan_id not in first or values.effective_date < first[loan_id]:
            first[loan_id] = values.effective_date
        if values.kind == EntryKind.DISBURSEMENT:
            paid_out[loan_id] += values.amount
        elif values.kind == EntryKind.REVERSAL:
            target = entries.get((loan_id, values.reverses_external_id))
            if target is not None and target.values.kind == EntryKind.DISBURSEMENT:
                paid_out[loan_id] -= values.amount
    return {
        loan_id: LedgerSummary(counts[loan_id], first.get(loan_id), paid_out[loan_id])
        for loan_id in wanted
    }


def _ledger_summaries(external_by_pk: Mapping[int, str]) -> dict[str, LedgerSummary]:
    """Ledger summaries of loans whose entries are not loaded: one grouped query per chunk.
    A loan with no entries gets an empty summary."""
    summaries = dict.fromkeys(external_by_pk.values(), LedgerSummary())
    for chunk in chunks(external_by_pk, size=1000):
        rows = (
            LedgerEntry.objects.filter(loan_id__in=chunk)
            .order_by()
            .values("loan_id")
            .annotate(
                count=Count("id"),
                first=Min("effective_date"),
                disbursed=Sum("amount", filter=Q(kind=EntryKind.DISBURSEMENT)),
                undone=Sum(
                    "amount",
                    filter=Q(kind=EntryKind.REVERSAL, reverses__kind=EntryKind.DISBURSEMENT),
                ),
            )
            .values_list("loan_id", "count", "first", "disbursed", "undone")
        )
        for loan_id, count, first, disbursed, undone in rows:
            summaries[external_by_pk[loan_id]] = LedgerSummary(
                count, first, (disbursed or Decimal(0)) - (undone or Decimal(0))
            )
    return summaries
