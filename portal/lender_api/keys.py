"""Making, checking and revoking lender API keys.

A key reads ``lk_<prefix>_<secret>``: ``lk`` marks it as a lender key (easy to spot in a log or
a secret scanner), the prefix (8 hexadecimal characters) finds the key's row and names it to
staff, and the secret is 43 URL-safe characters carrying 32 random bytes. Only the SHA-256
digest of the whole key is stored, so the key is shown once, when it is made, and never again.
Nothing is cached: a revoked key is refused from the next request on.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from repayment.models import Lender

from .models import LenderKey

KIND = "lk"
PREFIX_BYTES = 4
SECRET_BYTES = 32

BORROWERS_WRITE = "borrowers:write"
LOANS_WRITE = "loans:write"
LEDGER_WRITE = "ledger:write"
PLANS_READ = "plans:read"
PROMISES_READ = "promises:read"
PAYMENT_REPORTS_READ = "payment-reports:read"
SCOPES = {
    BORROWERS_WRITE: gettext_lazy("Create and update borrowers"),
    LOANS_WRITE: gettext_lazy("Create and update loans"),
    LEDGER_WRITE: gettext_lazy("Post ledger entries"),
    PLANS_READ: gettext_lazy("Read the plans borrowers agreed"),
    PROMISES_READ: gettext_lazy("Read the promises to pay borrowers made"),
    PAYMENT_REPORTS_READ: gettext_lazy("Read the payments borrowers told us they made"),
}

# last_used_at is for staff deciding whether a key is still in use: to the minute is plenty,
# and a busy key then costs one UPDATE a minute instead of one per request.
TOUCH_EVERY = timedelta(minutes=1)


class KeyRefused(Exception):
    """The request's key cannot be used; the message says why, for the lender's developer."""


@dataclass(frozen=True, slots=True)
class NewKey:
    key: LenderKey
    # The full key, to show once: it is not stored and cannot be recovered.
    plaintext: str


def digest_of(plaintext: str) -> str:
    return hashlib.sha256(plaintext.encode()).hexdigest()


def unknown_scopes(scopes: Collection[str]) -> list[str]:
    return sorted(set(scopes) - SCOPES.keys())


def create_key(*, lender: Lender, name: str, scopes: Collection[str], created_by=None) -> NewKey:
    """A new key for ``lender``; raises ValueError for a scope that does not exist."""
    unknown = unknown_scopes(scopes)
    if unknown:
        raise ValueError(_("Unknown scope: %(scopes)s") % {"scopes": ", ".join(unknown)})
    ordered = [scope for scope in SCOPES if scope in scopes]
    # A clash of two random 32-bit prefixes is rare but possible; the unique index catches it.
    for _attempt in range(5):
        prefix = secrets.token_hex(PREFIX_BYTES)
        plaintext = f"{KIND}_{prefix}_{secrets.token_urlsafe(SECRET_BYTES)}"
        try:
            with transaction.atomic():
                key = LenderKey.objects.create(
                    lender=lender,
                    name=name,
                    prefix=prefix,
                    digest=digest_of(plaintext),
                    scopes=ordered,
                    created_by=created_by,
                )
        except IntegrityError:
            continue
        return NewKey(key=key, plaintext=plaintext)
    raise RuntimeError("no free key prefix after 5 attempts")


def prefix_of(plaintext: str) -> str | None:
    kind, _sep, rest = plaintext.partition("_")
    prefix, _sep, secret = rest.partition("_")
    if kind != KIND or len(prefix) != PREFIX_BYTES * 2 or not secret:
        return None
    return prefix


def check_key(*, plaintext: str, now: datetime | None = None) -> LenderKey:
    """The live key ``plaintext`` names, or ``KeyRefused``. Whether a key was revoked is told
    only to a caller holding the whole key; anyone else learns only that it is not valid."""
    invalid = KeyRefused(_("The API key is not valid."))
    prefix = prefix_of(plaintext)
    if prefix is None:
        raise invalid
    key = LenderKey.objects.select_related("lender").filter(prefix=prefix).first()
    if key is None or not hmac.compare_digest(key.digest, digest_of(plaintext)):
        raise invalid
    if key.revoked_at is not None:
        raise KeyRefused(_("The API key was revoked. Ask the portal's staff for a new key."))
    now = now or timezone.now()
    if key.last_used_at is None or now - key.last_used_at >= TOUCH_EVERY:
        LenderKey.objects.filter(pk=key.pk).update(last_used_at=now)
        key.last_used_at = now
    return key


def revoke_key(*, key: LenderKey, now: datetime | None = None) -> bool:
    """Revoke ``key``; False if it already was (its first revocation time stays)."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = LenderKey.objects.select_for_update().get(pk=key.pk)
        if locked.revoked_at is not None:
            return False
        # save(), not update(): the change history records who revoked it.
        locked.revoked_at = now
        locked.save(update_fields=["revoked_at"])
    key.revoked_at = now
    return True
