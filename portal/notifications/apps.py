from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "portal.notifications"
    label = "notifications"
    verbose_name = _("Reminders and messages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.core.change_history import track
        from repayment import events

        from .outbox.planner import on_loan_event

        # What happens to a loan (a plan accepted, a pause granted) is a message to its borrower.
        events.listen(on_loan_event)
        for model in ("ContactPreferences", "Suppression", "ContactAttempt", "MessageTemplate"):
            track(f"notifications.{model}")
