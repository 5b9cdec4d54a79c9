"""What the borrower API keeps of its own: the answers it gave to requests that carried an
``Idempotency-Key``, so that a retried request gets the first answer instead of a second plan
or proposal (``portal.api.idempotency``)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class IdempotencyKey(models.Model):
    """One key a login used, with a fingerprint of the request it came with and the answer it
    got. Keys are per login: two borrowers' apps may pick the same key without meeting."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("login"),
    )
    key = models.CharField(_("key"), max_length=255)
    # SHA-256 of the method, the path and the body in canonical JSON.
    fingerprint = models.CharField(max_length=64)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    response = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("idempotency key")
        verbose_name_plural = _("idempotency keys")
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="api_idempotency_key_per_user")
        ]

    def __str__(self):
        return f"{self.user_id}: {self.key}"
