"""Authenticator secrets encrypted at rest.

allauth stores each TOTP secret and recovery-code seed in the database; whoever reads them can
make that person's codes. They are stored encrypted with Fernet (AES-128-CBC with an HMAC)
under ``settings.MFA_ENCRYPTION_KEYS``: the first key encrypts, every key decrypts, so a key is
rotated by putting a new one first and running ``manage.py rotate_mfa_key``."""

from __future__ import annotations

from allauth.mfa.adapter import DefaultMFAAdapter
from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings

# Where an authenticator's secrets sit in its ``data``, by type (allauth 65's layout).
SECRET_FIELDS = {"totp": ("secret",), "recovery_codes": ("seed",)}
SECRET_LISTS = {"recovery_codes": ("migrated_codes",)}


def _cipher() -> MultiFernet:
    return MultiFernet([Fernet(key) for key in settings.MFA_ENCRYPTION_KEYS])


def encrypt(text: str) -> str:
    return _cipher().encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    return _cipher().decrypt(token.encode()).decode()


def rotate(token: str) -> str:
    """The same secret, encrypted under the first key."""
    return _cipher().rotate(token.encode()).decode()


def transform(data: dict, kind: str, change) -> dict:
    """``data`` of an authenticator of this type with each secret passed through ``change``."""
    changed = dict(data)
    for name in SECRET_FIELDS.get(kind, ()):
        if changed.get(name) is not None:
            changed[name] = change(changed[name])
    for name in SECRET_LISTS.get(kind, ()):
        if changed.get(name) is not None:
            changed[name] = [change(value) for value in changed[name]]
    return changed


class MfaAdapter(DefaultMFAAdapter):
    def encrypt(self, text: str) -> str:
        return encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        return decrypt(encrypted_text)
