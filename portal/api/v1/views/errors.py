"""The error answers each kind of endpoint can give, for the schema."""

from types import SimpleNamespace

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="In the borrower's language.")
    code = serializers.CharField(help_text="Stable: branch on this, not on the words.")
    proposal = serializers.IntegerField(
        required=False,
        help_text="proposal_open only: the id of the proposal a person is still looking at.",
    )


_AUTH = {
    401: OpenApiResponse(ErrorSerializer, description="Not signed in (with a session token)."),
    403: OpenApiResponse(
        ErrorSerializer,
        description="Not signed in (session), or the login is not linked to a borrower.",
    ),
    429: OpenApiResponse(ErrorSerializer, description="Too many requests: see Retry-After."),
}
_NOT_FOUND = {
    404: OpenApiResponse(ErrorSerializer, description="No such loan (or not yours)."),
}
_INVALID = {
    400: OpenApiResponse(
        OpenApiTypes.OBJECT,
        description='Bad input: {"field": ["message", ...]}; errors of the whole request '
        'under "non_field_errors". A NUL character anywhere in the request (address, '
        'headers) is {"detail": ..., "code": "invalid"}.',
    ),
}
_CONFLICT = {
    409: OpenApiResponse(
        ErrorSerializer,
        description="The loan's state refuses it (a plan or pause already in place, an entry "
        "already questioned), or the Idempotency-Key was used for another request.",
    ),
}

# Every endpoint can answer 400: a NUL anywhere in a request is refused before any view
# (portal.hostile).
ERRORS = SimpleNamespace(
    auth={**_INVALID, **_AUTH},
    read={**_INVALID, **_AUTH, **_NOT_FOUND},
    write={**_INVALID, **_AUTH, **_NOT_FOUND, **_CONFLICT},
    update={**_INVALID, **_AUTH},
)
