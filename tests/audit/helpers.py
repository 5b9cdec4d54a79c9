import datetime as dt
import re

from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone
from django.utils.module_loading import import_string

from portal.audit.models import Record


def record(
    *, at=None, who="agent@lender.example", kind="view", action="borrower.account", **fields
):
    """A record written as the console writes one, at a chosen time."""
    return Record.objects.create(
        at=at or timezone.now(), actor_label=who, kind=kind, action=action, **fields
    )


def at(day: str, hour: int = 12) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour)))


def in_request(user, change, middleware=None, **meta):
    """Run ``change`` inside a request through the project's configured auditlog middleware."""
    path = middleware or next(m for m in settings.MIDDLEWARE if m.endswith("AuditlogMiddleware"))

    def view(request):
        change()
        return HttpResponse()

    request = RequestFactory().post("/", **meta)
    request.user = user
    import_string(path)(view)(request)


def results_text(response) -> str:
    """The trail's results table as the reader sees it: text, no tags (a ``<wbr>`` in an
    e-mail address is not there for the eye)."""
    content = response.content.decode()
    start = content.find('<table class="audit-table"')
    if start == -1:
        return ""
    table = content[start : content.index("</table>", start)]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", table))
