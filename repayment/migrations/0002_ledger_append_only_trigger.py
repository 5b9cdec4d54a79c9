"""The database itself refuses to change or remove a ledger entry (PostgreSQL).

Corrections are reversal entries. TRUNCATE, which only an operator can issue, is not blocked.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION repayment_ledger_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'The ledger is append-only: post a reversal entry instead';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER repayment_ledgerentry_append_only
    BEFORE UPDATE OR DELETE ON repayment_ledgerentry
    FOR EACH ROW EXECUTE FUNCTION repayment_ledger_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS repayment_ledgerentry_append_only ON repayment_ledgerentry;
DROP FUNCTION IF EXISTS repayment_ledger_append_only();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("repayment", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
