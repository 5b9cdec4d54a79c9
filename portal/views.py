from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    """For the load balancer: the process is up and the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def permission_denied(request, exception=None):
    """A page the signed-in login's role does not open: said plainly, in the reader's language,
    with the way back to where this login belongs. Not a redirect to a sign-in page, which
    would send a signed-in login straight back here."""
    from portal.accounts.adapter import landing_path

    try:
        back = landing_path(user=request.user) if request.user.is_authenticated else "/"
    except DatabaseError:  # refused inside a transaction that had already failed
        back = "/"
    if back == request.path:
        back = "/"
    return render(request, "403.html", {"back": back}, status=403)
