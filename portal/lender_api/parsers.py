from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, status
from rest_framework.parsers import JSONParser, get_encoding

from repayment.importing.parse import decode_json

# Far above what MAX_ITEMS records take (about 250 bytes each), far below what would hurt.
MAX_BODY_BYTES = 4 * 1024 * 1024


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = gettext_lazy("The request is too large.")
    default_code = "too_large"


class DecimalJSONParser(JSONParser):
    """JSON decoded as the file import decodes it (``decode_json``), with a cap on the body
    read."""

    def parse(self, stream, media_type=None, parser_context=None):
        encoding = get_encoding(parser_context or {})
        body = stream.read(MAX_BODY_BYTES + 1) if stream is not None else b""
        if len(body) > MAX_BODY_BYTES:
            raise PayloadTooLarge(
                _("The request body is larger than %(limit)d MB; send smaller batches.")
                % {"limit": MAX_BODY_BYTES // (1024 * 1024)}
            )
        try:
            return decode_json(body.decode(encoding))
        except (ValueError, RecursionError) as exc:
            raise exceptions.ParseError(
                _("The body is not valid JSON: %(reason)s") % {"reason": exc}
            ) from None
