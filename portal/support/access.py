"""Who may open the console: a staff login with the permission asked for, and an authenticator
app set up. A login linked to a borrower never gets in, whatever its groups say, so a borrower
can never see another borrower's account through the console."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from portal.accounts.linking import borrower_of
from portal.accounts.staff import has_totp, passed_second_factor


def can_use(user, permission: str) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and user.has_perm(permission)
        and _staff_with_authenticator(user)
    )


def _staff_with_authenticator(user) -> bool:
    """Asked once per request (the user object lives as long as the request), as Django
    keeps the user's permissions; the console's navigation asks for several."""
    if not hasattr(user, "_console_gate"):
        user._console_gate = borrower_of(user=user) is None and has_totp(user=user)
    return user._console_gate


def console_view(permission: str = "support.use_console"):
    """Views of the console. The MFA middleware sends staff without an authenticator, or whose
    session has no authenticator code, away before they get here; the checks are repeated so a
    view cannot open without them, wherever it is mounted."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapper(request, *args, **kwargs):
            if not can_use(request.user, permission) or not passed_second_factor(request):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        # Read by the test that every staff view lies in a staff area the MFA middleware guards.
        wrapper.staff_tool = True
        return wrapper

    return decorator
