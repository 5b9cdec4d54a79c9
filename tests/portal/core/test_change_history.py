"""Each app tracks its own models' change history in its ``AppConfig.ready()``
(``portal.core.change_history``); together they are the models whose changes matter, each with
the fields that may be shown."""

from auditlog.registry import auditlog
from django.apps import apps

from portal.core.change_history import borrower_rule

TRACKED = {
    "repayment.Borrower",
    "repayment.Loan",
    "repayment.LoanProduct",
    "repayment.Lender",
    "repayment.PlanPolicy",
    "repayment.Proposal",
    "repayment.Plan",
    "repayment.Pause",
    "repayment.Dispute",
    "repayment.PaymentMethod",
    "notifications.ContactPreferences",
    "notifications.Suppression",
    "notifications.ContactAttempt",
    "notifications.MessageTemplate",
    "support.Note",
    "support.Assignment",
    "audit.Disclosure",
    "accounts.User",
    "lender_api.LenderKey",
    "webhooks.WebhookEndpoint",
    "mfa.Authenticator",
    "auth.Group",
    "account.EmailAddress",
}
# Secrets, and what changes without anyone changing it (a sign-in, a key's use).
NEVER_RECORDED = {
    "accounts.User": {"password", "last_login"},
    "lender_api.LenderKey": {"digest", "last_used_at"},
    "webhooks.WebhookEndpoint": {"secret"},
    "mfa.Authenticator": {"data", "last_used_at"},
}


def test_the_models_whose_changes_matter_are_tracked_and_no_others():
    assert {model._meta.label for model in auditlog.get_models()} == TRACKED


def test_secrets_and_uses_are_never_recorded():
    for label, secret in NEVER_RECORDED.items():
        fields = auditlog.get_model_fields(apps.get_model(label))
        assert secret <= set(fields["exclude_fields"]), label


def test_a_model_tracks_its_own_columns_not_its_reverse_relations():
    loan = apps.get_model("repayment.Loan")

    included = auditlog.get_model_fields(loan)["include_fields"]

    assert set(included) == {field.name for field in loan._meta.concrete_fields}


def test_only_the_models_whose_own_fields_do_not_name_a_borrower_give_a_rule():
    with_rule = {label for label in TRACKED if borrower_rule(apps.get_model(label))}

    assert with_rule == {"repayment.Borrower", "support.Assignment", "accounts.User"}
