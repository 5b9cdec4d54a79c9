"""A lender API batch: the body each route takes, the size cap, and the import itself.

Every route ends in ``repayment.importing.service.import_batch`` with the key's lender, so a
batch sent here is checked and written exactly as ``manage.py import_loans`` would write it
(all or nothing; a batch sent twice changes nothing), except that it may only touch that
lender's data.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from repayment.importing.parse import records_from_batch
from repayment.importing.records import BatchOrigin, BatchRejected, ImportResult, RowError
from repayment.importing.service import import_batch
from repayment.models import Lender

from .keys import BORROWERS_WRITE, LEDGER_WRITE, LOANS_WRITE

# One request's worth: a few hundred KB of JSON, checked and written in well under a second.
MAX_ITEMS = 1000
SCOPE_OF_LIST = {"borrowers": BORROWERS_WRITE, "loans": LOANS_WRITE, "entries": LEDGER_WRITE}


class TooManyItems(Exception):
    pass


def scopes_for(*, body: object, lists: Sequence[str]) -> list[str]:
    """The scopes a body needs: one per list it sends (at least the route's first list's)."""
    sent = [name for name in lists if isinstance(body, Mapping) and body.get(name)]
    return [SCOPE_OF_LIST[name] for name in sent or lists[:1]]


def _request_error(message: str) -> BatchRejected:
    return BatchRejected([RowError(_("the request"), "", message)])


def records_for(*, body: object, lists: Sequence[str], required: bool):
    """The records of ``body``, which may hold only ``lists`` (and must hold them all when
    ``required``); ``BatchRejected`` or ``TooManyItems`` otherwise."""
    names = ", ".join(f'"{name}"' for name in lists)
    if not isinstance(body, Mapping):
        raise _request_error(
            _("the body must be a JSON object with the lists %(lists)s") % {"lists": names}
        )
    errors = [
        RowError(
            str(key), "", _("not accepted here; this endpoint takes %(lists)s") % {"lists": names}
        )
        for key in body
        if key not in lists
    ]
    for name in lists:
        if name not in body:
            if required:
                errors.append(RowError(name, "", _("required")))
        elif not isinstance(body[name], list):  # reported with the route's own errors
            errors.append(RowError(name, "", _("must be a list")))
    if errors:
        raise BatchRejected(errors)
    count = sum(len(body[name]) for name in lists if isinstance(body.get(name), list))
    if count > MAX_ITEMS:
        raise TooManyItems(
            ngettext(
                "The batch has %(count)d item; send at most %(limit)d in one request.",
                "The batch has %(count)d items; send at most %(limit)d in one request.",
                count,
            )
            % {"count": count, "limit": MAX_ITEMS}
        )
    return records_from_batch(batch=body)  # holds only this route's lists, checked above


def post_batch(
    *,
    lender: Lender,
    body: object,
    lists: Sequence[str],
    required: bool,
    dry_run: bool = False,
    origin: BatchOrigin | None = None,
) -> ImportResult:
    """Import ``body`` for ``lender``; ``origin`` names the request in the change history."""
    records = records_for(body=body, lists=lists, required=required)
    return import_batch(records=records, dry_run=dry_run, lender=lender, origin=origin)
