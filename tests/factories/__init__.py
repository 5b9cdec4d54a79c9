"""factory_boy factories, one module an app (``tests.factories.repayment``, ...). Tests import
them from here: ``from tests.factories import LoanFactory``."""

from .accounts import PASSWORD, UserFactory
from .notifications import SuppressionFactory
from .repayment import (
    BorrowerFactory,
    BudgetFactory,
    EntryFactory,
    LenderFactory,
    LoanFactory,
    LoanProductFactory,
    MilestoneFactory,
    PlanFactory,
    ProposalFactory,
)

__all__ = [
    "PASSWORD",
    "BorrowerFactory",
    "BudgetFactory",
    "EntryFactory",
    "LenderFactory",
    "LoanFactory",
    "LoanProductFactory",
    "MilestoneFactory",
    "PlanFactory",
    "ProposalFactory",
    "SuppressionFactory",
    "UserFactory",
]
