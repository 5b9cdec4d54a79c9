"""The database's half of append-only rows (``portal.core.append_only`` is the application's):
a migration operation that puts a trigger refusing UPDATE and DELETE on each table, on
PostgreSQL only. SQLite gets none: it is the embedded default for demos and tests. Row
triggers do not fire on TRUNCATE, which only an operator (or a test run's flush) issues."""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION {function}() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{message} (% on %)', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
"""
TRIGGER = """
CREATE TRIGGER {table}_append_only
    BEFORE UPDATE OR DELETE ON {table}
    FOR EACH ROW EXECUTE FUNCTION {function}();
"""


def append_only_triggers(*, function: str, tables: tuple[str, ...], message: str):
    """A RunPython that creates ``function`` and one trigger per table (and drops them when the
    migration is reversed). ``message`` is what a refused statement says."""

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        # No parameters: the % in RAISE are the function's own placeholders, not the driver's.
        schema_editor.execute(FUNCTION.format(function=function, message=message), params=None)
        for table in tables:
            schema_editor.execute(TRIGGER.format(table=table, function=function))

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for table in tables:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table};")
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {function}();")

    return migrations.RunPython(forwards, backwards)
