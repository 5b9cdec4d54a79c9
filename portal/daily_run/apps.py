from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DailyRunConfig(AppConfig):
    name = "portal.daily_run"
    label = "daily_run"
    verbose_name = _("Daily run")
    default_auto_field = "django.db.models.BigAutoField"
