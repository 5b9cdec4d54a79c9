"""Writing audit records. Each recorder takes the ``Actor`` who acted, never a request. A view or
an action is written in the caller's transaction, so a change and its record exist together or
not at all. A refusal is the exception: it is written at once, in its own savepoint, because the
refused attempt changes nothing and its transaction may be the one that failed."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import DatabaseError, models, transaction
from django.http import HttpRequest

from portal.admin_reasons import current_reason

from .models import Record, RecordKind

if TYPE_CHECKING:
    from .actors import Actor

logger = logging.getLogger(__name__)

# A 403 on a staff page (see ``middleware.RefusalMiddleware``).
ACCESS_REFUSED = "access.refused"
# Whether this request's refusal is on record already: a one-item list, so that a copy of the
# context (a sync view run from async code) still marks the request's own.
_refusal_recorded: ContextVar[list[bool] | None] = ContextVar("audit_refusal", default=None)


def client_ip(request: HttpRequest) -> str | None:
    """The address the request came from. Behind ``AUDIT_TRUSTED_PROXIES`` proxies, the
    address the nearest untrusted hop gave; a client can write anything into the header, so
    only hops our own proxies added are believed."""
    trusted = getattr(settings, "AUDIT_TRUSTED_PROXIES", 0)
    if trusted:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [h for h in hops if h]
        if len(hops) >= trusted:
            return hops[-trusted]
    return request.META.get("REMOTE_ADDR") or None


def _write(acting: Actor, *, kind, action, borrower, target, reason="", details=None) -> Record:
    user = acting.user
    return Record.objects.create(
        actor=user,
        # The e-mail, which compliance searches by, kept even if the login is later removed.
        actor_label=(user.email or user.get_username()) if user else "",
        kind=kind,
        action=action,
        borrower=borrower,
        object_type=target._meta.label_lower if isinstance(target, models.Model) else "",
        object_id=str(target.pk) if isinstance(target, models.Model) else "",
        ip=acting.ip,
        # An admin action's record carries the reason the admin asked for (portal.admin_site).
        reason=reason or current_reason(),
        details=details or {},
    )


def record_view(
    *, acting: Actor, borrower, what: str, target=None, details: dict | None = None
) -> Record:
    """Staff looked at ``what`` of this borrower's data (``borrower`` None: of several, as
    search results)."""
    return _write(
        acting,
        kind=RecordKind.VIEW,
        action=what,
        borrower=borrower,
        target=target,
        details=details,
    )


def record_action(
    *,
    acting: Actor,
    action: str,
    borrower=None,
    target=None,
    reason: str = "",
    details: dict | None = None,
) -> Record:
    """Someone changed something, for ``reason``."""
    return _write(
        acting,
        kind=RecordKind.CHANGE,
        action=action,
        borrower=borrower,
        target=target,
        reason=reason,
        details=details,
    )


@contextmanager
def one_refusal_per_request() -> Iterator[None]:
    """Within it (the middleware opens it around each request), ``record_refusal`` writes the
    first refusal only: a view that records its own and then answers 403 is not recorded
    again. Outside it, each call is recorded."""
    token = _refusal_recorded.set([False])
    try:
        yield
    finally:
        _refusal_recorded.reset(token)


def record_refusal(
    *,
    acting: Actor,
    action: str = ACCESS_REFUSED,
    borrower=None,
    target=None,
    details: dict | None = None,
) -> Record | None:
    """``acting`` was refused ``action``. Kept with the address and method asked for, never the
    request's body or query (a search term can be a borrower's name).

    Once per request (``one_refusal_per_request``). Call it outside the transaction of the
    refused change, or the record rolls back with it. Never raises: a record that cannot be
    written (the request's transaction has failed) is logged instead, and the refusal still
    stands."""
    recorded = _refusal_recorded.get()
    if recorded is not None:
        if recorded[0]:
            return None
        recorded[0] = True
    where = {"path": acting.path, "method": acting.method} if acting.path else {}
    facts = {**where, **(details or {})}
    connection = transaction.get_connection()
    if connection.in_atomic_block and connection.needs_rollback:
        _not_recorded(acting, action)
        return None
    try:
        with transaction.atomic():
            return _write(
                acting,
                kind=RecordKind.REFUSED,
                action=action,
                borrower=borrower,
                target=target,
                details=facts,
            )
    except DatabaseError:
        _not_recorded(acting, action, exc_info=True)
        return None


def _not_recorded(acting: Actor, action: str, exc_info: bool = False) -> None:
    logger.error(
        "Refusal not recorded in the audit trail (the request's transaction failed): "
        "%s %s %s by user %s",
        action,
        acting.method,
        acting.path,
        getattr(acting.user, "pk", None),
        exc_info=exc_info,
    )
