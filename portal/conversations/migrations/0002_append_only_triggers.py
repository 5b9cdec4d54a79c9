"""The database itself refuses to change or remove a message or an attachment once written
(PostgreSQL only), as it does for the ledger and the audit trail. SQLite gets no trigger: it
is the embedded default for demos and tests."""

from django.db import migrations

TABLES = ("conversations_post", "conversations_attachment")

FUNCTION = """
CREATE OR REPLACE FUNCTION conversations_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'Messages are append-only (% on %)', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
"""
TRIGGER = """
CREATE TRIGGER {table}_append_only
    BEFORE UPDATE OR DELETE ON {table}
    FOR EACH ROW EXECUTE FUNCTION conversations_append_only();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION, params=None)
    for table in TABLES:
        schema_editor.execute(TRIGGER.format(table=table))


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table};")
    schema_editor.execute("DROP FUNCTION IF EXISTS conversations_append_only();")


class Migration(migrations.Migration):
    dependencies = [("conversations", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
