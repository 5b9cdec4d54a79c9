import re

from auditlog.middleware import AuditlogMiddleware as BaseAuditlogMiddleware
from django.conf import settings
from django.http import HttpRequest, HttpResponse

from .actors import Actor
from .recording import client_ip, one_refusal_per_request, record_refusal

# The staff areas: the console and the audit trail (under /<language>/support/), Wagtail's
# admin and Django's. A refusal anywhere else (a borrower at another borrower's page) is not a
# staff attempt.
STAFF_AREAS = ("support", "cms", "django-admin")
_LANGUAGES = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
_STAFF_PATH = re.compile(rf"^(?:/(?:{_LANGUAGES}))?/(?:{'|'.join(STAFF_AREAS)})/")


class AuditlogMiddleware(BaseAuditlogMiddleware):
    """django-auditlog's middleware, taking the address as the console's own records do: the
    stock one believes the first X-Forwarded-For hop, which any client can write."""

    @staticmethod
    def _get_remote_addr(request):
        return client_ip(request)


def in_staff_area(request: HttpRequest) -> bool:
    if _STAFF_PATH.match(request.path_info):
        return True
    # A console view mounted elsewhere (``portal.accounts.staff.staff_view`` marks them).
    match = getattr(request, "resolver_match", None)
    return bool(match and getattr(match.func, "staff_tool", False))


class RefusalMiddleware:
    """Every 403 a signed-in login meets in a staff area goes into the audit trail, whichever
    view, decorator or middleware refused it, so a new staff view is covered without calling
    anything; once per request, so a view that recorded its own refusal is not recorded twice.
    Signed-out visitors are sent to sign in; they are not staff attempts.

    Goes right after ``AuthenticationMiddleware``, outside every middleware that may refuse
    staff (they raise ``PermissionDenied``, which Django turns into the 403 seen here)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with one_refusal_per_request():
            response = self.get_response(request)
            if response.status_code == 403 and in_staff_area(request):
                user = getattr(request, "user", None)
                if user is not None and user.is_authenticated:
                    record_refusal(acting=Actor.of(request))
        return response
