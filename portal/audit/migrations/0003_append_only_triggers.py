"""The database itself refuses to change or remove an audit record (PostgreSQL only).

Row triggers do not fire on TRUNCATE, which only an operator (or a test run's flush) issues.
SQLite gets no trigger: it is the embedded default for demos, and the test runner's flush
there deletes rows one statement at a time."""

from django.db import migrations

from portal.core.append_only_triggers import append_only_triggers


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0002_change_borrower"),
        ("auditlog", "0017_add_actor_email"),
    ]

    operations = [
        append_only_triggers(
            function="audit_append_only",
            tables=("audit_record", "audit_changeborrower", "auditlog_logentry"),
            message="Audit records are append-only",
        )
    ]
