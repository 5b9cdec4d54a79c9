"""Compliance reviewers may let flagged wording go live, with a reason
(``education.wording``). The roles migration's grant: it adds what is missing and removes
nothing."""

from importlib import import_module

from django.db import migrations

roles_migration = import_module("portal.support.migrations.0002_roles")


def grant(apps, schema_editor):
    roles_migration.grant_for(apps, ("education",))


class Migration(migrations.Migration):
    dependencies = [
        ("support", "0005_admin_flag_for_administrators_only"),
        ("education", "0007_wording_overrides"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
