"""Trigram indexes for the console's borrower search (``portal.support.search``), on PostgreSQL
only. Each index is on exactly the expression the search's query uses, or PostgreSQL will not
use it: ``UPPER(col::text)`` is what Django writes for ``icontains``, and the phone is stripped
of the same punctuation, in the same order, as ``search.phone_digits``. SQLite has no trigram
indexes; there the search reads the table, which is fine at demo size."""

from django.db import migrations

INDEXES = {
    "support_borrower_name_trgm": ("repayment_borrower", "UPPER(full_name::text)"),
    "support_borrower_email_trgm": ("repayment_borrower", "UPPER(email::text)"),
    "support_borrower_phone_trgm": (
        "repayment_borrower",
        "REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE("
        "phone, ' ', ''), '+', ''), '-', ''), '(', ''), ')', ''), '.', '')",
    ),
    "support_loan_reference_trgm": ("repayment_loan", "UPPER(reference::text)"),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, (table, expression) in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (({expression}) gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("support", "0002_roles"),
        ("repayment", "0004_lender_contact_rules_loanproduct_contact_rules"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
