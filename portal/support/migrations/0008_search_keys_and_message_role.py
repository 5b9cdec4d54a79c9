"""The console's borrower search finds pinyin and loan references typed without their dash
(``portal.support.search``): trigram indexes on exactly the expressions its queries use, on
PostgreSQL only (see 0003). The reference index replaces 0003's, which no query uses any more.

Agents and supervisors answer borrowers' written messages from the queue: the roles' grant of
``conversations.reply_to_borrowers`` (``portal.support.roles``)."""

from importlib import import_module

from django.db import migrations

roles_migration = import_module("portal.support.migrations.0002_roles")

REFERENCE_KEY = (
    "UPPER(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE("
    "reference, '-', ''), ' ', ''), '/', ''), '.', ''), '_', ''))::text"
)
INDEXES = {
    "support_borrower_name_key_trgm": ("repayment_borrower", "name_key::text"),
    "support_loan_reference_key_trgm": ("repayment_loan", REFERENCE_KEY),
}
REPLACED = {"support_loan_reference_trgm": ("repayment_loan", "UPPER(reference::text)")}


def _create(schema_editor, indexes):
    for name, (table, expression) in indexes.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (({expression}) gin_trgm_ops)"
        )


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    _create(schema_editor, INDEXES)
    for name in REPLACED:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    _create(schema_editor, REPLACED)


def grant(apps, schema_editor):
    roles_migration.grant_for(apps, ("conversations",))


class Migration(migrations.Migration):
    dependencies = [
        ("support", "0007_console_team"),
        ("repayment", "0016_borrower_name_key"),
        ("conversations", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create, drop, elidable=False),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
