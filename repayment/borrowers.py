"""The borrower a login is linked to, for the borrower's own pages. Linking a login to a
borrower (invitations, matching details) is ``portal.accounts.linking``."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.shortcuts import redirect

from .models import Borrower


def borrower_of(*, user: AbstractBaseUser | AnonymousUser) -> Borrower | None:
    """The borrower this login is linked to, if any."""
    if not user.is_authenticated:
        return None
    return Borrower.objects.filter(user=user).first()


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
