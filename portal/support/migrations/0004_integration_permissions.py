"""Administrators look after the lender's integration: API keys, the webhook and the events
sent to it (``portal.support.roles``). The roles migration's grant, for these apps' permissions:
it adds what is missing and removes nothing."""

from importlib import import_module

from django.db import migrations

roles_migration = import_module("portal.support.migrations.0002_roles")


def grant(apps, schema_editor):
    roles_migration.grant_for(apps, ("lender_api", "webhooks", "repayment"))


class Migration(migrations.Migration):
    dependencies = [
        ("support", "0003_search_indexes"),
        ("lender_api", "0001_initial"),
        ("webhooks", "0001_initial"),
        ("repayment", "0006_lender_event_delivery"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
