"""Field-by-field change history, by django-auditlog, of the models whose changes matter,
registered here so that the apps that own them stay unaware of it.

``repayment.LedgerEntry`` is not registered: the ledger is append-only (corrections are
reversing entries), so it is its own history. Each entry that concerns a borrower gets a
``ChangeBorrower`` row in the same transaction, which is what the trail searches by."""

from auditlog.registry import auditlog
from auditlog.signals import post_log
from django.apps import apps
from django.conf import settings

from .subjects import borrower_id_of

TRACKED = (
    "repayment.Borrower",
    "repayment.Loan",
    "repayment.LoanProduct",
    "repayment.Lender",
    "repayment.PlanPolicy",
    "repayment.Proposal",
    "repayment.Plan",
    "repayment.Pause",
    "repayment.Dispute",
    "notifications.ContactPreferences",
    "notifications.Suppression",
    "notifications.ContactAttempt",
    "notifications.MessageTemplate",
    "support.Note",
    "support.Assignment",
    "audit.Disclosure",
)
# A password hash is a secret, and sign-ins are not changes anyone made to the account.
USER_EXCLUDED_FIELDS = ["password", "last_login"]
# The lender's integration: who made or revoked a key, who pointed the webhook where. Never
# the key's digest or the signing secret; a key's use is not a change.
TRACKED_WITHOUT = {
    "lender_api.LenderKey": ["digest", "last_used_at"],
    "webhooks.WebhookEndpoint": ["secret"],
    # Who has which authenticator, when one is removed and why; never its secret.
    "mfa.Authenticator": ["data", "last_used_at"],
    # Roles and the addresses logins sign in with, as administrators change them.
    "auth.Group": [],
    "account.EmailAddress": [],
}


def register() -> None:
    for label in TRACKED:
        _register(apps.get_model(label))
    _register(apps.get_model(settings.AUTH_USER_MODEL), exclude_fields=USER_EXCLUDED_FIELDS)
    for label, excluded in TRACKED_WITHOUT.items():
        _register(apps.get_model(label), exclude_fields=excluded)
    post_log.connect(link_borrower, dispatch_uid="audit.link_borrower")


def _register(model, **options) -> None:
    if auditlog.contains(model):
        return
    # The model's own columns only: auditlog would otherwise list every reverse relation
    # ("plans: None") on each creation.
    fields = [field.name for field in model._meta.concrete_fields]
    auditlog.register(model, include_fields=fields, **options)


def link_borrower(sender, instance, log_entry=None, log_created=False, **kwargs):
    if not log_created or log_entry is None:
        return
    borrower_id = borrower_id_of(instance)
    if borrower_id is not None:
        from .models import ChangeBorrower

        ChangeBorrower.objects.create(entry=log_entry, borrower_id=borrower_id)
