from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConversationsConfig(AppConfig):
    name = "portal.conversations"
    label = "conversations"
    verbose_name = _("Conversations with support")
    default_auto_field = "django.db.models.BigAutoField"
