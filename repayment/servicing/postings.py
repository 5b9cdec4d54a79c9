"""Daily servicing: post what falls due under a loan product's terms (interest, installments,
late fees), never twice, and nothing on frozen days. See docs/servicing.md."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction

from repayment.ledger import replay as ledger
from repayment.ledger.reading import ledger_lines
from repayment.ledger.replay import Line
from repayment.models import EntryKind, EntrySource, LedgerEntry, Loan
from repayment.money import ZERO, round_money
from repayment.servicing import late_fees
from repayment.servicing import product_terms as terms
from repayment.servicing.freeze_windows import Freeze, fees_frozen_on, unfrozen_spans


# The ids servicing gives what it posts for installment n, so that a run posts each once and
# others (the console's dispute page) can tell which installment a fee was for.
def installment_external_id(number: int) -> str:
    return f"svc:installment:{number}"


def interest_external_id(number: int) -> str:
    return f"svc:interest:{number}"


_LATE_FEE = "svc:late-fee:"


def late_fee_external_id(number: int) -> str:
    return f"{_LATE_FEE}{number}"


def late_fee_installment(external_id: str | None) -> int | None:
    """The installment number a late fee servicing posted was for; None for any other id."""
    external_id = external_id or ""
    number = external_id.removeprefix(_LATE_FEE)
    return int(number) if external_id.startswith(_LATE_FEE) and number.isdigit() else None


@dataclass(frozen=True)
class Posting:
    external_id: str
    kind: str
    effective_date: date
    amount: Decimal


def interest_for_period(
    *,
    base: Decimal,
    annual_rate_percent: Decimal,
    start: date,
    end: date,
    basis: str,
    currency: str,
    freezes: Sequence[Freeze] = (),
) -> Decimal:
    """``terms.period_interest`` over the days of [start, end) that no freeze stops interest on.

    Each unfrozen span accrues as its own period under the day-count basis, and the period is
    rounded once, so freezes cost no extra rounding and no freezes gives the same figure."""
    if base <= ZERO:
        return ZERO
    spans = unfrozen_spans(start, end, freezes)
    if not spans:
        return ZERO
    rate = base * annual_rate_percent / Decimal(100)
    raw = sum(
        (rate * terms.year_fraction(span_start, span_end, basis) for span_start, span_end in spans),
        start=ZERO,
    )
    return round_money(raw, currency)


def plan_postings(
    *, loan: Loan, lines: list[Line], today: date, freezes: Sequence[Freeze] = ()
) -> list[Posting]:
    """What servicing should post for ``loan`` up to ``today``, given its ledger so far and the
    loan's freeze windows.

    Pure: takes the loan's terms, its lines and its freezes, returns the postings that are
    missing."""
    product = loan.product
    currency = product.currency
    existing = {line.external_id for line in lines}
    working = list(lines)
    planned_id = 10**12  # stand-in ids for planned lines: after real ones on the same day
    postings: list[Posting] = []
    dates = terms.due_dates(
        loan.first_due_date, product.installment_frequency, loan.installment_count
    )
    period_start = loan.disbursed_on

    def add(posting: Posting) -> None:
        nonlocal planned_id
        planned_id += 1
        postings.append(posting)
        working.append(
            Line(
                id=planned_id,
                kind=posting.kind,
                effective_date=posting.effective_date,
                amount=posting.amount,
                external_id=posting.external_id,
            )
        )

    for number, due_on in enumerate(dates, start=1):
        if due_on > today:
            break
        interest_id = interest_external_id(number)
        if interest_id not in existing and product.annual_interest_rate > ZERO:
            before = ledger.replay(ledger.lines_until(working, due_on))
            base = loan.principal if product.interest_method == "flat" else before.balance.principal
            interest = interest_for_period(
                base=base,
                annual_rate_percent=product.annual_interest_rate,
                start=period_start,
                end=due_on,
                basis=product.day_count_basis,
                currency=currency,
                freezes=freezes,
            )
            if interest > ZERO:
                add(Posting(interest_id, EntryKind.INTEREST, due_on, interest))
        installment_id = installment_external_id(number)
        if installment_id not in existing:
            state = ledger.replay(ledger.lines_until(working, due_on))
            amount = loan.installment_amount
            if number == len(dates):
                # The last installment clears whatever is not already due.
                amount = state.balance.total - ledger.amount_due(state)
            if amount > ZERO:
                add(Posting(installment_id, EntryKind.INSTALLMENT_DUE, due_on, amount))
        period_start = due_on

        fee_on = late_fees.charge_day(due_on, grace_days=product.grace_days)
        fee_id = late_fee_external_id(number)
        if (
            fee_on <= today
            and fee_id not in existing
            and not fees_frozen_on(fee_on, freezes)
            # An installment paid in time never gets its fee id: without this cheap check,
            # every run would replay the ledger once per past installment, forever.
            and not ledger.covered(working, obligations_until=due_on, credits_until=fee_on)
        ):
            state = ledger.replay(ledger.lines_until(working, fee_on))
            oldest = ledger.oldest_unpaid_due_date(state)
            if oldest is not None and oldest <= due_on:
                fee = late_fees.fee_amount(
                    product=product,
                    installment_amount=loan.installment_amount,
                    amount_due=ledger.amount_due(state),
                )
                if fee > ZERO:
                    add(Posting(fee_id, EntryKind.FEE, fee_on, fee))
    postings.sort(key=lambda posting: posting.effective_date)
    return postings


def _freezes_for(loan: Loan) -> Sequence[Freeze]:
    # Imported here: the plans package reads the servicing-free parts of this app's models,
    # and servicing is imported by modules the plans package itself imports.
    from repayment.hardship.freezes import freezes_for

    return freezes_for(loan=loan)


def _refresh(loan: Loan) -> None:
    # Imported here for the same reason as the freezes: the table reads plans and hardship.
    from repayment.position_table.keeping import refresh_loan

    refresh_loan(loan)


def service_loan(*, loan: Loan, today: date, freezes: Sequence[Freeze] | None = None) -> int:
    """Post what is missing for one loan; returns how many entries were posted.

    ``freezes`` defaults to the loan's own freeze windows, read under the loan's lock."""
    with transaction.atomic():
        # One servicing run per loan at a time; a second concurrent run waits, then finds
        # everything posted.
        Loan.objects.select_for_update().filter(pk=loan.pk).first()
        if freezes is None:
            freezes = _freezes_for(loan)
        postings = plan_postings(
            loan=loan, lines=ledger_lines(loan=loan), today=today, freezes=freezes
        )
        LedgerEntry.objects.bulk_create(
            [
                LedgerEntry(
                    loan=loan,
                    external_id=p.external_id,
                    kind=p.kind,
                    effective_date=p.effective_date,
                    amount=p.amount,
                    source=EntrySource.SERVICING,
                )
                for p in postings
            ],
            ignore_conflicts=True,
        )
        if postings:
            _refresh(loan)
    return len(postings)


def service_all(*, today: date | None = None) -> int:
    """Service every loan whose product asks for it, each up to its borrower's own today: a
    chunk of loans at a time (``in_bulk``), the same rule as ``service_loan``."""
    # Imported here: the bulk path reads the kept positions, which read this module.
    from repayment.servicing.in_bulk import service_book

    return service_book(today=today)
