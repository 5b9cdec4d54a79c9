from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "portal.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from django.conf import settings

        from portal.core.change_history import track

        from . import signals  # noqa: F401 - connects the receivers

        # A password hash is a secret, and sign-ins are not changes anyone made to the account.
        track(
            settings.AUTH_USER_MODEL,
            exclude_fields=["password", "last_login"],
            borrower=_borrower_of_login,
        )
        # Who has which authenticator, when one is removed and why; never its secret.
        track("mfa.Authenticator", exclude_fields=["data", "last_used_at"])
        # Roles and the addresses logins sign in with, as administrators change them.
        track("auth.Group")
        track("account.EmailAddress")


def _borrower_of_login(user) -> int | None:
    from repayment.models import Borrower

    return Borrower.objects.filter(user_id=user.pk).values_list("pk", flat=True).first()
