from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The borrower API (/api/v1/): the same domain functions as the borrower pages, for apps."""

    name = "portal.api"
    label = "api"
    verbose_name = _("Borrower API")
    default_auto_field = "django.db.models.BigAutoField"
