from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    """Delivering the lender's events (the ``LenderEvent`` outbox) to its webhook, signed."""

    name = "portal.webhooks"
    label = "webhooks"
    verbose_name = _("Webhooks")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.core.change_history import track

        # Who pointed the webhook where; never the signing secret.
        track("webhooks.WebhookEndpoint", exclude_fields=["secret"])
