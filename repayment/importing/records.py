"""The values that pass between parsing, validation and writing a lender's batch."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

BORROWER = "borrower"
LOAN = "loan"
ENTRY = "entry"

# The fields of each record type, in the order the format documents them.
BORROWER_FIELDS = (
    "external_id",
    "full_name",
    "email",
    "phone",
    "date_of_birth",
    "preferred_language",
    "time_zone",
)
LOAN_FIELDS = (
    "external_id",
    "borrower_external_id",
    "product_code",
    "reference",
    "principal",
    "disbursed_on",
    "first_due_date",
    "installment_count",
    "installment_amount",
)
ENTRY_FIELDS = (
    "loan_external_id",
    # A payment may name its loan by the borrower's payment reference instead (validate).
    "payment_reference",
    "external_id",
    "kind",
    "effective_date",
    "amount",
    "component",
    "reverses_external_id",
    "description",
)
FIELDS = {BORROWER: BORROWER_FIELDS, LOAN: LOAN_FIELDS, ENTRY: ENTRY_FIELDS}

# How many errors a rejection spells out; the rest are counted.
ERROR_LIMIT = 50


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One record as the lender sent it. ``row`` names it for a person ("line 7",
    "entries[3]"); ``fields`` holds only the fields that were given (no blanks, no nulls).
    Values are text, or, from JSON or an API, numbers (int, Decimal) and dates."""

    kind: str
    row: str
    fields: Mapping[str, object]


@dataclass(frozen=True, slots=True)
class RowError:
    row: str
    field: str
    message: str

    def __str__(self) -> str:
        if self.field:
            return f"{self.row}, {self.field}: {self.message}"
        return f"{self.row}: {self.message}"


class BatchRejected(Exception):
    """The batch was refused as a whole; nothing was written."""

    def __init__(self, errors: Sequence[RowError]):
        self.errors = tuple(errors)
        super().__init__(self.summary())

    def headline(self) -> str:
        count = len(self.errors)
        return ngettext(
            "The batch was rejected with %(count)d error; nothing was imported.",
            "The batch was rejected with %(count)d errors; nothing was imported.",
            count,
        ) % {"count": count}

    def summary(self, limit: int = ERROR_LIMIT) -> str:
        count = len(self.errors)
        lines = [self.headline()]
        lines.extend(str(error) for error in self.errors[:limit])
        if count > limit:
            rest = count - limit
            lines.append(
                ngettext("... and %(count)d more error.", "... and %(count)d more errors.", rest)
                % {"count": rest}
            )
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class CleanBorrower:
    external_id: str
    full_name: str
    email: str
    phone: str
    date_of_birth: date
    preferred_language: str
    time_zone: str


@dataclass(frozen=True, slots=True)
class CleanLoan:
    external_id: str
    borrower_external_id: str
    product_id: int
    reference: str
    principal: Decimal
    disbursed_on: date
    first_due_date: date
    installment_count: int
    installment_amount: Decimal


@dataclass(frozen=True, slots=True)
class CleanEntry:
    loan_external_id: str
    external_id: str
    kind: str
    effective_date: date
    amount: Decimal
    component: str
    description: str
    # A reversal names its entry by the lender's id; ``reverses_id`` is set when that entry
    # is already in the database, otherwise it is inserted earlier in the same batch.
    reverses_external_id: str = ""
    reverses_id: int | None = None


@dataclass(frozen=True, slots=True)
class ImportResult:
    borrowers_created: int = 0
    borrowers_updated: int = 0
    borrowers_unchanged: int = 0
    loans_created: int = 0
    loans_updated: int = 0
    loans_unchanged: int = 0
    entries_created: int = 0
    entries_skipped: int = 0

    @property
    def changed(self) -> bool:
        return bool(
            self.borrowers_created
            or self.borrowers_updated
            or self.loans_created
            or self.loans_updated
            or self.entries_created
        )

    def summary(self) -> str:
        return _(
            "Borrowers: %(b_created)d created, %(b_updated)d updated, %(b_unchanged)d unchanged. "
            "Loans: %(l_created)d created, %(l_updated)d updated, %(l_unchanged)d unchanged. "
            "Entries: %(e_created)d created, %(e_skipped)d already imported."
        ) % {
            "b_created": self.borrowers_created,
            "b_updated": self.borrowers_updated,
            "b_unchanged": self.borrowers_unchanged,
            "l_created": self.loans_created,
            "l_updated": self.loans_updated,
            "l_unchanged": self.loans_unchanged,
            "e_created": self.entries_created,
            "e_skipped": self.entries_skipped,
        }


@dataclass(frozen=True, slots=True)
class WritePlan:
    """What a valid batch will write: the borrowers and loans that are new or changed, the
    entries that are new (in batch order), and the counts that result. ``stored_borrowers``
    and ``stored_loans`` hold what the changed ones were (by external id), for their change
    history; ``restructured`` names the loans whose money terms change after payout."""

    borrowers: tuple[CleanBorrower, ...]
    loans: tuple[CleanLoan, ...]
    entries: tuple[CleanEntry, ...]
    result: ImportResult
    stored_borrowers: Mapping[str, CleanBorrower] = field(default_factory=dict)
    stored_loans: Mapping[str, CleanLoan] = field(default_factory=dict)
    restructured: frozenset[str] = frozenset()


FILE_IMPORT = "file import"
LENDER_API = "lender API"


@dataclass(frozen=True, slots=True)
class BatchOrigin:
    """Where a batch came from, as its change history records it: ``source`` is
    ``FILE_IMPORT`` or ``LENDER_API``, ``label`` the file's name or the API key's label.
    ``batch_id`` names the batch in every history entry it writes."""

    source: str
    label: str = ""
    remote_addr: str | None = None
    batch_id: str = field(default_factory=lambda: uuid.uuid4().hex)

    def history_data(self, *, lender_id: int | None) -> dict[str, object]:
        data: dict[str, object] = {"source": self.source, "batch": self.batch_id}
        if self.label:
            data["lender_key" if self.source == LENDER_API else "file"] = self.label
        if lender_id is not None:
            data["lender"] = lender_id
        return data


def text_of(value: object) -> str | None:
    """A field given as text (or as a whole number, as JSON may send an id), stripped; None for
    anything else, which validation reports."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None
