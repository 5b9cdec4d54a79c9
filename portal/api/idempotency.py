"""Idempotency keys for the borrower API's POSTs that create something (accepting an offer or
a proposal, making a proposal).

The client sends ``Idempotency-Key`` (1-255 visible ASCII characters, spaces only between them;
a UUID is ideal) and sends the same key again when it retries. Keys are per login.

- The first request with a key claims it by inserting its row, then runs, in one transaction.
  A second request with that key meets the unique constraint: on PostgreSQL its insert waits
  until the first commits, then it fails and the stored answer is replayed. So two requests at
  once still do the work once.
- Same key, same method, path and body (compared as canonical JSON): the stored answer again,
  with the same status and body and the header ``Idempotent-Replayed: true``.
- Same key with a different body or on another endpoint: 409, nothing done.
- Only a success (2xx) is stored. A refusal (4xx) or a failure (5xx) rolls back everything the
  request did, the claim on the key included, so a client can correct its input and retry with
  the same key. Stripe stores 4xx answers too; we don't, because most of ours depend on the
  loan's state (an offer that changed, a plan already in place), which a retry should see.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter
from rest_framework import exceptions, status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from .errors import Conflict
from .models import IdempotencyKey

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
MAX_LENGTH = 255
# Visible ASCII, spaces only between: the spaces and tabs around a header's value are not part
# of it (servers drop them, as HTTP says).
PATTERN = r"^[!-~]([ -~]{0,253}[!-~])?$"

PARAMETER = OpenApiParameter(
    name=HEADER,
    type={"type": "string", "minLength": 1, "maxLength": MAX_LENGTH, "pattern": PATTERN},
    location=OpenApiParameter.HEADER,
    required=True,
    description=(
        "A value you make once per action (a UUID is ideal) and send again when you retry it. "
        "The same key and body replay the first answer (header Idempotent-Replayed: true); the "
        "same key with another body is a 409. Only successful answers are kept."
    ),
)


def key_of(request) -> str:
    key = request.headers.get(HEADER, "").strip(" \t")
    if not key:
        raise exceptions.ValidationError(
            {
                HEADER: [
                    _(
                        "Send an Idempotency-Key header: a value you make once for this action, "
                        "such as a UUID, and send again if you retry it."
                    )
                ]
            },
            code="idempotency_key_missing",
        )
    if not re.fullmatch(PATTERN, key):
        raise exceptions.ValidationError(
            {
                HEADER: [
                    _(
                        "An Idempotency-Key is 1 to 255 visible ASCII characters (letters, "
                        "digits, punctuation; spaces only between them), such as a UUID."
                    )
                ]
            },
            code="idempotency_key_invalid",
        )
    return key


def fingerprint_of(request) -> str:
    body = json.dumps(request.data, sort_keys=True, separators=(",", ":"), default=str)
    text = f"{request.method}\n{request.path}\n{body}"
    return hashlib.sha256(text.encode()).hexdigest()


def derived_key(request, length: int = 32) -> str:
    """A key for the domain's own idempotency (a plan's ``idempotency_key``): the same for a
    retry of this request, different for every login and key."""
    text = f"api:{request.user.pk}:{key_of(request)}"
    return hashlib.sha256(text.encode()).hexdigest()[:length]


def run(request, handler: Callable[[], Response]) -> Response:
    """``handler()``, at most once per login and key (see the module docstring)."""
    key = key_of(request)
    fingerprint = fingerprint_of(request)
    with transaction.atomic():
        try:
            with transaction.atomic():
                claim = IdempotencyKey.objects.create(
                    user=request.user, key=key, fingerprint=fingerprint
                )
        except IntegrityError:
            return _replay(request.user, key, fingerprint)
        response = handler()
        if not status.is_success(response.status_code):
            transaction.set_rollback(True)
            return response
        claim.status_code = response.status_code
        claim.response = json.loads(JSONRenderer().render(response.data) or b"null")
        claim.save(update_fields=["status_code", "response"])
    return response


def _replay(user, key: str, fingerprint: str) -> Response:
    stored = IdempotencyKey.objects.filter(user=user, key=key).first()
    if stored is None or stored.status_code is None:
        raise Conflict(
            _("A request with this Idempotency-Key is still running. Try again in a moment."),
            code="idempotency_key_in_use",
        )
    if stored.fingerprint != fingerprint:
        raise Conflict(
            _(
                "This Idempotency-Key was already used for a different request. Use a new key "
                "for a new action."
            ),
            code="idempotency_key_reused",
        )
    return Response(stored.response, status=stored.status_code, headers={REPLAYED_HEADER: "true"})
