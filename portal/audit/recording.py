"""Writing audit records. The console calls these; a view or an action is written in the
caller's transaction, so a change and its record exist together or not at all. A refusal is the
exception: it is written at once, in its own savepoint, because the refused attempt changes
nothing and its transaction may be the one that failed."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import DatabaseError, models, transaction
from django.http import HttpRequest

from portal.admin_reasons import current_reason

from .models import Record, RecordKind

logger = logging.getLogger(__name__)

# A 403 on a staff page (see ``middleware.RefusalMiddleware``).
ACCESS_REFUSED = "access.refused"
# The request attribute that says this request's refusal is on record already.
_REFUSAL_RECORDED = "_audit_refusal_recorded"


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


def _write(request, *, kind, action, borrower, target, reason="", details=None) -> Record:
    user = request.user if request.user.is_authenticated else None
    return Record.objects.create(
        actor=user,
        # The e-mail, which compliance searches by, kept even if the login is later removed.
        actor_label=(user.email or user.get_username()) if user else "",
        kind=kind,
        action=action,
        borrower=borrower,
        object_type=target._meta.label_lower if isinstance(target, models.Model) else "",
        object_id=str(target.pk) if isinstance(target, models.Model) else "",
        ip=client_ip(request),
        # An admin action's record carries the reason the admin asked for (portal.admin_site).
        reason=reason or current_reason(),
        details=details or {},
    )


def record_view(
    request: HttpRequest, *, borrower, what: str, target=None, details: dict | None = None
) -> Record:
    """Staff looked at ``what`` of this borrower's data (``borrower`` None: of several, as
    search results)."""
    return _write(
        request,
        kind=RecordKind.VIEW,
        action=what,
        borrower=borrower,
        target=target,
        details=details,
    )


def record_action(
    request: HttpRequest,
    *,
    action: str,
    borrower=None,
    target=None,
    reason: str = "",
    details: dict | None = None,
) -> Record:
    """Someone changed something, for ``reason``."""
    return _write(
        request,
        kind=RecordKind.CHANGE,
        action=action,
        borrower=borrower,
        target=target,
        reason=reason,
        details=details,
    )


def record_refusal(
    request: HttpRequest,
    *,
    action: str = ACCESS_REFUSED,
    borrower=None,
    target=None,
    details: dict | None = None,
) -> Record | None:
    """A signed-in login was refused ``action``. Kept with the address and method asked for,
    never the request's body or query (a search term can be a borrower's name).

    Once per request: a view that records its own refusal and then answers 403 is not recorded
    again by the middleware. Call it outside the transaction of the refused change, or the
    record rolls back with it. Never raises: a record that cannot be written (the request's
    transaction has failed) is logged instead, and the refusal still stands."""
    if getattr(request, _REFUSAL_RECORDED, False):
        return None
    setattr(request, _REFUSAL_RECORDED, True)
    facts = {"path": request.path, "method": request.method, **(details or {})}
    connection = transaction.get_connection()
    if connection.in_atomic_block and connection.needs_rollback:
        _not_recorded(request, action, facts)
        return None
    try:
        with transaction.atomic():
            return _write(
                request,
                kind=RecordKind.REFUSED,
                action=action,
                borrower=borrower,
                target=target,
                details=facts,
            )
    except DatabaseError:
        _not_recorded(request, action, facts, exc_info=True)
        return None


def _not_recorded(request, action: str, facts: dict, exc_info: bool = False) -> None:
    logger.error(
        "Refusal not recorded in the audit trail (the request's transaction failed): "
        "%s %s %s by user %s",
        action,
        facts["method"],
        facts["path"],
        getattr(request.user, "pk", None),
        exc_info=exc_info,
    )
