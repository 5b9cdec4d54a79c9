"""Many rows at once: inserting them (with PostgreSQL's COPY where it can: the lender import's
ledger entries and the reminder planner's outbox rows), and asking about thousands of them
(``__any``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.core.exceptions import EmptyResultSet
from django.db import IntegrityError, connection, transaction
from django.db.backends.postgresql.psycopg_any import is_psycopg3
from django.db.models import Field, ForeignObject, Model
from django.db.models.expressions import ColPairs
from django.db.models.fields.related_lookups import RelatedIn
from django.db.models.lookups import In
from django.utils import timezone
from django.utils.datastructures import OrderedSet

# Values per INSERT where there is no COPY: under PostgreSQL's 65,535 parameters a statement
# (with server-side binding), and small enough for SQLite.
VALUES_PER_INSERT = 50_000


def copy_rows(model: type[Model], columns: Sequence[str], rows: Iterable[tuple]) -> None:
    """PostgreSQL COPY of ``rows`` (tuples in ``columns`` order) into ``model``'s table: the
    same constraints and triggers as an INSERT, without building a model instance and a bound
    parameter per value, so several times faster than bulk_create on large batches
    (docs/benchmarks.md). Values go in as the column stores them, unconverted by the model: an
    enum member must be passed as its value (psycopg writes its name), and a column left out
    gets the database's default (NULL), not the model's (``insert_rows`` fills those in).
    Errors are raised as Django's
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


def insert_rows(
    model: type[Model],
    columns: Sequence[str],
    rows: Iterable[tuple],
    *,
    ignore_conflicts: bool = False,
) -> None:
    """Insert ``rows`` (tuples in ``columns`` order, values as the columns store them) into
    ``model``'s table: a COPY where it can (``copy_rows``), else ``bulk_create``. Every column
    left out gets the model's default (now, for ``auto_now_add``), as ``bulk_create`` gives it.

    ``ignore_conflicts``: skip rows whose unique key is taken. COPY cannot skip one, so a
    conflict rolls the COPY back to a savepoint and the rows go in again with ON CONFLICT DO
    NOTHING: the unique key stays the guard, and the fast path stays the common one."""
    rows = list(rows)
    if not rows:
        return
    if can_copy():
        defaults = _defaults_left_out(model, columns)
        extra = tuple(defaults.values())
        try:
            with transaction.atomic():
                copy_rows(model, (*columns, *defaults), (row + extra for row in rows))
            return
        except IntegrityError:
            if not ignore_conflicts:
                raise
    model.objects.bulk_create(
        [model(**dict(zip(columns, row, strict=True))) for row in rows],
        batch_size=max(1, VALUES_PER_INSERT // len(columns)),
        ignore_conflicts=ignore_conflicts,
    )


def _defaults_left_out(model: type[Model], columns: Sequence[str]) -> dict[str, object]:
    """The model's default for each column not in ``columns`` (the primary key is the
    database's to give), ready for the database."""
    now = timezone.now()
    defaults = {}
    for field in model._meta.concrete_fields:
        if field.attname in columns or field.primary_key:
            continue
        auto = getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
        value = now if auto else field.get_default()
        defaults[field.attname] = field.get_db_prep_save(value, connection)
    return defaults


class ArrayParameter:
    """``field__any=values``: ``field__in=values`` for long lists. On PostgreSQL the values go as
    one array parameter (``field = ANY(%s)``) instead of a placeholder each: the reminder
    planner and sender ask about thousands of keys and ids at a time, and a statement with a
    placeholder per value was converted value by value, sent, and parsed again each time.
    Elsewhere, and for a subquery, it is ``IN``."""

    lookup_name = "any"

    def as_postgresql(self, compiler, connection):
        if not self.rhs_is_direct_value() or isinstance(self.lhs, ColPairs):
            return self.as_sql(compiler, connection)
        lhs, lhs_params = self.process_lhs(compiler, connection)
        values = OrderedSet(self.rhs)
        values.discard(None)
        if not values:
            raise EmptyResultSet
        field = self.lhs.output_field
        array = [field.get_db_prep_value(value, connection, prepared=True) for value in values]
        return f"{lhs} = ANY(%s)", (*lhs_params, array)


class AnyOf(ArrayParameter, In):
    pass


class RelatedAnyOf(ArrayParameter, RelatedIn):
    """``__any`` on a foreign key: its values are the target's (a pk, or an instance)."""


def register_lookups() -> None:
    Field.register_lookup(AnyOf)
    ForeignObject.register_lookup(RelatedAnyOf)
