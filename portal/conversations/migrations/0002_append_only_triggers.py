"""The database itself refuses to change or remove a message or an attachment once written
(PostgreSQL only), as it does for the ledger and the audit trail."""

from django.db import migrations

from portal.core.append_only_triggers import append_only_triggers


class Migration(migrations.Migration):
    dependencies = [("conversations", "0001_initial")]

    operations = [
        append_only_triggers(
            function="conversations_append_only",
            tables=("conversations_post", "conversations_attachment"),
            message="Messages are append-only",
        )
    ]
