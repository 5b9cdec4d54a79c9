"""Writing audit records. The console calls these; a record is written in the caller's
transaction, so a change and its record exist together or not at all."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.http import HttpRequest

from .models import Record, RecordKind


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
        reason=reason,
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
