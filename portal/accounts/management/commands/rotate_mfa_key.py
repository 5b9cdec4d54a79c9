from allauth.mfa.models import Authenticator
from django.core.management.base import BaseCommand
from django.db import transaction

from portal.accounts import secrets


class Command(BaseCommand):
    help = (
        "Re-encrypt every authenticator secret under the first of MFA_ENCRYPTION_KEY's keys. "
        "Run after putting a new key first; the old key can be removed once this has run."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        count = 0
        for authenticator in Authenticator.objects.select_for_update().filter(
            type__in=list(secrets.SECRET_FIELDS)
        ):
            data = secrets.transform(authenticator.data, authenticator.type, secrets.rotate)
            Authenticator.objects.filter(pk=authenticator.pk).update(data=data)
            count += 1
        self.stdout.write(f"Re-encrypted {count} authenticators under the first key.")
