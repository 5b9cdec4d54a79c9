"""Who is staff, and whether this session has shown the second factor.

Staff are told apart by what their role lets them open, never by Django's ``is_staff`` flag:
that flag only opens Django's admin, and only administrators carry it."""

from __future__ import annotations

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.http import HttpRequest

from .models import User

# What each staff tool asks for: the console, its dashboard, the audit trail, the CMS.
STAFF_TOOL_PERMISSIONS = (
    "support.use_console",
    "support.view_dashboard",
    "audit.view_trail",
    "wagtailadmin.access_admin",
)


def is_staff_member(*, user: User) -> bool:
    """A login whose role opens a staff tool (any of the support or audit permissions, the
    CMS), Django's admin, or everything. Such a login sees borrowers only through the console,
    is never linked to a borrower, and needs two-factor authentication."""
    if not user.is_authenticated:
        return False
    return (
        user.is_superuser
        or user.is_staff
        or any(user.has_perm(permission) for permission in STAFF_TOOL_PERMISSIONS)
        or user.has_module_perms("support")
        or user.has_module_perms("audit")
    )


def has_totp(*, user: User) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def passed_second_factor(request: HttpRequest) -> bool:
    """Whether the signed-in user gave an authenticator code in this session: at sign-in,
    when setting the authenticator up, or when asked again. allauth keeps the record in the
    session, for the user it was made for; a session made any other way has none."""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)
