"""Who answers a queue item: taking it, giving it to a named colleague, and asking a supervisor
to sign it off (and the supervisor's answer). Each is recorded in the audit trail in the same
transaction, against the item and its borrower."""

from __future__ import annotations

from django.db import transaction

from portal.audit.actors import Actor
from portal.audit.recording import record_action

from .. import queue, sign_offs


@transaction.atomic(durable=True)
def do_take_item(kind: str, pk: int, *, acting: Actor) -> queue.Taken:
    """Raises ``queue.QueueError``, changing nothing, when the item is not waiting or this
    login may not take it."""
    taken = queue.take(kind=kind, pk=pk, user=acting.user)
    record_action(
        acting=acting,
        action=f"{kind}.taken",
        borrower=queue.borrower_of(taken.item),
        target=taken.item,
        details={"from": taken.previous_holder} if taken.previous_holder else {},
    )
    return taken


@transaction.atomic(durable=True)
def do_assign_item(kind: str, pk: int, *, to, acting: Actor) -> queue.Taken:
    """Give the item to the colleague ``to``. Raises ``queue.QueueError``, changing nothing,
    when it is not waiting, ``to`` cannot answer it, or it is someone else's to move."""
    taken = queue.assign(kind=kind, pk=pk, to=to, user=acting.user)
    details = {"to": queue.name_of(to), "to_id": to.pk}
    if taken.previous_holder:
        details["from"] = taken.previous_holder
    record_action(
        acting=acting,
        action=f"{kind}.assigned",
        borrower=queue.borrower_of(taken.item),
        target=taken.item,
        details=details,
    )
    return taken


@transaction.atomic(durable=True)
def do_request_sign_off(kind: str, pk: int, *, supervisor, note: str, acting: Actor):
    """Raises ``sign_offs.SignOffError``, changing nothing, when the request cannot be made."""
    sign_off, item = sign_offs.request(
        kind=kind, pk=pk, supervisor=supervisor, note=note, user=acting.user
    )
    record_action(
        acting=acting,
        action=f"{kind}.sign_off_requested",
        borrower=queue.borrower_of(item),
        target=item,
        reason=sign_off.note,
        details={"supervisor": queue.name_of(supervisor), "sign_off": sign_off.pk},
    )
    return sign_off


@transaction.atomic(durable=True)
def do_answer_sign_off(sign_off_id: int, *, approve: bool, note: str, acting: Actor):
    """The supervisor signs off or sends back. Raises ``sign_offs.SignOffError``, changing
    nothing, unless the request waits for the acting login."""
    sign_off, item = sign_offs.answer(
        sign_off_id=sign_off_id, approve=approve, note=note, user=acting.user
    )
    record_action(
        acting=acting,
        action=f"{sign_off.kind}.{'signed_off' if approve else 'sent_back'}",
        borrower=queue.borrower_of(item) if item is not None else None,
        target=item,
        reason=sign_off.answer,
        details={"requested_by": queue.name_of(sign_off.requested_by), "sign_off": sign_off.pk},
    )
    return sign_off
