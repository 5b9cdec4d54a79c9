from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Whose changes the audit trail shows. Not the ledger: it is append-only (corrections are
# reversing entries), so it is its own history.
TRACKED = (
    "Loan",
    "LoanProduct",
    "Lender",
    "PlanPolicy",
    "Proposal",
    "Plan",
    "Pause",
    "Dispute",
    "PaymentMethod",
)


class RepaymentConfig(AppConfig):
    name = "repayment"
    verbose_name = _("Loans and repayment")

    def ready(self):
        from portal.core.bulk import register_lookups
        from portal.core.change_history import track

        register_lookups()
        track("repayment.Borrower", borrower=lambda borrower: borrower.pk)
        for model in TRACKED:
            track(f"repayment.{model}")
