"""Who is staff, whether this session has shown the second factor, and the gate every staff view
(the console, the audit trail) is behind.

Staff are told apart by what their role lets them open, never by Django's ``is_staff`` flag:
that flag only opens Django's admin, and only administrators carry it."""

from __future__ import annotations

from functools import wraps

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from repayment.borrowers import borrower_of

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


def can_use(user, permission: str) -> bool:
    """A staff login with ``permission`` and an authenticator. A login linked to a borrower
    never gets in, whatever its groups say, so a borrower can never see another borrower's
    account through a staff page."""
    return (
        user.is_authenticated
        and user.is_active
        and user.has_perm(permission)
        and _staff_with_authenticator(user)
    )


def _staff_with_authenticator(user) -> bool:
    # Asked once per request (the user object lives as long as the request), as Django keeps
    # the user's permissions: the console's navigation asks for several.
    if not hasattr(user, "_staff_gate"):
        user._staff_gate = borrower_of(user=user) is None and has_totp(user=user)
    return user._staff_gate


def staff_view(permission: str):
    """The gate of every staff page. The MFA middleware sends staff without an authenticator,
    or whose session has no code, away before they get here; the checks are repeated so a view
    cannot open without them, wherever it is mounted."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapper(request, *args, **kwargs):
            if not can_use(request.user, permission) or not passed_second_factor(request):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        # Read by the test that every staff view lies in a staff area the MFA middleware guards,
        # and by the audit trail's record of refusals.
        wrapper.staff_tool = True
        return wrapper

    return decorator
