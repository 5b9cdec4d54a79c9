"""The repayment app's models: loans and their ledger (``loans``), and the plans, pauses and
disputes built on them (``plans``)."""

from portal.core.append_only import AppendOnly, AppendOnlyQuerySet
from repayment.models.engagement import EngagementEvent, EngagementKind
from repayment.models.hardship import (
    Dispute,
    DisputeStatus,
    Pause,
    PauseReason,
    PauseStatus,
    Promise,
    PromiseStatus,
)
from repayment.models.lender_events import LenderEvent
from repayment.models.payment_methods import PaymentMethod, PaymentMethodKind
from repayment.models.payment_reports import PaymentReport, PaymentReportStatus
from repayment.models.plans import (
    Budget,
    Decision,
    Plan,
    PlanInstallment,
    PlanKind,
    PlanPolicy,
    PlanStatus,
    Proposal,
    ProposalStatus,
    Segment,
    StaffDecision,
)
from repayment.models.positions import LoanPosition, LoanPositionDay
from repayment.models.statement_pdfs import StatementPdf, StatementPdfStatus

from .loans import (
    CURRENCY_CODE,
    Borrower,
    Component,
    ConsequenceMilestone,
    ContactRules,
    DayCountBasis,
    EntryKind,
    EntrySource,
    Frequency,
    InterestMethod,
    Language,
    LedgerEntry,
    Lender,
    Loan,
    LoanProduct,
)

__all__ = [
    "CURRENCY_CODE",
    "AppendOnly",
    "AppendOnlyQuerySet",
    "Borrower",
    "Budget",
    "Component",
    "ConsequenceMilestone",
    "ContactRules",
    "DayCountBasis",
    "Decision",
    "Dispute",
    "DisputeStatus",
    "EngagementEvent",
    "EngagementKind",
    "EntryKind",
    "EntrySource",
    "Frequency",
    "InterestMethod",
    "Language",
    "LedgerEntry",
    "Lender",
    "LenderEvent",
    "Loan",
    "LoanPosition",
    "LoanPositionDay",
    "LoanProduct",
    "Pause",
    "PauseReason",
    "PauseStatus",
    "PaymentMethod",
    "PaymentMethodKind",
    "PaymentReport",
    "PaymentReportStatus",
    "Plan",
    "PlanInstallment",
    "PlanKind",
    "PlanPolicy",
    "PlanStatus",
    "Promise",
    "PromiseStatus",
    "Proposal",
    "ProposalStatus",
    "Segment",
    "StaffDecision",
    "StatementPdf",
    "StatementPdfStatus",
]
