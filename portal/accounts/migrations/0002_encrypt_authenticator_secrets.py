"""Authenticator secrets written in the clear before they were encrypted (see
``portal.accounts.secrets``) are encrypted in place; backwards, decrypted again."""

from cryptography.fernet import InvalidToken
from django.db import migrations

from portal.accounts import secrets


def _encrypted(value: str) -> str:
    try:
        secrets.decrypt(value)
    except InvalidToken:
        return secrets.encrypt(value)
    return value  # already encrypted: the migration may run on rows made since


def _each(apps, change) -> None:
    Authenticator = apps.get_model("mfa", "Authenticator")
    for authenticator in Authenticator.objects.filter(type__in=list(secrets.SECRET_FIELDS)):
        data = secrets.transform(authenticator.data, authenticator.type, change)
        if data != authenticator.data:
            Authenticator.objects.filter(pk=authenticator.pk).update(data=data)


def encrypt(apps, schema_editor):
    _each(apps, _encrypted)


def decrypt(apps, schema_editor):
    _each(apps, secrets.decrypt)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(encrypt, decrypt)]
