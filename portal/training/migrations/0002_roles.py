"""The training permissions for every role (see ``portal.support.roles``): everyone takes their
training; reviewers see who is current and approve contact-rules changes; administrators ask for
them. Re-running adds what is missing and removes nothing."""

from importlib import import_module

from django.db import migrations

roles_migration = import_module("portal.support.migrations.0002_roles")


def grant(apps, schema_editor):
    roles_migration.grant_for(apps, ("training",))


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0001_initial"),
        ("support", "0002_roles"),
        ("education", "0004_lessons_index_roles_and_review"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
