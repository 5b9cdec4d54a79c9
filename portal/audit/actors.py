"""Who did something, and from where: what the audit trail keeps of the person behind a record.
Built once per request (``Actor.of``) and handed to the recorders and the staff actions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .recording import client_ip

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.http import HttpRequest


@dataclass(frozen=True, slots=True)
class Actor:
    user: AbstractBaseUser | None  # None: nobody signed in
    ip: str | None = None
    # The page and method asked for, kept with a refused attempt (never the body or query).
    path: str = ""
    method: str = ""

    @classmethod
    def of(cls, request: HttpRequest) -> Actor:
        user = getattr(request, "user", None)
        return cls(
            user=user if user is not None and user.is_authenticated else None,
            ip=client_ip(request),
            path=request.path,
            method=request.method or "",
        )
