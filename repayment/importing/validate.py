"""Checking a whole batch against itself and against what is already stored: pure, one pass,
every problem found. The rules: docs/importing.md and docs/import-format.md."""

from __future__ import annotations

import zoneinfo
from collections.abc import Collection, Sequence
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from repayment.models import Component, EntryKind, Language, Loan
from repayment.money import parse_money, round_money
from repayment.paying.reference import loan_reference_body, normalise

from .lookups import Existing, ExistingProduct, LedgerSummary
from .records import (
    BORROWER,
    ENTRY,
    FIELDS,
    LOAN,
    BatchRejected,
    CleanBorrower,
    CleanEntry,
    CleanLoan,
    ImportResult,
    RawRecord,
    RowError,
    WritePlan,
    text_of,
)

# Model limits (repayment.models), checked here so a long value is a row error, not a crash.
ID_LENGTH = 100
NAME_LENGTH = 200
EMAIL_LENGTH = 254
PHONE_LENGTH = 40
REFERENCE_LENGTH = 40
# A payment reference as written on a bank statement, spaces and dashes and all.
PAYMENT_REFERENCE_LENGTH = 100
TIME_ZONE_LENGTH = 64
DESCRIPTION_LENGTH = 200
MONEY_LIMIT = Decimal(10) ** 12  # DecimalField(max_digits=14, decimal_places=2)
COUNT_LIMIT = 32767  # PositiveSmallIntegerField

SERVICED_KINDS = frozenset({EntryKind.INSTALLMENT_DUE, EntryKind.INTEREST})
KINDS = frozenset(EntryKind.values)
COMPONENTS = frozenset(Component.values)
LANGUAGES = frozenset(Language.values)


@lru_cache(maxsize=1024)
def is_time_zone(name: str) -> bool:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


def parse_day(value: object) -> date | None:
    """An ISO date, YYYY-MM-DD, or None. (``date.fromisoformat`` alone would also take forms
    such as 2026W021 that a lender's system does not mean to send.)"""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if not isinstance(value, str) or len(value) != 10 or value[4] != "-" or value[7] != "-":
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


class _Fields:
    """Reads one record's fields, noting each problem and carrying on, so that one pass
    reports everything wrong with the row."""

    __slots__ = ("errors", "fields", "ok", "row")

    def __init__(self, record: RawRecord, errors: list[RowError]):
        self.row = record.row
        self.fields = record.fields
        self.errors = errors
        self.ok = True

    def error(self, name: str, message: str) -> None:
        self.errors.append(RowError(self.row, name, message))
        self.ok = False

    def text(self, name: str, *, max_length: int, required: bool = False) -> str:
        value = self.fields.get(name)
        if value is None:
            if required:
                self.error(name, _("required"))
            return ""
        text = text_of(value)
        if text is None:
            self.error(name, _("must be text"))
            return ""
        if required and not text:
            self.error(name, _("required"))
        elif len(text) > max_length:
            self.error(name, _("longer than %(limit)d characters") % {"limit": max_length})
        return text

    def day(self, name: str) -> date | None:
        value = self.fields.get(name)
        if value is None:
            self.error(name, _("required"))
            return None
        day = parse_day(value)
        if day is None:
            self.error(name, _("%(value)s is not a date; use YYYY-MM-DD") % {"value": value})
        return day

    def money(self, name: str, currency: str | None) -> Decimal | None:
        """A positive amount in ``currency``; with no currency (the loan or product is
        unknown, reported elsewhere) the amount is only required."""
        value = self.fields.get(name)
        if value is None:
            self.error(name, _("required"))
            return None
        if isinstance(value, float | bool):
            self.error(name, _("send amounts as text or decimals, never as floating point"))
            return None
        if currency is None:
            self.ok = False  # the record cannot be used, for a reason reported on another row
            return None
        try:
            amount = parse_money(str(value), currency)
        except ValueError as exc:
            self.error(
                name,
                _("%(value)s is not a valid %(currency)s amount (%(reason)s)")
                % {"value": value, "currency": currency, "reason": exc},
            )
            return None
        if amount <= 0:
            self.error(name, _("must be more than zero"))
            return None
        if amount >= MONEY_LIMIT:
            self.error(name, _("too large"))
            return None
        return amount

    def count(self, name: str) -> int | None:
        value = self.fields.get(name)
        if value is None:
            self.error(name, _("required"))
            return None
        text = text_of(value)
        if text is None or not text.isascii() or not text.isdigit():
            self.error(name, _("%(value)s is not a whole number") % {"value": value})
            return None
        number = int(text)
        if not 1 <= number <= COUNT_LIMIT:
            self.error(name, _("must be between 1 and %(limit)d") % {"limit": COUNT_LIMIT})
            return None
        return number

    def choice(self, name: str, choices: Collection[str], *, default: str = "") -> str:
        text = self.text(name, max_length=50, required=not default).lower()
        if not text:
            return default
        if text not in choices:
            self.error(
                name,
                _("%(value)s is not one of: %(choices)s")
                % {"value": text, "choices": ", ".join(sorted(choices))},
            )
        return text

    def once(self, name: str, key: str, seen: dict[str, str], message: str, **values) -> None:
        """Remember the row where ``key`` first appeared; a later row with the same key is an
        error that points back there (``message`` gets the values and that ``row``)."""
        first = seen.setdefault(key, self.row)
        if first != self.row:
            self.error(name, message % {**values, "row": first})

    def unknown_fields(self, allowed: Collection[str], kind: str) -> None:
        for name in self.fields.keys() - allowed:
            self.error(name, _("not a field of %(record)s records") % {"record": kind})


class _Batch:
    """What earlier rows of the batch established, for the rows after them."""

    def __init__(self, records: Sequence[RawRecord], existing: Existing, today: date):
        self.existing = existing
        self.today = today
        self.errors: list[RowError] = []
        # Every id the batch defines, valid or not, so that a row that depends on a bad row
        # is not reported a second time.
        self.borrower_ids = set()
        self.loan_products: dict[str, ExistingProduct | None] = {}
        self.entry_keys = set()
        # The normalised reference of each loan the batch sends -> those loans' ids.
        self.batch_references: dict[str, set[str]] = {}
        for record in records:
            fields = record.fields
            if record.kind == BORROWER:
                self.borrower_ids.add(text_of(fields.get("external_id")))
            elif record.kind == LOAN:
                code = text_of(fields.get("product_code"))
                loan_id = text_of(fields.get("external_id"))
                self.loan_products[loan_id] = existing.products.get(code)
                body = normalise(text_of(fields.get("reference")) or "")
                if loan_id and body:
                    self.batch_references.setdefault(body, set()).add(loan_id)
        for record in records:
            if record.kind == ENTRY:
                fields = record.fields
                loan_id = text_of(fields.get("loan_external_id"))
                if not loan_id:
                    body = loan_reference_body(text_of(fields.get("payment_reference")) or "")
                    named = self.loans_with_payment_reference(body) if body else set()
                    loan_id = next(iter(named)) if len(named) == 1 else None
                self.entry_keys.add((loan_id, text_of(fields.get("external_id"))))
        self.borrower_rows: dict[str, str] = {}
        self.loan_rows: dict[str, str] = {}
        self.reference_rows: dict[str, str] = {}
        # (loan, entry) -> (row, clean entry or None when the row was bad)
        self.entries: dict[tuple[str, str], tuple[str, CleanEntry | None]] = {}
        self.reversed_in_batch: dict[tuple[str, str], str] = {}
        self.borrowers: list[CleanBorrower] = []
        self.loans: list[CleanLoan] = []
        self.new_entries: list[CleanEntry] = []
        # What the changed borrowers and loans were, for their change history.
        self.stored_borrowers: dict[str, CleanBorrower] = {}
        self.stored_loans: dict[str, CleanLoan] = {}
        # Loans paid out whose money terms change: external id -> (row, the new values, the
        # ledger, the terms that change), checked once every entry of the batch is known.
        self.restructured: dict[str, tuple[str, CleanLoan, LedgerSummary, list[str]]] = {}
        self.counts = dict.fromkeys(
            (
                "borrowers_created",
                "borrowers_updated",
                "borrowers_unchanged",
                "loans_created",
                "loans_updated",
                "loans_unchanged",
                "entries_created",
                "entries_skipped",
            ),
            0,
        )

    def product_of_loan(self, loan_external_id: str) -> ExistingProduct | None:
        if loan_external_id in self.loan_products:
            return self.loan_products[loan_external_id]
        stored = self.existing.loans.get(loan_external_id)
        return stored.product if stored else None

    def knows_loan(self, loan_external_id: str) -> bool:
        return loan_external_id in self.loan_products or loan_external_id in self.existing.loans

    def loans_with_payment_reference(self, body: str) -> set[str]:
        """The loans whose reference normalises to ``body`` as the batch leaves them: a loan
        the batch sends has the reference it sends, any other the one stored."""
        stored = self.existing.loans_by_payment_reference.get(body, frozenset())
        return {
            loan_id for loan_id in stored if loan_id not in self.loan_products
        } | self.batch_references.get(body, set())


def _in_use(external_id: str) -> str:
    """For an id another lender's row holds: ids are unique across the portal, so it cannot be
    used, and the message says no more than that."""
    return _("%(id)s is already in use in the portal; choose another id") % {"id": external_id}


def _borrower(f: _Fields, batch: _Batch) -> None:
    external_id = f.text("external_id", max_length=ID_LENGTH, required=True)
    full_name = f.text("full_name", max_length=NAME_LENGTH, required=True)
    email = f.text("email", max_length=EMAIL_LENGTH)
    if email:
        try:
            validate_email(email)
        except ValidationError:
            f.error("email", _("%(value)s is not an e-mail address") % {"value": email})
    phone = f.text("phone", max_length=PHONE_LENGTH)
    date_of_birth = f.day("date_of_birth")
    if date_of_birth and date_of_birth > batch.today:
        f.error("date_of_birth", _("is in the future"))
    language = f.choice("preferred_language", LANGUAGES, default=Language.ENGLISH)
    time_zone = f.text("time_zone", max_length=TIME_ZONE_LENGTH) or "UTC"
    if not is_time_zone(time_zone):
        f.error(
            "time_zone",
            _("%(value)s is not a time zone; use an IANA name such as Asia/Shanghai")
            % {"value": time_zone},
        )
    if external_id in batch.existing.taken_borrowers:
        f.error("external_id", _in_use(external_id))
    if external_id:
        f.once(
            "external_id",
            external_id,
            batch.borrower_rows,
            _("borrower %(id)s appears twice in the batch (first at %(row)s)"),
            id=external_id,
        )
    if not f.ok:
        return
    clean = CleanBorrower(
        external_id=external_id,
        full_name=full_name,
        email=email,
        phone=phone,
        date_of_birth=date_of_birth,
        preferred_language=language,
        time_zone=time_zone,
    )
    stored = batch.existing.borrowers.get(external_id)
    if stored == clean:
        batch.counts["borrowers_unchanged"] += 1
        return
    if stored is not None and external_id in batch.existing.shared_borrowers:
        f.error(
            "external_id",
            _(
                "borrower %(id)s is also another lender's borrower, so only the portal's staff "
                "can change their details"
            )
            % {"id": external_id},
        )
        return
    if stored is None:
        batch.counts["borrowers_created"] += 1
    else:
        batch.counts["borrowers_updated"] += 1
        batch.stored_borrowers[external_id] = stored
    batch.borrowers.append(clean)


def _loan(f: _Fields, batch: _Batch) -> None:
    existing = batch.existing
    external_id = f.text("external_id", max_length=ID_LENGTH, required=True)
    borrower_id = f.text("borrower_external_id", max_length=ID_LENGTH, required=True)
    if (
        borrower_id
        and borrower_id not in batch.borrower_ids
        and borrower_id not in existing.borrowers
    ):
        f.error(
            "borrower_external_id",
            _("no borrower %(id)s in this batch or already imported") % {"id": borrower_id},
        )
    code = f.text("product_code", max_length=50, required=True)
    product = existing.products.get(code)
    if code and product is None:
        f.error("product_code", _("no loan product with code %(code)s") % {"code": code})
    currency = product.currency if product else None
    reference = f.text("reference", max_length=REFERENCE_LENGTH, required=True)
    principal = f.money("principal", currency)
    disbursed_on = f.day("disbursed_on")
    first_due_date = f.day("first_due_date")
    if disbursed_on and first_due_date and first_due_date <= disbursed_on:
        f.error("first_due_date", _("must be after disbursed_on"))
    installment_count = f.count("installment_count")
    installment_amount = f.money("installment_amount", currency)

    if external_id in existing.taken_loans:
        f.error("external_id", _in_use(external_id))
    if external_id:
        f.once(
            "external_id",
            external_id,
            batch.loan_rows,
            _("loan %(id)s appears twice in the batch (first at %(row)s)"),
            id=external_id,
        )
    if reference in existing.taken_references:
        f.error(
            "reference",
            _("reference %(reference)s is already in use in the portal; choose another")
            % {"reference": reference},
        )
    elif reference:
        holder = existing.loan_by_reference.get(reference)
        if holder is not None and holder != external_id:
            f.error(
                "reference",
                _("reference %(reference)s belongs to another loan, %(loan)s")
                % {"reference": reference, "loan": holder},
            )
        f.once(
            "reference",
            reference,
            batch.reference_rows,
            _("reference %(reference)s appears twice in the batch (first at %(row)s)"),
            reference=reference,
        )
    stored = existing.loans.get(external_id)
    if stored is not None:
        # A loan's ledger is in its product's currency and belongs to its borrower.
        if product is not None and stored.product.id != product.id:
            f.error(
                "product_code",
                _("loan %(id)s was imported with product %(code)s; a loan cannot change product")
                % {"id": external_id, "code": stored.product.code},
            )
        if borrower_id and stored.values.borrower_external_id != borrower_id:
            f.error(
                "borrower_external_id",
                _("loan %(id)s belongs to borrower %(borrower)s; a loan cannot change borrower")
                % {"id": external_id, "borrower": stored.values.borrower_external_id},
            )
    if not f.ok:
        return
    clean = CleanLoan(
        external_id=external_id,
        borrower_external_id=borrower_id,
        product_id=product.id,
        reference=reference,
        principal=principal,
        disbursed_on=disbursed_on,
        first_due_date=first_due_date,
        installment_count=installment_count,
        installment_amount=installment_amount,
    )
    if stored is not None and stored.values == clean:
        batch.counts["loans_unchanged"] += 1
        return
    if stored is not None:
        changed = [
            name
            for name in Loan.MONEY_TERMS
            if getattr(stored.values, name) != getattr(clean, name)
        ]
        ledger = existing.ledgers.get(external_id, LedgerSummary())
        if changed and ledger.entries:
            if not stored.product.restructuring_allowed:
                for name in changed:
                    f.error(
                        name,
                        _(
                            "loan %(id)s has been paid out (its ledger has entries), so its "
                            "%(field)s cannot change: product %(code)s does not allow "
                            "restructuring"
                        )
                        % {"id": external_id, "field": name, "code": stored.product.code},
                    )
                return
            batch.restructured[external_id] = (f.row, clean, ledger, changed)
        batch.stored_loans[external_id] = stored.values
    batch.counts["loans_created" if stored is None else "loans_updated"] += 1
    batch.loans.append(clean)


def _entry(f: _Fields, batch: _Batch) -> None:
    existing = batch.existing
    by_reference = "payment_reference" in f.fields
    loan_id = f.text("loan_external_id", max_length=ID_LENGTH, required=not by_reference)
    product = None
    if loan_id:
        if batch.knows_loan(loan_id):
            product = batch.product_of_loan(loan_id)
        else:
            f.error(
                "loan_external_id",
                _("no loan %(id)s in this batch or already imported") % {"id": loan_id},
            )
    external_id = f.text("external_id", max_length=ID_LENGTH, required=True)
    kind = f.choice("kind", KINDS)
    if by_reference:
        named = _payment_reference(f, batch, kind=kind, loan_id=loan_id)
        if named and not loan_id:
            loan_id = named
            product = batch.product_of_loan(loan_id)
    effective_date = f.day("effective_date")
    amount = f.money("amount", product.currency if product else None)
    component = f.text("component", max_length=20).lower()
    if kind == EntryKind.WAIVER:
        if not component:
            f.error("component", _("a waiver must say what it waives: principal, interest or fees"))
        elif component not in COMPONENTS:
            f.error(
                "component",
                _("%(value)s is not one of: %(choices)s")
                % {"value": component, "choices": ", ".join(sorted(COMPONENTS))},
            )
    elif component:
        f.error("component", _("only a waiver names a component; leave it blank"))
    reverses = f.text("reverses_external_id", max_length=ID_LENGTH)
    if kind == EntryKind.REVERSAL and not reverses:
        f.error("reverses_external_id", _("a reversal must name the entry it reverses"))
    elif kind != EntryKind.REVERSAL and reverses:
        f.error("reverses_external_id", _("only a reversal names an entry to reverse"))
    description = f.text("description", max_length=DESCRIPTION_LENGTH)
    if product is not None and product.servicing_enabled and kind in SERVICED_KINDS:
        f.error(
            "kind",
            _(
                "the portal posts %(kind)s entries for product %(code)s itself; leave them out, "
                "or switch off portal servicing for the product"
            )
            % {"kind": kind, "code": product.code},
        )

    key = (loan_id, external_id)
    if loan_id and external_id:
        first = batch.entries.get(key)
        if first is not None:
            f.error(
                "external_id",
                _("entry %(id)s of loan %(loan)s appears twice in the batch (first at %(row)s)")
                % {"id": external_id, "loan": loan_id, "row": first[0]},
            )
    stored = existing.entries.get(key)
    reverses_id = None
    if kind == EntryKind.REVERSAL and reverses and loan_id and batch.knows_loan(loan_id):
        reverses_id = _check_reversal(
            f,
            batch,
            loan_id=loan_id,
            external_id=external_id,
            reverses=reverses,
            effective_date=effective_date,
            amount=amount,
        )

    clean = None
    if f.ok:
        clean = CleanEntry(
            loan_external_id=loan_id,
            external_id=external_id,
            kind=kind,
            effective_date=effective_date,
            amount=amount,
            component=component,
            description=description,
            reverses_external_id=reverses,
            reverses_id=reverses_id,
        )
    batch.entries.setdefault(key, (f.row, clean))
    if clean is None:
        return
    if stored is not None:
        if stored.values == clean:
            batch.counts["entries_skipped"] += 1
            return
        f.error(
            "external_id",
            _(
                "entry %(id)s was already imported with different values (%(fields)s); "
                "send a reversal instead"
            )
            % {"id": external_id, "fields": ", ".join(_differences(stored.values, clean))},
        )
        return
    batch.counts["entries_created"] += 1
    batch.new_entries.append(clean)


def _payment_reference(f: _Fields, batch: _Batch, *, kind: str, loan_id: str) -> str:
    """The loan a payment names by its payment reference, or "" with the problem noted. A
    reference that names no loan the batch may see gets the same answer whoever holds it."""
    reported = len(f.errors)
    written = f.text("payment_reference", max_length=PAYMENT_REFERENCE_LENGTH)
    if not written or len(f.errors) > reported:  # not text, or too long: already reported
        return ""
    # Only a payment arrives with the borrower's reference on a bank statement; a reversal or
    # a fee is the lender's own doing, and names its loan by the lender's id.
    if kind in KINDS and kind != EntryKind.PAYMENT:
        f.error(
            "payment_reference",
            _(
                "only a payment can name its loan by payment reference; name the loan of a "
                "%(kind)s by loan_external_id"
            )
            % {"kind": kind},
        )
        return ""
    body = loan_reference_body(written)
    if body is None:
        f.error(
            "payment_reference",
            _(
                "%(value)s looks mistyped: its last two characters (the check characters) do not "
                "match the rest, so it is not a payment reference; check it against the bank "
                "statement"
            )
            % {"value": written},
        )
        return ""
    named = batch.loans_with_payment_reference(body)
    if not named:
        f.error(
            "payment_reference",
            _("no loan with payment reference %(value)s in this batch or already imported")
            % {"value": written},
        )
        return ""
    if loan_id in named:
        return loan_id
    if loan_id:
        f.error(
            "payment_reference",
            _(
                "payment reference %(value)s does not belong to loan %(loan)s; when you send "
                "both, they must name the same loan"
            )
            % {"value": written, "loan": loan_id},
        )
        return ""
    if len(named) > 1:
        f.error(
            "payment_reference",
            _(
                "payment reference %(value)s matches more than one loan (%(loans)s); name the "
                "loan by loan_external_id"
            )
            % {"value": written, "loans": ", ".join(sorted(named))},
        )
        return ""
    (only,) = named
    return only


def _differences(stored: CleanEntry, clean: CleanEntry) -> list[str]:
    names = ["kind", "effective_date", "amount", "component", "description"]
    changed = [name for name in names if getattr(stored, name) != getattr(clean, name)]
    if stored.reverses_external_id != clean.reverses_external_id:
        changed.append("reverses_external_id")
    return changed


def _check_reversal(
    f: _Fields,
    batch: _Batch,
    *,
    loan_id: str,
    external_id: str,
    reverses: str,
    effective_date: date | None,
    amount: Decimal | None,
) -> int | None:
    """Check the entry a reversal cancels; returns its pk when it is already stored."""
    key = (loan_id, reverses)
    stored = batch.existing.entries.get(key)
    earlier = batch.entries.get(key)
    if reverses == external_id:
        f.error("reverses_external_id", _("an entry cannot reverse itself"))
        return None
    if stored is None and earlier is None:
        if key in batch.entry_keys:
            message = _("entry %(id)s comes later in the batch; list it before its reversal")
        else:
            message = _("no entry %(id)s on loan %(loan)s, in this batch or already imported")
        f.error("reverses_external_id", message % {"id": reverses, "loan": loan_id})
        return None
    target = stored.values if stored is not None else earlier[1]
    reversed_by = batch.reversed_in_batch.get(key) or batch.existing.reversed_by.get(key)
    batch.reversed_in_batch.setdefault(key, external_id)
    if target is None:  # the entry's own row is bad and already reported
        return None
    if target.kind == EntryKind.REVERSAL:
        f.error(
            "reverses_external_id",
            _("entry %(id)s is itself a reversal; a reversal cannot be reversed")
            % {"id": reverses},
        )
    elif reversed_by is not None and reversed_by != external_id:
        f.error(
            "reverses_external_id",
            _("entry %(id)s is already reversed by entry %(by)s")
            % {"id": reverses, "by": reversed_by},
        )
    if effective_date and effective_date < target.effective_date:
        f.error(
            "effective_date",
            _("before the entry it reverses, dated %(date)s")
            % {"date": target.effective_date.isoformat()},
        )
    if amount is not None and amount != target.amount:
        f.error(
            "amount",
            _("must equal the amount of the entry it reverses, %(amount)s")
            % {"amount": target.amount},
        )
    return stored.id if stored is not None else None


def _check_restructures(batch: _Batch) -> None:
    """Each restructured loan against its ledger as the batch leaves it: what the stored
    entries paid out, plus the batch's disbursements, less its reversals of disbursements.
    A loan with a bad entry in the batch is left to that entry's error."""
    spoiled = {
        loan_id for (loan_id, _entry_id), (_row, clean) in batch.entries.items() if clean is None
    }
    paid_in_batch: dict[str, Decimal] = {}
    first_in_batch: dict[str, date] = {}
    for entry in batch.new_entries:
        loan_id = entry.loan_external_id
        if loan_id not in batch.restructured:
            continue
        first = first_in_batch.get(loan_id)
        if first is None or entry.effective_date < first:
            first_in_batch[loan_id] = entry.effective_date
        change = Decimal(0)
        if entry.kind == EntryKind.DISBURSEMENT:
            change = entry.amount
        elif entry.kind == EntryKind.REVERSAL and (
            _kind_of(batch, loan_id, entry.reverses_external_id) == EntryKind.DISBURSEMENT
        ):
            change = -entry.amount
        paid_in_batch[loan_id] = paid_in_batch.get(loan_id, Decimal(0)) + change
    for loan_id, (row, clean, ledger, changed) in batch.restructured.items():
        if loan_id in spoiled:
            continue
        if "principal" in changed:
            paid_out = ledger.paid_out + paid_in_batch.get(loan_id, Decimal(0))
            if paid_out != clean.principal:
                batch.errors.append(
                    RowError(
                        row,
                        "principal",
                        _(
                            "loan %(id)s: a restructured principal must equal what its ledger "
                            "shows paid out, %(paid)s; post the change to the ledger in the same "
                            "batch (a reversal of the disbursement and a new disbursement)"
                        )
                        % {
                            "id": loan_id,
                            "paid": round_money(
                                paid_out, batch.existing.loans[loan_id].product.currency
                            ),
                        },
                    )
                )
        if "disbursed_on" in changed:
            days = [day for day in (ledger.first_day, first_in_batch.get(loan_id)) if day]
            if days and clean.disbursed_on > min(days):
                batch.errors.append(
                    RowError(
                        row,
                        "disbursed_on",
                        _(
                            "loan %(id)s: a restructure cannot move the start date after the "
                            "loan's first ledger entry, dated %(date)s"
                        )
                        % {"id": loan_id, "date": min(days).isoformat()},
                    )
                )


def _kind_of(batch: _Batch, loan_id: str, entry_id: str) -> str | None:
    """The kind of an entry of the batch or of the ledger."""
    earlier = batch.entries.get((loan_id, entry_id))
    if earlier is not None and earlier[1] is not None:
        return earlier[1].kind
    stored = batch.existing.entries.get((loan_id, entry_id))
    return stored.values.kind if stored is not None else None


_CHECKS = {BORROWER: _borrower, LOAN: _loan, ENTRY: _entry}


def validate_batch(*, records: Sequence[RawRecord], existing: Existing, today: date) -> WritePlan:
    """The plan for ``records``, or ``BatchRejected`` listing every problem in batch order."""
    batch = _Batch(records, existing, today)
    errors = batch.errors
    unknown_kind = _("%(value)s is not a record type; use borrower, loan or entry")
    for record in records:
        check = _CHECKS.get(record.kind)
        if check is None:
            message = unknown_kind % {"value": record.kind} if record.kind else _("required")
            errors.append(RowError(record.row, "record", message))
            continue
        fields = _Fields(record, errors)
        fields.unknown_fields(FIELDS[record.kind], record.kind)
        check(fields, batch)
    if batch.restructured:
        _check_restructures(batch)
    if errors:
        raise BatchRejected(errors)
    return WritePlan(
        borrowers=tuple(batch.borrowers),
        loans=tuple(batch.loans),
        entries=tuple(batch.new_entries),
        result=ImportResult(**batch.counts),
        stored_borrowers=batch.stored_borrowers,
        stored_loans=batch.stored_loans,
        restructured=frozenset(batch.restructured),
    )
