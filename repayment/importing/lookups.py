"""What a batch refers to that is already stored, read with a few set-based queries.

Only the rows a batch names are read: its products, borrowers, loans, the loans holding its
references, and every entry of the loans its entries post to (a reversal may point at any of
them). Values come back in the same shape validation produces, so "unchanged" is plain
equality.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from repayment.models import Borrower, LedgerEntry, Loan, LoanProduct

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


@dataclass(frozen=True, slots=True)
class ExistingProduct:
    id: int
    code: str
    currency: str
    servicing_enabled: bool


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
    # (loan external id, entry external id) -> entry
    entries: Mapping[tuple[str, str], ExistingEntry] = field(default_factory=dict)
    # (loan external id, entry external id) -> external id of the reversal that cancels it
    reversed_by: Mapping[tuple[str, str], str] = field(default_factory=dict)


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


def load_existing(*, records: Sequence[RawRecord]) -> Existing:
    product_codes = _named(records, LOAN, "product_code")
    borrower_ids = _named(records, BORROWER, "external_id") | _named(
        records, LOAN, "borrower_external_id"
    )
    posted_to = _named(records, ENTRY, "loan_external_id")
    loan_ids = _named(records, LOAN, "external_id") | posted_to
    references = _named(records, LOAN, "reference")

    products: dict[str, ExistingProduct] = {}
    products_by_id: dict[int, ExistingProduct] = {}

    def remember(product: ExistingProduct) -> ExistingProduct:
        products.setdefault(product.code, product)
        return products_by_id.setdefault(product.id, product)

    for chunk in chunks(product_codes):
        for row in LoanProduct.objects.filter(code__in=chunk).values_list(
            "id", "code", "currency", "servicing_enabled"
        ):
            remember(ExistingProduct(*row))

    borrowers = {}
    for chunk in chunks(borrower_ids):
        for row in Borrower.objects.filter(external_id__in=chunk).values_list(
            "external_id",
            "full_name",
            "email",
            "phone",
            "date_of_birth",
            "preferred_language",
            "time_zone",
        ):
            borrowers[row[0]] = CleanBorrower(*row)

    loans: dict[str, ExistingLoan] = {}
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
        )
        for pk, *values, code, currency, servicing in rows:
            product = remember(ExistingProduct(values[2], code, currency, servicing))
            loans[values[0]] = ExistingLoan(pk, product, CleanLoan(*values))

    loan_by_reference = {}
    for chunk in chunks(references):
        loan_by_reference.update(
            Loan.objects.filter(reference__in=chunk).values_list("reference", "external_id")
        )

    entries, reversed_by = _load_entries(
        {external_id: loan for external_id, loan in loans.items() if external_id in posted_to}
    )
    return Existing(
        products=products,
        borrowers=borrowers,
        loans=loans,
        loan_by_reference=loan_by_reference,
        entries=entries,
        reversed_by=reversed_by,
    )


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
