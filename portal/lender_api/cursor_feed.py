"""Rows of a lender's loans, oldest first, read page by page from a cursor: what the plans,
promises and payment-report feeds share.

The order is the row's id, which only grows. A row becomes visible when the transaction that
made it commits, and two transactions can commit out of id order, so a feed holds back the rows
made in the last ``SETTLE``: by the time a row is served, every row with a smaller id has been
committed or rolled back, and a client that resumes from its last cursor sees each row exactly
once. A row is described as it is when read; later changes reach the lender by webhook.

A cursor names its feed, so one feed's cursor sent to another is refused rather than read as an
id of the wrong table.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Generic, TypeVar

from django.db.models import Model, QuerySet
from django.utils.translation import gettext as _

SETTLE = timedelta(seconds=10)
DEFAULT_LIMIT = 100
MAX_LIMIT = 500

Row = TypeVar("Row", bound=Model)
Item = TypeVar("Item")


class InvalidCursor(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Page(Generic[Item]):
    items: tuple[Item, ...]
    next_cursor: str
    has_more: bool


@dataclass(frozen=True, slots=True)
class CursorFeed:
    # Part of every cursor given out: changing it refuses the cursors clients have stored.
    tag: str
    # When the row was made, by the clock of the transaction that made it.
    made_at: str

    def encode(self, after_id: int) -> str:
        raw = f"{self.tag}:{after_id}".encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    def decode(self, cursor: str) -> int:
        """The last id the client has seen. Opaque to the client, so its form may change."""
        invalid = InvalidCursor(_("not a cursor this API gave out; start without one"))
        try:
            raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        except (binascii.Error, UnicodeDecodeError, ValueError):
            raise invalid from None
        tag, _sep, number = raw.partition(":")
        if tag != self.tag or not number.isascii() or not number.isdigit():
            raise invalid
        return int(number)

    def page(
        self,
        rows: QuerySet[Row],
        *,
        after_id: int,
        limit: int,
        now: datetime,
        describe: Callable[[Row], Item],
    ) -> Page[Item]:
        """Up to ``limit`` of ``rows`` after id ``after_id``, each made into an item by
        ``describe``: two queries, and those of the prefetches ``rows`` asks for.

        ``rows`` must already hold only the lender's rows, with what ``describe`` reads joined
        or prefetched."""
        after = rows.filter(pk__gt=after_id)
        # Served in id order up to the first row still settling, even if a later one has
        # settled (its clock read came first): the cursor must never pass a row it has not
        # served.
        settling = (
            after.prefetch_related(None)
            .filter(**{f"{self.made_at}__gt": now - SETTLE})
            .order_by("pk")
            .values_list("pk", flat=True)
            .first()
        )
        if settling is not None:
            after = after.filter(pk__lt=settling)
        found = list(after.order_by("pk")[: limit + 1])
        served = found[:limit]
        last = served[-1].pk if served else after_id
        return Page(
            items=tuple(describe(row) for row in served),
            next_cursor=self.encode(last),
            has_more=len(found) > limit,
        )
