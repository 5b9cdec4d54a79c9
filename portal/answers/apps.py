from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnswersConfig(AppConfig):
    name = "portal.answers"
    label = "answers"
    verbose_name = _("Help answers")
    default_auto_field = "django.db.models.BigAutoField"
