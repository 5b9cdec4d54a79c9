"""Who is calling: the lender key in ``Authorization: Bearer <key>`` (or ``Api-Key <key>``).

``request.auth`` is the ``LenderKey``; ``request.user`` stays the anonymous user. A lender's
system is not a person, and code that reads ``request.user`` (the audit trail, auditlog's
actor) must never take it for a member of staff.
"""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions

from .keys import KeyRefused, check_key

SCHEMES = {"bearer", "api-key"}


class LenderKeyAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        header = request.headers.get("Authorization", "")
        scheme, _sep, credentials = header.strip().partition(" ")
        if scheme.lower() not in SCHEMES:
            return None  # not ours: the permission answers 401 with the header below
        credentials = credentials.strip()
        if not credentials or " " in credentials:
            raise exceptions.AuthenticationFailed(
                _("Send the key as: Authorization: Bearer <key>.")
            )
        try:
            key = check_key(plaintext=credentials)
        except KeyRefused as refused:
            raise exceptions.AuthenticationFailed(str(refused)) from None
        return AnonymousUser(), key

    def authenticate_header(self, request):
        return 'Bearer realm="lender-api"'
