"""Per-lender API keys: what the lender's system presents to /api/lender/v1/."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from repayment.models import Lender


class LenderKey(models.Model):
    """One key the lender's system signs its requests with.

    Only the SHA-256 digest of the key is kept. A slow password hash (PBKDF2, Argon2) exists to
    make guessing a human's weak password expensive; this key carries 256 random bits from
    ``secrets``, so guessing is hopeless whatever the hash, and a fast hash keeps every request
    cheap. The prefix is public: it finds the row and names the key to staff and in logs.
    """

    lender = models.ForeignKey(
        Lender, on_delete=models.PROTECT, related_name="api_keys", verbose_name=_("lender")
    )
    name = models.CharField(
        _("name"),
        max_length=100,
        help_text=_("What the key is for, e.g. 'core banking, production'."),
    )
    prefix = models.CharField(_("prefix"), max_length=16, unique=True, editable=False)
    digest = models.CharField(max_length=64, editable=False)
    scopes = models.JSONField(_("scopes"), default=list)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("lender API key")
        verbose_name_plural = _("lender API keys")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.prefix} ({self.name})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
