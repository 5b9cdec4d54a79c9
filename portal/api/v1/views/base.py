"""What every borrower endpoint shares: a signed-in login linked to a borrower, the borrower's
rate limit, answers in the borrower's language, and errors in one shape."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter
from rest_framework import exceptions
from rest_framework.permissions import IsAuthenticated
from rest_framework.views import APIView

from repayment import selectors
from repayment.models import Borrower, Loan

from ... import openapi  # noqa: F401  (registers the X-Session-Token scheme)
from ...errors import handle
from ...languages import SUPPORTED, language_for
from ...permissions import IsLinkedBorrower
from ...throttles import BorrowerRateThrottle

LANG = OpenApiParameter(
    name="lang",
    type=str,
    enum=list(SUPPORTED),
    required=False,
    description="The language of the content; without it, Accept-Language, then the "
    "borrower's preferred language.",
)


class BorrowerSchema(AutoSchema):
    """Every borrower endpoint under one heading in the schema and on /api/docs/."""

    def get_tags(self) -> list[str]:
        return ["borrower"]


class BorrowerView(APIView):
    schema = BorrowerSchema()
    permission_classes = [IsAuthenticated, IsLinkedBorrower]
    throttle_classes = [BorrowerRateThrottle]
    borrower: Borrower
    language: str

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self._speak(language_for(request, borrower=self.borrower))
        # Asked after: a refused ?lang is answered in the language chosen so far.
        if asked := self.asked_language():
            self._speak(asked)

    def asked_language(self) -> str | None:
        """A language the request names itself; only content endpoints take one (``?lang``)."""
        return None

    def _speak(self, language: str) -> None:
        self.language = language
        translation.activate(language)
        self.request.LANGUAGE_CODE = language

    def get_exception_handler(self):
        return handle

    def loan(self, reference: str) -> Loan:
        """The borrower's own loan, or 404."""
        return get_object_or_404(selectors.loans_of(borrower=self.borrower), reference=reference)

    def body(self) -> dict:
        """The request's JSON object; any other JSON value is a 400 with a clear message."""
        if not isinstance(self.request.data, dict):
            raise exceptions.ValidationError(
                {"non_field_errors": [_("Send the request as a JSON object.")]}
            )
        return self.request.data


def merged(first: dict, second: dict) -> dict:
    """``first`` and ``second`` errors together; ``second``'s message wins for a field both
    refuse (nested errors, a budget's, are merged field by field)."""
    errors = dict(first)
    for name, problems in second.items():
        if isinstance(problems, dict) and isinstance(errors.get(name), dict):
            errors[name] = merged(errors[name], problems)
        else:
            errors[name] = problems
    return errors


def refuse_if_invalid(request, *form_errors: dict) -> None:
    """A 400 with every problem the request has: the schema's (``request``, the endpoint's
    request serializer over the body) and the forms' (the pages' messages, which win)."""
    errors = {} if request.is_valid() else dict(request.errors)
    for more in form_errors:
        errors = merged(errors, more)
    if errors:
        raise exceptions.ValidationError(errors)
