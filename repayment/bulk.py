"""Writing many rows at once with PostgreSQL's COPY: the lender import's ledger entries and the
reminder planner's outbox rows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection
from django.db.backends.postgresql.psycopg_any import is_psycopg3
from django.db.models import Model


def copy_rows(model: type[Model], columns: Sequence[str], rows: Iterable[tuple]) -> None:
    """PostgreSQL COPY of ``rows`` (tuples in ``columns`` order) into ``model``'s table: the
    same constraints and triggers as an INSERT, without building a model instance and a bound
    parameter per value, so several times faster than bulk_create on large batches
    (docs/benchmarks.md). Values go in as the column stores them, unconverted by the model: an
    enum member must be passed as its value (psycopg writes its name), and a column left out
    gets the database's default (NULL), not the model's. Errors are raised as Django's
    (``IntegrityError`` on a duplicate key); COPY has no ON CONFLICT, so a duplicate fails the
    whole statement. Needs psycopg 3 (``can_copy``)."""
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(name) for name in columns)
    sql = f"COPY {table} ({names}) FROM STDIN"
    with connection.wrap_database_errors, connection.cursor() as cursor, cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)


def can_copy() -> bool:
    return connection.vendor == "postgresql" and is_psycopg3
