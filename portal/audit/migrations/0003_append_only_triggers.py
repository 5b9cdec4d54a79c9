"""The database itself refuses to change or remove an audit record (PostgreSQL only).

Row triggers do not fire on TRUNCATE, which only an operator (or a test run's flush) issues.
SQLite gets no trigger: it is the embedded default for demos, and the test runner's flush
there deletes rows one statement at a time."""

from django.db import migrations

TABLES = ("audit_record", "audit_changeborrower", "auditlog_logentry")

FUNCTION = """
CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'Audit records are append-only (% on %)', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
"""
TRIGGER = """
CREATE TRIGGER {table}_append_only
    BEFORE UPDATE OR DELETE ON {table}
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # No parameters: the % in RAISE are the function's own placeholders, not the driver's.
    schema_editor.execute(FUNCTION, params=None)
    for table in TABLES:
        schema_editor.execute(TRIGGER.format(table=table))


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table};")
    schema_editor.execute("DROP FUNCTION IF EXISTS audit_append_only();")


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0002_change_borrower"),
        ("auditlog", "0017_add_actor_email"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
