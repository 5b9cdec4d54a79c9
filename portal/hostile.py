"""Hostile input in the address (path, query string), headers and cookies: a 400 or a 404,
never a 500, whichever view, ours or a library's, it reaches.

- A NUL character anywhere in them is refused before any view, session or key lookup sees it.
  No address, key or token of ours holds one, and PostgreSQL refuses it in text (psycopg 3.3
  raises DataError, "PostgreSQL text fields cannot contain NUL", for a query that carries one):
  ``/en/my/loans/%00/`` or a session cookie of NULs would otherwise be a 500 from whichever
  lookup met it first. A NUL in the path names nothing,
  a 404; anywhere else the request is malformed, a 400.
- A value from the address that a model field cannot hold (a word where an id goes: Wagtail's
  choosers take any text as an id) or a page number past the end (``Paginator.page``) names
  nothing either: a 404, as Django's own list views answer.

Under /api/ and /_allauth/ the answer is JSON in that API's own error shape, elsewhere the
site's 404 page. ``page_number`` is the one reading of a page asked for in the address.
"""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError
from django.core.paginator import InvalidPage
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from rest_framework import exceptions

logger = logging.getLogger(__name__)

NUL = "\x00"
# Answered in JSON: the borrower and lender APIs, and allauth's headless login for apps.
JSON_PATHS = ("/api/", "/_allauth/")
# Far past any real list, far below where an OFFSET overflows PostgreSQL's bigint.
MAX_PAGE = 100_000


def page_number(value, *, maximum: int = MAX_PAGE) -> int:
    """A page asked for in the address (``?page=``): anything that is not a whole number is
    the first page, and a number is held between 1 and ``maximum``."""
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return 1
    return min(max(number, 1), maximum)


def nul_in(request: HttpRequest) -> str | None:
    """Where the request carries a NUL ("path", "query", "header", "cookie"), or None."""
    if NUL in request.path_info or NUL in request.path:
        return "path"
    if NUL in request.META.get("QUERY_STRING", "") or any(
        NUL in name or any(NUL in value for value in values) for name, values in request.GET.lists()
    ):
        return "query"
    if any(NUL in str(value) for name, value in request.META.items() if name.startswith("HTTP_")):
        return "header"
    if any(NUL in name or NUL in value for name, value in request.COOKIES.items()):
        return "cookie"
    return None


def _address_values(request: HttpRequest) -> set[str]:
    match = request.resolver_match
    values = {value for _name, values in request.GET.lists() for value in values}
    if match is not None:
        values |= {str(value) for value in (*match.args, *match.kwargs.values())}
    return values


# The largest integer a database column of ours holds (a bigint).
LARGEST_ID = 2**63 - 1


def unusable_address_value(request: HttpRequest, exc: Exception) -> bool:
    """Whether ``exc`` is a model field, or the database driver, refusing a value taken
    straight from the address: the innermost frame is the field's conversion and the value it
    was given is in the path or the query string, or the driver could not hold a number there
    (SQLite's OverflowError: a key such as a page's parent link is not bounded by Django as an
    id is). Any other ValueError stays a 500: it is a bug."""
    if isinstance(exc, OverflowError):
        return any(
            value.isdigit() and int(value) > LARGEST_ID for value in _address_values(request)
        )
    if not isinstance(exc, ValueError | TypeError | ValidationError) or exc.__traceback__ is None:
        return False
    trace = exc.__traceback__
    while trace.tb_next is not None:
        trace = trace.tb_next
    frame = trace.tb_frame
    if frame.f_code.co_name not in ("get_prep_value", "to_python"):
        return False
    if not frame.f_globals.get("__name__", "").startswith("django.db.models.fields"):
        return False
    value = frame.f_locals.get("value")
    return isinstance(value, str) and value in _address_values(request)


def _json_body(path: str, *, status: int, detail: str, code: str) -> dict:
    """The error in the shape of the API at ``path``: the lender API's rejection, allauth's
    error list, or the borrower API's detail and code."""
    if path.startswith("/api/lender/") and status == 400:
        return {
            "detail": detail,
            "errors": [{"item": _("the request"), "field": "", "message": detail}],
        }
    if path.startswith("/_allauth/"):
        return {"status": status, "errors": [{"message": detail, "code": code}]}
    return {"detail": detail, "code": code}


def refusal(request: HttpRequest, *, status: int) -> HttpResponse:
    path = request.path_info
    with translation.override(translation.get_language_from_request(request, check_path=True)):
        if path.startswith(JSON_PATHS):
            if status == 404:
                detail, code = str(exceptions.NotFound.default_detail), "not_found"
            else:
                detail = _("The request holds a NUL character, which nothing here accepts.")
                code = "invalid"
            body = _json_body(path, status=status, detail=detail, code=code)
            response = JsonResponse(body, status=status)
        else:
            # The site's own "we can't find that page": such a link leads nowhere.
            response = render(request, "404.html", status=status)
        patch_vary_headers(response, ("Accept-Language",))
        return response


class HostileInputMiddleware:
    """Before the session, locale and authentication middleware (portal/settings.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        where = nul_in(request)
        if where is None:
            return self.get_response(request)
        return refusal(request, status=404 if where == "path" else 400)

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        if isinstance(exc, InvalidPage) or unusable_address_value(request, exc):
            logger.info("Not found: %s (%s: %s)", request.path, type(exc).__name__, exc)
            return refusal(request, status=404)
        return None
