from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect

from .linking import borrower_of


def borrower_required(view):
    """Signed in and linked to a borrower; sets ``request.borrower`` for the view to scope
    every query by. A login not linked yet is sent to link itself first."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        borrower = borrower_of(user=request.user)
        if borrower is None:
            return redirect("link_borrower")
        request.borrower = borrower
        return view(request, *args, **kwargs)

    return wrapper
