"""Taking a queue item: it becomes the acting login's, or a supervisor takes it over from whoever
had it."""

from __future__ import annotations

from django.db import transaction

from portal.audit.actors import Actor
from portal.audit.recording import record_action

from .. import queue


@transaction.atomic(durable=True)
def do_take_item(kind: str, pk: int, *, acting: Actor) -> queue.Taken:
    """Raises ``queue.QueueError``, changing nothing, when the item is not waiting or this
    login may not take it."""
    taken = queue.take(kind=kind, pk=pk, user=acting.user)
    record_action(
        acting=acting,
        action=f"{kind}.taken",
        borrower=taken.item.loan.borrower,
        target=taken.item,
        details={"from": taken.previous_holder} if taken.previous_holder else {},
    )
    return taken
