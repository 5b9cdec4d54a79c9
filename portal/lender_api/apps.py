from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LenderApiConfig(AppConfig):
    """The lender integration API (/api/lender/v1/): per-lender keys, batches in, plans out."""

    name = "portal.lender_api"
    label = "lender_api"
    verbose_name = _("Lender integration API")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.core.change_history import track

        # Who made or revoked a key; never its digest, and a key's use is not a change.
        track("lender_api.LenderKey", exclude_fields=["digest", "last_used_at"])
