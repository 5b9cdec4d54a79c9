from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect

from repayment.models import Borrower


def borrower_required(view):
    """Signed in and linked to a borrower; sets ``request.borrower`` for the view to scope
    every query by. A login not linked yet is sent to link itself first."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        borrower = Borrower.objects.filter(user=request.user).first()
        if borrower is None:
            return redirect("link_borrower")
        request.borrower = borrower
        return view(request, *args, **kwargs)

    return wrapper
