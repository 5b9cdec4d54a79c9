"""What the console shows of one borrower, read in a fixed number of queries whatever the
number of loans, plans, messages or contacts: every list is read for all loans at once, and the
long ones (messages, contacts, notes) stop at the most recent few, with a page for the rest.

Each loan's figures come from ``build_statement``, the same pure function the borrower's
statement is made by, over ledger lines read for all the borrower's loans in one query."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404
from django.utils import timezone

from portal.notifications.models import ContactAttempt, ContactPreferences, OutboundMessage
from repayment.ledger.reading import LINE_FIELDS, local_today
from repayment.ledger.replay import Line
from repayment.models import (
    Borrower,
    Dispute,
    LedgerEntry,
    Loan,
    Pause,
    PaymentReport,
    PaymentReportStatus,
    Plan,
    PlanStatus,
    Promise,
    PromiseStatus,
    Proposal,
)
from repayment.plans.keeping_on_track import progress_of
from repayment.plans.payments_matched import Progress
from repayment.statements.build import Statement, build_statement
from repayment.statements.circumstances import circumstances, rows_from

from .models import Note

RECENT = 10  # messages, contacts and notes shown on the borrower page; the rest on their page


@dataclass(frozen=True, slots=True)
class PlanView:
    plan: Plan
    progress: Progress


@dataclass(frozen=True, slots=True)
class LoanView:
    loan: Loan
    statement: Statement
    plans: tuple[PlanView, ...]
    proposals: tuple[Proposal, ...]
    pauses: tuple[Pause, ...]
    disputes: tuple[Dispute, ...]
    promises: tuple[Promise, ...] = ()
    payment_reports: tuple[PaymentReport, ...] = ()

    @property
    def open_promise(self) -> Promise | None:
        return next((p for p in self.promises if p.status == PromiseStatus.OPEN), None)

    @property
    def open_report(self) -> PaymentReport | None:
        return next((r for r in self.payment_reports if r.status == PaymentReportStatus.OPEN), None)


@dataclass(frozen=True, slots=True)
class Recent:
    """The newest rows of a long list, and whether older ones exist."""

    items: tuple
    more: bool


@dataclass(frozen=True, slots=True)
class Account:
    borrower: Borrower
    preferences: ContactPreferences
    preferences_saved: bool
    loans: tuple[LoanView, ...]
    messages: Recent
    contacts: Recent
    notes: Recent

    @property
    def linked(self) -> bool:
        return self.borrower.user_id is not None


def borrower_or_404(pk: int) -> Borrower:
    return get_object_or_404(Borrower.objects.select_related("user", "contact_preferences"), pk=pk)


def account_of(borrower: Borrower, *, now: datetime | None = None) -> Account:
    now = now or timezone.now()
    today = local_today(now, borrower.time_zone)
    loans = _loans(borrower)
    by_loan = {loan.pk: loan for loan in loans}
    lines = _lines(by_loan, today)
    plans = _grouped(Plan.objects.filter(loan__in=loans).prefetch_related("installments"), by_loan)
    proposals = _grouped(Proposal.objects.filter(loan__in=loans), by_loan)
    pauses = _grouped(Pause.objects.filter(loan__in=loans), by_loan)
    disputes = _grouped(Dispute.objects.filter(loan__in=loans).select_related("entry"), by_loan)
    promises = _grouped(Promise.objects.filter(loan__in=loans), by_loan)
    reports = _grouped(
        PaymentReport.objects.filter(loan__in=loans).order_by("-reported_on", "-pk"), by_loan
    )
    views = tuple(
        LoanView(
            loan=loan,
            statement=build_statement(
                loan=loan,
                lines=lines[loan.pk],
                milestones=list(loan.product.milestones.all()),
                as_of=now,
                today=today,
                circumstances=circumstances(
                    rows_from(
                        loan,
                        plans=plans[loan.pk],
                        pauses=pauses[loan.pk],
                        disputes=disputes[loan.pk],
                    ),
                    lines=lines[loan.pk],
                    today=today,
                ),
            ),
            plans=tuple(
                PlanView(plan, progress_of(plan, today=today, lines=lines[loan.pk]))
                for plan in plans[loan.pk]
            ),
            proposals=tuple(proposals[loan.pk]),
            pauses=tuple(pauses[loan.pk]),
            disputes=tuple(disputes[loan.pk]),
            promises=tuple(promises[loan.pk]),
            payment_reports=tuple(reports[loan.pk]),
        )
        for loan in loans
    )
    saved = getattr(borrower, "contact_preferences", None)
    return Account(
        borrower=borrower,
        preferences=saved or ContactPreferences(),
        preferences_saved=saved is not None,
        loans=views,
        messages=recent(messages_of(borrower)),
        contacts=recent(contacts_of(borrower)),
        notes=recent(notes_of(borrower)),
    )


def messages_of(borrower: Borrower):
    return OutboundMessage.objects.filter(borrower=borrower).order_by("-send_at", "-pk")


def contacts_of(borrower: Borrower):
    return (
        ContactAttempt.objects.filter(borrower=borrower)
        .select_related("recorded_by")
        .order_by("-at", "-pk")
    )


def notes_of(borrower: Borrower):
    return (
        Note.objects.filter(borrower=borrower)
        .select_related("author")
        .order_by("-created_at", "-pk")
    )


def recent(queryset, *, size: int = RECENT, offset: int = 0) -> Recent:
    """``size`` rows from ``offset``, and whether more follow: one query, no COUNT."""
    rows = list(queryset[offset : offset + size + 1])
    return Recent(items=tuple(rows[:size]), more=len(rows) > size)


def _loans(borrower: Borrower) -> list[Loan]:
    active_plan = Plan.objects.filter(loan=OuterRef("pk"), status=PlanStatus.ACTIVE)
    loans = list(
        Loan.objects.filter(borrower=borrower)
        .annotate(has_active_plan=Exists(active_plan))
        .select_related("product__lender", "product__plan_policy")
        .prefetch_related("product__milestones")
        .order_by("-disbursed_on", "reference")
    )
    for loan in loans:
        loan.borrower = borrower  # the statement reads the time zone from it
    return loans


def _lines(by_loan: dict[int, Loan], today) -> dict[int, list[Line]]:
    lines: dict[int, list[Line]] = defaultdict(list)
    rows = (
        LedgerEntry.objects.filter(loan_id__in=by_loan, effective_date__lte=today)
        .order_by("pk")
        .values_list("loan_id", *LINE_FIELDS)
    )
    for loan_id, *fields in rows:
        lines[loan_id].append(Line(*fields))
    return lines


def _grouped(queryset, by_loan: dict[int, Loan]) -> dict[int, list]:
    grouped: dict[int, list] = defaultdict(list)
    for row in queryset:
        row.loan = by_loan[row.loan_id]
        grouped[row.loan_id].append(row)
    return grouped
