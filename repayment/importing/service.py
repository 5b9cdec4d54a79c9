"""Importing a lender's batch: the one entry point for the command and a lender API.

The batch is read against the database, checked as a whole and written in one transaction, so
it lands entirely or not at all. On PostgreSQL imports take a transaction-level advisory lock
first: two imports of the same batch at once (a retry racing its original) then run one after
the other, and the second finds everything imported instead of failing on a unique key.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection, transaction
from django.utils import timezone

from repayment.models import Lender

from .lookups import load_existing
from .records import FILE_IMPORT, BatchOrigin, ImportResult, RawRecord
from .validate import validate_batch
from .write import write_plan

# Any fixed number: it names the lock that imports share.
IMPORT_LOCK = 7_340_001


def import_batch(
    *,
    records: Sequence[RawRecord],
    dry_run: bool = False,
    lender: Lender | None = None,
    origin: BatchOrigin | None = None,
) -> ImportResult:
    """Validate ``records`` and write them; raises ``BatchRejected`` (nothing written) if any
    record is bad. With ``dry_run`` only validates, and returns what an import would do. With
    ``lender`` (the lender API, ``import_loans --lender``) the batch may only use and change
    that lender's data: anything of another lender's is unknown to it (``lookups``), and the
    borrowers it creates are that lender's. ``origin`` names the batch in the change history
    (by default a file import)."""
    with transaction.atomic():
        if connection.vendor == "postgresql" and not dry_run:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [IMPORT_LOCK])
        existing = load_existing(records=records, lender_id=lender.pk if lender else None)
        plan = validate_batch(records=records, existing=existing, today=timezone.localdate())
        if not dry_run:
            write_plan(
                plan=plan,
                lender_id=lender.pk if lender else None,
                origin=origin or BatchOrigin(FILE_IMPORT),
            )
    return plan.result
