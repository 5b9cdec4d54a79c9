import json
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, status
from rest_framework.parsers import JSONParser, get_encoding

# Far above what MAX_ITEMS records take (about 250 bytes each), far below what would hurt.
MAX_BODY_BYTES = 4 * 1024 * 1024


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = gettext_lazy("The request is too large.")
    default_code = "too_large"


def _refuse_constant(name: str):
    raise ValueError(_("%(name)s is not a number") % {"name": name})


class DecimalJSONParser(JSONParser):
    """JSON with numbers read as ``Decimal``, never ``float`` (an amount sent as a number keeps
    its digits, as in the file import), and a cap on the body read."""

    def parse(self, stream, media_type=None, parser_context=None):
        encoding = get_encoding(parser_context or {})
        body = stream.read(MAX_BODY_BYTES + 1) if stream is not None else b""
        if len(body) > MAX_BODY_BYTES:
            raise PayloadTooLarge(
                _("The request body is larger than %(limit)d MB; send smaller batches.")
                % {"limit": MAX_BODY_BYTES // (1024 * 1024)}
            )
        try:
            return json.loads(
                body.decode(encoding), parse_float=Decimal, parse_constant=_refuse_constant
            )
        except (ValueError, RecursionError) as exc:
            raise exceptions.ParseError(
                _("The body is not valid JSON: %(reason)s") % {"reason": exc}
            ) from None
