"""The lender API's body: JSON decoded as the file import decodes it, read up to a cap.

Not a subclass of DRF's ``JSONParser``: DRF hands its JSON and form parsers ``request.body``,
which Django refuses past ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (2.5 MiB) with an HTML 400 before any
parser runs. Any other parser gets the request stream itself, which this one reads only up to
``MAX_BODY_BYTES``, so a batch up to that size is taken and one above it is a JSON 413, without
raising the limit for the rest of the site."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, status
from rest_framework.parsers import BaseParser, get_encoding

from repayment.importing.parse import decode_json

# Far above what MAX_ITEMS records take (about 250 bytes each), far below what would hurt.
MAX_BODY_BYTES = 4 * 1024 * 1024


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = gettext_lazy("The request is too large.")
    default_code = "too_large"


def body_too_large() -> PayloadTooLarge:
    return PayloadTooLarge(
        _("The request body is larger than %(limit)d MiB; send smaller batches.")
        % {"limit": MAX_BODY_BYTES // (1024 * 1024)}
    )


def _declared_length(parser_context) -> int:
    request = (parser_context or {}).get("request")
    meta = getattr(request, "META", {})
    try:
        return int(meta.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


class DecimalJSONParser(BaseParser):
    """JSON decoded as the file import decodes it (``decode_json``: decimals, no NaN, no
    repeated key), with a cap on the body read."""

    media_type = "application/json"

    def parse(self, stream, media_type=None, parser_context=None):
        if _declared_length(parser_context) > MAX_BODY_BYTES:
            raise body_too_large()  # said before a byte is read
        encoding = get_encoding(parser_context or {})
        body = stream.read(MAX_BODY_BYTES + 1) if stream is not None else b""
        if len(body) > MAX_BODY_BYTES:
            raise body_too_large()
        try:
            return decode_json(body.decode(encoding))
        except (ValueError, RecursionError) as exc:
            raise exceptions.ParseError(
                _("The body is not valid JSON: %(reason)s") % {"reason": exc}
            ) from None
