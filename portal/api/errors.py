"""Errors as the borrower API answers them: DRF's shape (``{"field": ["message"]}`` for bad
input, ``{"detail": "message", "code": "..."}`` otherwise), in the caller's language, and the
domain's own refusals as 409 with the domain's message rather than a 500."""

from __future__ import annotations

from django.http import Http404, JsonResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.views import exception_handler

from repayment.hardship.disputes import DisputeError
from repayment.hardship.pauses import PauseError
from repayment.plans.adjusting import PlanChangeError
from repayment.plans.reviewing import ReviewError

# Refusals that depend on the loan's state (a pause already asked for, an entry already
# questioned): the request was well formed, the loan says no.
DOMAIN_ERRORS = (PauseError, DisputeError, PlanChangeError, ReviewError)


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("This can't be done now: the loan has changed. Read it again and retry.")
    default_code = "conflict"

    def __init__(self, detail=None, code=None, **more):
        super().__init__(detail, code)
        # More the answer names beside the message, e.g. the proposal that stands in the way.
        self.more = more


def form_errors(form, prefix: str = "") -> dict:
    """A Django form's errors in DRF's shape, with the form's own (translated) messages. Errors
    of the whole form go under ``non_field_errors``; ``prefix`` nests them under a field."""
    errors = {
        ("non_field_errors" if field == "__all__" else field): [str(e) for e in messages]
        for field, messages in form.errors.items()
    }
    return {prefix: errors} if prefix else errors


def handle(exc, context):
    """DRF's handler, with three changes: a 404 never says which model was looked for, a
    domain refusal is a 409, and a single message carries its code for apps to branch on."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DOMAIN_ERRORS):
        exc = Conflict(str(exc), code="refused")
    response = exception_handler(exc, context)
    if (
        response is not None
        and isinstance(exc, exceptions.APIException)
        and not isinstance(exc.detail, (list, dict))
    ):
        response.data = {
            "detail": exc.detail,
            "code": exc.detail.code,
            **getattr(exc, "more", {}),
        }
    return response


@csrf_exempt  # it changes nothing, and a POST to a wrong path should hear "not found"
def not_found(request, *args, **kwargs):
    """Any path under /api/ that names no endpoint: JSON like every other answer there, not
    the site's HTML page."""
    response = JsonResponse(
        {"detail": str(exceptions.NotFound.default_detail), "code": "not_found"}, status=404
    )
    response["Vary"] = "Accept-Language"
    return response
