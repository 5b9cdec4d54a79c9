from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RepaymentConfig(AppConfig):
    name = "repayment"
    verbose_name = _("Loans and repayment")

    def ready(self):
        from portal.core.bulk import register_lookups

        register_lookups()
